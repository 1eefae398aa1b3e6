import assert from 'node:assert/strict';
import { answersSearch } from '../../../../metadata-service/labels/search-thresholds';
import { labelsFromObjects } from '../../../../metadata-service/vision/coco-labels';
import {
  LOOK_EXPAND,
  LOOK_MIN_SCORE,
  LOOK_MIN_SIDE_PX,
  MAX_LOOKS_PER_PHOTO,
  OVERRULED_FACTOR,
  applySecondLooks,
  boxInImage,
  closerScore,
  lookRegion,
  overlapOfSmaller,
  secondLookCandidates,
} from '../../../../metadata-service/vision/objects/second-look';
import type { DetectedObject } from '../../../../metadata-service/vision/vision-types';

const object = (label: string, score: number, box: Partial<DetectedObject['box']> = {}): DetectedObject => ({
  label,
  score,
  box: { left: 0.4, top: 0.4, width: 0.1, height: 0.1, ...box },
});
const gates: Record<string, number> = { person: 0.4, bowl: 0.5, tie: 0.5, bird: 0.47 };
const threshold = (label: string) => gates[label] ?? 0.4;

describe('a second, closer look at doubtful objects', () => {
  it('looks only at labels none of whose detections answers, at their best detection, best first', () => {
    const objects = [
      object('person', 0.62),
      object('person', 0.3),
      object('bowl', 0.35),
      object('bowl', 0.47),
      object('tie', 0.36),
    ];
    const candidates = secondLookCandidates(objects, threshold);
    assert.deepEqual(
      candidates.map((c) => [c.label, c.score]),
      [
        ['bowl', 0.47],
        ['tie', 0.36],
      ],
    );
    assert.equal(candidates[0], objects[3]);
  });

  it('bounds the looks a photo gets', () => {
    const clutter = ['cup', 'fork', 'knife', 'spoon', 'bottle'].map((label, i) =>
      object(label, 0.31 + i / 100),
    );
    const candidates = secondLookCandidates(clutter, () => 0.5, 3);
    assert.deepEqual(
      candidates.map((c) => c.label),
      ['bottle', 'spoon', 'knife'],
    );
    assert.deepEqual(secondLookCandidates([], threshold), []);
    assert.equal(MAX_LOOKS_PER_PHOTO, 2);
    assert.equal(secondLookCandidates(clutter, () => 0.5).length, MAX_LOOKS_PER_PHOTO);
  });

  it('does not look at detections below LOOK_MIN_SCORE', () => {
    assert.deepEqual(secondLookCandidates([object('tie', LOOK_MIN_SCORE - 0.01)], threshold), []);
    assert.equal(secondLookCandidates([object('tie', LOOK_MIN_SCORE)], threshold).length, 1);
  });

  it('crops around the object at LOOK_EXPAND times its longer side, clipped to the image', () => {
    // A 64x48 px bowl in the middle of a 1280x800 image: a 160 px square around it.
    const small = lookRegion({ left: 0.475, top: 0.47, width: 0.05, height: 0.06 }, 1280, 800);
    assert.deepEqual(small, { left: 560, top: 320, width: LOOK_MIN_SIDE_PX, height: LOOK_MIN_SIDE_PX });
    // A 200 px tall person: 500 px around it.
    const person = lookRegion({ left: 0.5, top: 0.25, width: 0.05, height: 0.25 }, 1280, 800);
    assert.equal(person.width, Math.round(LOOK_EXPAND * 200));
    assert.equal(person.height, Math.round(LOOK_EXPAND * 200));
    // At the corner the crop slides inside the image rather than leaving it.
    const corner = lookRegion({ left: 0.98, top: 0.97, width: 0.02, height: 0.03 }, 1280, 800);
    assert.equal(corner.left + corner.width, 1280);
    assert.equal(corner.top + corner.height, 800);
    // A box as large as the image is looked at as the whole image, never more.
    assert.deepEqual(lookRegion({ left: -0.1, top: -0.1, width: 1.2, height: 1.2 }, 640, 480), {
      left: 0,
      top: 0,
      width: 640,
      height: 480,
    });
  });

  it('maps boxes found in the crop back to the whole image', () => {
    const region = { left: 560, top: 320, width: 160, height: 160 };
    const box = boxInImage({ left: 0.25, top: 0.5, width: 0.5, height: 0.25 }, region, 1280, 800);
    assert.deepEqual(box, { left: 600 / 1280, top: 400 / 800, width: 80 / 1280, height: 40 / 800 });
  });

  it('takes the crop best score of the same label on the same object, 0 when unseen', () => {
    const candidate = object('person', 0.36, { left: 0.71, top: 0.35, width: 0.02, height: 0.06 });
    const inCrop = [
      object('person', 0.64, { left: 0.705, top: 0.345, width: 0.025, height: 0.065 }),
      object('person', 0.9, { left: 0.1, top: 0.1, width: 0.05, height: 0.1 }), // someone else
      object('car', 0.8, { left: 0.7, top: 0.34, width: 0.05, height: 0.08 }), // another label
    ];
    assert.equal(closerScore(candidate, inCrop), 0.64);
    assert.equal(closerScore(candidate, inCrop.slice(1)), 0);
    assert.equal(overlapOfSmaller(candidate.box, { left: 0, top: 0, width: 0, height: 0 }), 0);
  });

  it('lets the closer look decide a label, up or down, keeping the first score for provenance', () => {
    const person = object('person', 0.62);
    const bowl = object('bowl', 0.47);
    const weakerBowl = object('bowl', 0.3);
    const bird = object('bird', 0.46);
    const objects = [person, bowl, weakerBowl, bird];
    const after = applySecondLooks(objects, [
      { candidate: bowl, score: 0.57 },
      { candidate: bird, score: 0 },
    ]);
    assert.deepEqual(
      after.map((o) => [o.label, o.score, o.firstLook]),
      [
        ['person', 0.62, undefined],
        ['bowl', 0.57, 0.47],
        ['bird', 0.46 * OVERRULED_FACTOR, 0.46],
      ],
    );
    const labels = labelsFromObjects(after);
    const bowlLabel = labels.find((l) => l.label === 'bowl');
    assert.ok(bowlLabel);
    assert.equal(answersSearch(bowlLabel), true);
    assert.equal(bowlLabel.detail, 'second look on a closer crop (first look 0.47)');
    // A label the closer look did not see stays as evidence, below any search threshold.
    const birdLabel = labels.find((l) => l.label === 'bird');
    assert.ok(birdLabel);
    assert.equal(birdLabel.confidence, 0.23);
    assert.equal(answersSearch(birdLabel), false);
  });

  it('leaves the objects as they were without looks', () => {
    const objects = [object('dog', 0.3), object('person', 0.9)];
    assert.deepEqual(applySecondLooks(objects, []), objects);
  });
});
