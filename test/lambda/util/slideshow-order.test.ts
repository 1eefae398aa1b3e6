import assert from 'node:assert/strict';
import { inPlayOrder, inSpokenOrder } from '../../../lambda/util/slideshow-order';

describe('play order', () => {
  it('shuffle sets a fresh seed; date order drops any seed; other filters are kept', () => {
    const query = { labels: ['beach'], order: 'shuffle' as const, seed: 'old' };
    const shuffled = inPlayOrder(query, true, 'new-seed');
    assert.equal(shuffled.order, 'shuffle');
    assert.equal(shuffled.seed, 'new-seed');
    assert.deepEqual(shuffled.labels, ['beach']);
    const dated = inPlayOrder(query, false);
    assert.equal(dated.order, 'oldest');
    assert.equal('seed' in dated, false);
    assert.notEqual(inPlayOrder({}, true).seed, inPlayOrder({}, true).seed);
  });

  it('plays in the order the person said, whatever the shuffle setting', () => {
    const query = { labels: ['beach'], seed: 'old' };
    const newest = inSpokenOrder(query, 'newest', true);
    assert.equal(newest.order, 'newest');
    assert.equal('seed' in newest && newest.seed !== undefined, false);
    assert.equal(inSpokenOrder(query, 'oldest', true).order, 'oldest');
    assert.equal(inSpokenOrder(query, 'shuffle', false).order, 'shuffle');
    // Nothing said: the setting decides.
    assert.equal(inSpokenOrder(query, undefined, true).order, 'shuffle');
    assert.equal(inSpokenOrder(query, undefined, false).order, 'oldest');
  });
});
