import assert from 'node:assert/strict';
import { faceSizeBucket, iou, matchFaces } from '../../../eval/vision/face-matching';

describe('vision face matching', () => {
  it('computes intersection over union', () => {
    assert.equal(iou([0, 0, 1, 1], [0, 0, 1, 1]), 1);
    assert.equal(iou([0, 0, 0.5, 0.5], [0.5, 0.5, 0.5, 0.5]), 0);
    assert.ok(Math.abs(iou([0, 0, 0.2, 0.2], [0.1, 0, 0.2, 0.2]) - 0.02 / 0.06) < 1e-12);
  });

  it('accepts a padded detection around a tight table box', () => {
    // A 37 px tight box inside a 55 px detector box: IoU ~0.45.
    const tight = [0.4, 0.4, 0.037, 0.037] as const;
    const padded = [0.391, 0.391, 0.055, 0.055] as const;
    assert.deepEqual(matchFaces([tight], [padded]).pairs, [[0, 0]]);
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
