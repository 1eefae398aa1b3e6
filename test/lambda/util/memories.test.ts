import assert from 'node:assert/strict';
import { isMemory } from '../../../lambda/util/memories';

describe('memories (this week in earlier years)', () => {
  const today = { year: 2026, month: 11, day: 25 };
  it('within three days of the date in an earlier year, across New Year, never the last week', () => {
    assert.equal(isMemory('2023-11-27T10:00:00', today), true);
    assert.equal(isMemory('2025-11-22T10:00:00', today), true);
    assert.equal(isMemory('2025-11-29T10:00:00', today), false, 'four days off');
    assert.equal(isMemory('2026-11-24T10:00:00', today), false, 'yesterday is not a memory yet');
    assert.equal(isMemory('2025-07-01T10:00:00', today), false);
    assert.equal(isMemory(null, today), false);
    assert.equal(isMemory('2024-12-30T10:00:00', { year: 2027, month: 1, day: 1 }), true);
  });
});
