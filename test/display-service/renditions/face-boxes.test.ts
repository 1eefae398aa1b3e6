import assert from 'node:assert/strict';
import type { PhotoFacts } from '../../../common/contracts';
import { faceBoxesOf } from '../../../display-service/renditions/face-boxes';

type Provenance = NonNullable<PhotoFacts['provenance']>;
type Person = Provenance['people'][number];

const face = (box: { left: number; top: number; width: number; height: number }) => ({
  kind: 'face' as const,
  faceId: `f${box.left}`,
  score: 0.9,
  box,
  modelVersion: 'test',
});
/** Only the part of the facts faceBoxesOf reads; the rest of a real photo's facts does not matter here. */
const photoWith = (people: Person[] | undefined): PhotoFacts =>
  ({ provenance: people === undefined ? undefined : { labels: [], people } }) as unknown as PhotoFacts;

const rounded = (box: { left: number; top: number; width: number; height: number }) =>
  Object.fromEntries(Object.entries(box).map(([key, value]) => [key, Math.round(value * 1e6) / 1e6]));

describe('renditions/face-boxes', () => {
  it("takes every face box of the photo's people from its provenance, not the metadata-only names", () => {
    const boxes = faceBoxesOf(
      photoWith([
        { id: 'p1', name: 'Mom', sources: [face({ left: 0.1, top: 0.2, width: 0.1, height: 0.15 })] },
        { id: 'p2', name: 'Dad', sources: [{ kind: 'metadata' }] },
        { id: 'p3', name: null, sources: [face({ left: 0.6, top: 0.3, width: 0.2, height: 0.2 })] },
      ] as Person[]),
    );
    assert.deepEqual(boxes.map(rounded), [
      { left: 0.1, top: 0.2, width: 0.1, height: 0.15 },
      { left: 0.6, top: 0.3, width: 0.2, height: 0.2 },
    ]);
  });

  it('has none without provenance or faces', () => {
    assert.deepEqual(faceBoxesOf(photoWith(undefined)), []);
    assert.deepEqual(faceBoxesOf(photoWith([])), []);
  });

  it('clips boxes to the photo and drops empty or non-finite ones, so a crop never leaves the picture', () => {
    const boxes = faceBoxesOf(
      photoWith([
        {
          id: 'p1',
          name: null,
          sources: [
            face({ left: -0.2, top: 0.9, width: 0.4, height: 0.5 }),
            face({ left: 1.5, top: 0.1, width: 0.1, height: 0.1 }),
            face({ left: Number.NaN, top: 0.1, width: 0.1, height: 0.1 }),
            face({ left: 0.5, top: 0.5, width: 0, height: 0.1 }),
          ],
        },
      ] as Person[]),
    );
    // Only the first survives, clipped to the photo; off the photo, not a number, or empty: dropped.
    assert.deepEqual(boxes.map(rounded), [{ left: 0, top: 0.9, width: 0.2, height: 0.1 }]);
  });
});
