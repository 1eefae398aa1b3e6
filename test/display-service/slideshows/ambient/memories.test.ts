import assert from 'node:assert/strict';
import { bagQuery, localDay, memoriesQuery } from '../../../../display-service/slideshows/ambient/memories';

describe('slideshows/ambient/memories', () => {
  it("names the calendar day it is in the device's zone", () => {
    const instant = Date.UTC(2026, 6, 14, 22, 30); // 22:30 UTC on July 14
    assert.equal(localDay(instant, 'UTC'), '2026-07-14');
    assert.equal(localDay(instant, 'Europe/Berlin'), '2026-07-15');
    assert.equal(localDay(instant, 'America/Los_Angeles'), '2026-07-14');
  });

  it('asks for this week (±3 days) in earlier years, newest first, leaving out the last week', () => {
    const query = memoriesQuery('2027-01-02');
    assert.deepEqual(query.monthDays, [{ month: 1, day: 2, plusMinusDays: 3 }]);
    assert.equal(query.takenTo, '2026-12-26T00:00:00');
    assert.equal(query.order, 'newest');
    assert.equal(query.collapseDuplicates, true);
    assert.deepEqual(query.mediaKinds, ['photo']);
    assert.equal(query.exclude.screenshots, true);
  });

  it('shuffles the whole library with the given seed, photos only, one per near-duplicate group', () => {
    const query = bagQuery('ss_amb_x/3');
    assert.deepEqual(
      [query.order, query.seed, query.collapseDuplicates, query.mediaKinds, query.labels],
      ['shuffle', 'ss_amb_x/3', true, ['photo'], []],
    );
  });
});
