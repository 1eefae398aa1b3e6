import assert from 'node:assert/strict';
import { couldBe, coverage, faceSizeBucket, iou, matchFaces } from '../../../eval/vision/face-matching';

describe('vision face matching', () => {
  it('computes intersection over union', () => {
    assert.equal(iou([0, 0, 1, 1], [0, 0, 1, 1]), 1);
    assert.equal(iou([0, 0, 0.5, 0.5], [0.5, 0.5, 0.5, 0.5]), 0);
    assert.ok(Math.abs(iou([0, 0, 0.2, 0.2], [0.1, 0, 0.2, 0.2]) - 0.02 / 0.06) < 1e-12);
  });

  it('accepts a detector box twice the side of a tight table box around it (IoU 0.24)', () => {
    const tight = [0.732, 0.401, 0.074, 0.111] as const;
    const padded = [0.696, 0.337, 0.15, 0.225] as const;
    assert.ok(iou(tight, padded) < 0.25);
    assert.deepEqual(matchFaces([tight], [padded]).pairs, [[0, 0]]);
  });

  it('rejects a box far larger than the face (a whole group) or far smaller (an eye)', () => {
    const face = [0.4, 0.4, 0.05, 0.05] as const;
    assert.equal(couldBe(face, [0.3, 0.3, 0.3, 0.3]), false);
    assert.equal(couldBe(face, [0.41, 0.41, 0.01, 0.01]), false);
    assert.ok(Math.abs(coverage(face, [0.3, 0.3, 0.3, 0.3]) - 1) < 1e-9);
  });

  it('matches one to one, best overlap first, and reports misses and extras', () => {
    const truth = [
      [0.1, 0.1, 0.2, 0.2],
      [0.5, 0.1, 0.2, 0.2],
      [0.1, 0.7, 0.1, 0.1],
    ] as const;
    const detected = [
      [0.52, 0.1, 0.2, 0.2],
      [0.11, 0.1, 0.2, 0.2],
      [0.12, 0.12, 0.2, 0.2],
      [0.8, 0.8, 0.1, 0.1],
    ] as const;
    const match = matchFaces(truth, detected);
    assert.deepEqual(match.pairs, [
      [0, 1],
      [1, 0],
    ]);
    assert.deepEqual(match.missed, [2]);
    assert.deepEqual(match.extra, [2, 3]);
  });

  it('does not match a neighbour that barely overlaps', () => {
    assert.deepEqual(matchFaces([[0.1, 0.1, 0.1, 0.1]], [[0.18, 0.1, 0.1, 0.1]]).pairs, []);
  });

  it('buckets face sizes at 40 and 80 px', () => {
    assert.equal(faceSizeBucket(39.9), '<40');
    assert.equal(faceSizeBucket(40), '40-80');
    assert.equal(faceSizeBucket(79.9), '40-80');
    assert.equal(faceSizeBucket(80), '>=80');
  });
});
