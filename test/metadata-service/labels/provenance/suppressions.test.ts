import assert from 'node:assert/strict';
import {
  overlap,
  SAME_FACE_OVERLAP,
  withoutSuppressedFaces,
} from '../../../../metadata-service/labels/provenance/suppressions';

const box = (left: number, top: number, width: number, height: number) => ({ left, top, width, height });

describe('face suppressions: a removed face found again is dropped by its box', () => {
  it('measures overlap as intersection over union', () => {
    assert.ok(Math.abs(overlap(box(0.1, 0.1, 0.2, 0.2), box(0.1, 0.1, 0.2, 0.2)) - 1) < 1e-9);
    assert.equal(overlap(box(0, 0, 0.2, 0.2), box(0.5, 0.5, 0.2, 0.2)), 0);
    assert.equal(overlap(box(0, 0, 0.2, 0.2), box(0.2, 0, 0.2, 0.2)), 0, 'touching edges do not overlap');
    // Half of one box over the other: 0.02 / (0.04 + 0.04 - 0.02).
    assert.ok(Math.abs(overlap(box(0, 0, 0.2, 0.2), box(0.1, 0, 0.2, 0.2)) - 1 / 3) < 1e-9);
    assert.equal(overlap(box(0.1, 0.1, 0, 0), box(0.1, 0.1, 0, 0)), 0, 'empty boxes match nothing');
  });

  it('drops the face a model finds again a little shifted, keeps the person next to it', () => {
    const removed = [box(0.4, 0.2, 0.1, 0.15)];
    const again = { box: box(0.405, 0.205, 0.1, 0.15), id: 'same face, new analysis' };
    const neighbour = { box: box(0.55, 0.2, 0.1, 0.15), id: 'the person beside' };
    assert.ok(overlap(again.box, removed[0] ?? box(0, 0, 0, 0)) >= SAME_FACE_OVERLAP);
    assert.deepEqual(withoutSuppressedFaces([again, neighbour], removed), [neighbour]);
    assert.deepEqual(withoutSuppressedFaces([again, neighbour], []), [again, neighbour]);
  });

  it('keeps a smaller face inside a removed big box (a child on a parent’s lap is someone else)', () => {
    const removed = [box(0.2, 0.2, 0.4, 0.4)];
    const child = { box: box(0.3, 0.3, 0.1, 0.1) };
    assert.deepEqual(withoutSuppressedFaces([child], removed), [child]);
  });
});
