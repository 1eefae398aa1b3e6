import assert from 'node:assert/strict';
import { scoreClusters } from '../../../eval/vision/cluster-scores';

describe('vision cluster scores', () => {
  it('is pure with one cluster per person when clusters follow people', () => {
    const scores = scoreClusters([
      { cluster: 'a', identity: 'ann' },
      { cluster: 'a', identity: 'ann' },
      { cluster: 'b', identity: 'bob' },
    ]);
    assert.equal(scores.purity, 1);
    assert.equal(scores.clustersPerIdentity, 1);
    assert.equal(scores.clusters, 2);
    assert.equal(scores.identities, 2);
  });

  it('counts a mixed cluster against purity and a split person against clusters per identity', () => {
    const scores = scoreClusters([
      { cluster: 'a', identity: 'ann' },
      { cluster: 'a', identity: 'ann' },
      { cluster: 'a', identity: 'bob' },
      { cluster: 'b', identity: 'ann' },
      { cluster: 'c', identity: 'ann' },
    ]);
    // Cluster a's majority is ann (2 of 3); b and c are pure: 4 of 5 faces with their cluster's person.
    assert.equal(scores.purity, 4 / 5);
    // ann spreads over a, b, c; bob is in a: (3 + 1) / 2.
    assert.equal(scores.clustersPerIdentity, 2);
    assert.deepEqual(scores.spread[0], { identity: 'ann', faces: 4, clusterSizes: [2, 1, 1] });
  });

  it('has no figures without faces', () => {
    const scores = scoreClusters([]);
    assert.equal(scores.purity, undefined);
    assert.equal(scores.clustersPerIdentity, undefined);
  });
});
