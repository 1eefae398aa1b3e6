import assert from 'node:assert/strict';
import { resolveAmazonDate } from '../../../common/calendar';
import { HOLIDAY_SLOT_IDS, isHolidayId, resolveHoliday } from '../../../lambda/util/holidays';

/** Wednesday 25 November 2026. */
const TODAY = { year: 2026, month: 11, day: 25 };
const t = (date: string): string => `${date}T00:00:00`;

describe('the HOLIDAY slot', () => {
  it('knows every slot id, ON_THIS_DAY included, and nothing else', () => {
    assert.ok(HOLIDAY_SLOT_IDS.includes('ON_THIS_DAY'));
    for (const id of ['CHRISTMAS', 'EASTER', 'BIRTHDAY', 'ON_THIS_DAY'])
      assert.equal(isHolidayId(id), true, id);
    for (const id of ['christmas', 'CHRISTMAS_DAY', '', 'toString']) assert.equal(isHolidayId(id), false, id);
  });

  it('reads a holiday through the calendar (Christmas is 24–26 December)', () => {
    const christmas = resolveHoliday({ holiday: 'CHRISTMAS', locale: 'en-US', today: TODAY, every: false });
    assert.deepEqual([christmas?.takenFrom, christmas?.takenTo], [t('2025-12-24'), t('2025-12-27')]);
  });

  it('ON_THIS_DAY → today ±0 in any year before this one', () => {
    const onThisDay = resolveHoliday({ holiday: 'ON_THIS_DAY', locale: 'en-US', today: TODAY, every: false });
    assert.deepEqual(onThisDay?.monthDays, [{ month: 11, day: 25, plusMinusDays: 0 }]);
    assert.deepEqual([onThisDay?.takenFrom, onThisDay?.takenTo], ['1820-01-01T00:00:00', t('2026-11-25')]);
    assert.deepEqual(onThisDay?.phrase, {
      kind: 'every-day',
      month: 11,
      day: 25,
      onThisDay: true,
      plusMinusDays: 0,
    });
  });

  it('ON_THIS_DAY with a date said with it ("on this day in the 2010s") keeps to those years', () => {
    const onThisDay = resolveHoliday({
      holiday: 'ON_THIS_DAY',
      locale: 'de-DE',
      today: TODAY,
      every: false,
      within: resolveAmazonDate('201X', { today: TODAY, hemisphere: 'northern' }),
    });
    assert.deepEqual([onThisDay?.takenFrom, onThisDay?.takenTo], [t('2010-01-01'), t('2020-01-01')]);
    assert.deepEqual(onThisDay?.monthDays, [{ month: 11, day: 25, plusMinusDays: 0 }]);
  });

  it('ON_THIS_DAY with an earlier year ("on this day last year") is that one day, said by its date', () => {
    const lastYear = resolveAmazonDate('2025', { today: TODAY, hemisphere: 'northern' });
    const onThisDay = resolveHoliday({
      holiday: 'ON_THIS_DAY',
      locale: 'en-US',
      today: TODAY,
      every: false,
      within: lastYear,
    });
    assert.deepEqual([onThisDay?.takenFrom, onThisDay?.takenTo], [t('2025-11-25'), t('2025-11-26')]);
    assert.equal(onThisDay?.monthDays, undefined);
    assert.deepEqual(onThisDay?.phrase, { kind: 'day', date: { year: 2025, month: 11, day: 25 } });
  });

  it('ON_THIS_DAY with this year stays "on this day" within it (today is no history yet), not today', () => {
    const thisYear = resolveAmazonDate('2026', { today: TODAY, hemisphere: 'northern' });
    const onThisDay = resolveHoliday({
      holiday: 'ON_THIS_DAY',
      locale: 'en-US',
      today: TODAY,
      every: false,
      within: thisYear,
    });
    assert.deepEqual(onThisDay?.monthDays, [{ month: 11, day: 25, plusMinusDays: 0 }]);
    assert.equal(onThisDay?.phrase.kind, 'every-day');
    assert.equal(onThisDay?.takenTo, t('2026-11-25'));
  });

  it('birthdays have no date (the label finds them)', () => {
    assert.equal(
      resolveHoliday({ holiday: 'BIRTHDAY', locale: 'en-US', today: TODAY, every: false }),
      undefined,
    );
  });
});
