import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Human } from '@vladmandic/human';
import { answersSearch } from '../../../../metadata-service/labels/search-thresholds';
import { labelsFromObjects } from '../../../../metadata-service/vision/coco-labels';
import { detectPixels, loadHuman } from '../../../../metadata-service/vision/human-detector';
import { lookCloser } from '../../../../metadata-service/vision/objects/look-closer';
import { visionPixels, type RgbPixels } from '../../../../metadata-service/vision/vision-pixels';
import type { DetectedObject } from '../../../../metadata-service/vision/vision-types';
import { visionTestPhotos } from '../vision-test-photos';

async function firstPass(human: Human, pixels: RgbPixels): Promise<DetectedObject[]> {
  const result = await detectPixels(human, pixels, () => false);
  return result.object.map((o) => ({
    label: o.label,
    score: o.score,
    box: { left: o.boxRaw[0], top: o.boxRaw[1], width: o.boxRaw[2], height: o.boxRaw[3] },
  }));
}

describe('the second look on real photos (CenterNet)', function () {
  this.timeout(120_000);
  let human: Human;
  let street: RgbPixels;

  before(async function () {
    const photos = visionTestPhotos(this);
    human = await loadHuman();
    const file = join(photos.root, 'usr/share/doc/libdlib19.1/examples/mmod_cars_test_image.jpg');
    street = await visionPixels({ path: file }, 'image/jpeg');
  });

  it('finds the people down dlib street that the whole-photo pass scored below the person gate', async () => {
    const objects = await firstPass(human, street);
    const people = objects.filter((o) => o.label === 'person');
    assert.ok(people.length > 0, 'the first pass sees someone');
    assert.ok(
      people.every((p) => !answersSearch({ label: 'person', source: 'vision', confidence: p.score })),
      `first pass people: ${people.map((p) => p.score).join(', ')}`,
    );
    const after = await lookCloser(human, street, objects);
    const person = labelsFromObjects(after).find((l) => l.label === 'person');
    assert.ok(person, 'the closer look keeps a person');
    assert.ok(answersSearch(person), `person after the closer look: ${person.confidence}`);
    assert.match(person.detail ?? '', /^second look on a closer crop \(first look 0\.\d+\)$/);
    // Labels that already answered (the cars) are not looked at again.
    const cars = after.filter((o) => o.label === 'car');
    assert.deepEqual(
      cars,
      objects.filter((o) => o.label === 'car'),
    );
  });
});
