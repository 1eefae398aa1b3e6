import assert from 'node:assert/strict';
import { easterSunday, thanksgivingDay } from '../../../metadata-service/query-text/holidays';
import { seasonEvent } from '../../../metadata-service/query-text/seasons';
import { hemisphereForTimeZone } from '../../../metadata-service/query-text/hemisphere';

describe('holidays and seasons', () => {
  it('computes Easter Sunday (Gregorian computus) against published dates', () => {
    const published: [number, string][] = [
      [1818, '03-22'],
      [1943, '04-25'],
      [2000, '04-23'],
      [2008, '03-23'],
      [2019, '04-21'],
      [2024, '03-31'],
      [2025, '04-20'],
      [2038, '04-25'],
    ];
    for (const [year, monthDay] of published) {
      const { month, day } = easterSunday(year);
      assert.equal(
        `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
        monthDay,
        String(year),
      );
    }
  });

  it('puts US Thanksgiving on the fourth Thursday of November', () => {
    assert.deepEqual(thanksgivingDay(2024), { year: 2024, month: 11, day: 28 });
    assert.deepEqual(thanksgivingDay(2025), { year: 2025, month: 11, day: 27 });
    // November 2018 began on a Thursday: the first Thursday is the 1st, the fourth the 22nd.
    assert.deepEqual(thanksgivingDay(2018), { year: 2018, month: 11, day: 22 });
  });

  it('flips meteorological seasons south of the equator', () => {
    assert.deepEqual(seasonEvent('summer', 'N').inYear(2025), {
      from: '2025-06-01T00:00:00',
      to: '2025-09-01T00:00:00',
    });
    assert.deepEqual(seasonEvent('summer', 'S').inYear(2025), {
      from: '2025-12-01T00:00:00',
      to: '2026-03-01T00:00:00',
    });
    assert.deepEqual(seasonEvent('winter', 'S').inYear(2025), {
      from: '2025-06-01T00:00:00',
      to: '2025-09-01T00:00:00',
    });
    assert.deepEqual(seasonEvent('autumn', 'S').inYear(2025).from, '2025-03-01T00:00:00');
    assert.deepEqual(seasonEvent('spring', 'S').inYear(2025).from, '2025-09-01T00:00:00');
  });

  it('guesses the hemisphere from the time zone', () => {
    assert.equal(hemisphereForTimeZone('Australia/Sydney'), 'S');
    assert.equal(hemisphereForTimeZone('Pacific/Auckland'), 'S');
    assert.equal(hemisphereForTimeZone('America/Argentina/Buenos_Aires'), 'S');
    assert.equal(hemisphereForTimeZone('America/Los_Angeles'), 'N');
    assert.equal(hemisphereForTimeZone('Europe/Berlin'), 'N');
  });
});
