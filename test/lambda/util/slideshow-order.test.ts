import assert from 'node:assert/strict';
import { inPlayOrder } from '../../../lambda/util/slideshow-order';

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
});
