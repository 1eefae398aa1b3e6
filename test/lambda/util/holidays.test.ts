import assert from 'node:assert/strict';
import { easterSunday } from '../../../lambda/util/calendar';
import { holidayWindow, resolveHoliday, type HolidayId } from '../../../lambda/util/holidays';

/** Wednesday 25 November 2026: the day before US Thanksgiving 2026. */
const TODAY = { year: 2026, month: 11, day: 25 };
const t = (date: string): string => `${date}T00:00:00`;

describe('holidays', () => {
  it('computes Easter Sunday (computus) for known years', () => {
    const known: Array<[number, number, number]> = [
      [2019, 4, 21],
      [2024, 3, 31],
      [2025, 4, 20],
      [2026, 4, 5],
      [2038, 4, 25],
    ];
    for (const [year, month, day] of known) assert.deepEqual(easterSunday(year), { year, month, day });
  });

  const windows: Array<[HolidayId, number, string, string, string]> = [
    ['THANKSGIVING', 2026, 'en-US', '2026-11-26', 'fourth Thursday of November'],
    ['THANKSGIVING', 2025, 'en-US', '2025-11-27', 'fourth Thursday of November'],
    ['THANKSGIVING', 2026, 'en-CA', '2026-10-12', 'Canada: second Monday of October'],
    ['THANKSGIVING', 2026, 'de-DE', '2026-10-04', 'Erntedank: first Sunday of October'],
    ['MOTHERS_DAY', 2026, 'en-US', '2026-05-10', 'second Sunday of May'],
    ['MOTHERS_DAY', 2026, 'en-GB', '2026-03-15', 'Mothering Sunday: three weeks before Easter'],
    ['FATHERS_DAY', 2026, 'en-US', '2026-06-21', 'third Sunday of June'],
    ['FATHERS_DAY', 2026, 'en-AU', '2026-09-06', 'Australia: first Sunday of September'],
    ['FATHERS_DAY', 2026, 'de-DE', '2026-05-14', 'Vatertag: Ascension Day'],
    ['EASTER', 2026, 'en-GB', '2026-04-05', 'Easter Sunday'],
    ['CHRISTMAS_EVE', 2026, 'en-US', '2026-12-24', 'fixed'],
    ['HALLOWEEN', 2026, 'en-US', '2026-10-31', 'fixed'],
    ['VALENTINES_DAY', 2026, 'en-IN', '2026-02-14', 'fixed'],
    ['NEW_YEARS_DAY', 2026, 'en-US', '2026-01-01', 'fixed'],
  ];
  for (const [holiday, year, locale, day, why] of windows) {
    it(`${holiday} ${year} in ${locale} is ${day} (${why})`, () => {
      const window = holidayWindow(holiday, year, locale);
      assert.equal(window?.from, t(day));
      assert.equal(window?.to.slice(11), '00:00:00');
      assert.equal(Date.parse(`${window?.to}Z`) - Date.parse(`${window?.from}Z`), 86_400_000);
    });
  }

  it("keeps the small hours of New Year's Day with New Year's Eve", () => {
    assert.deepEqual(holidayWindow('NEW_YEARS_EVE', 2025, 'en-US'), {
      from: t('2025-12-31'),
      to: '2026-01-01T06:00:00',
    });
  });

  it('without a year means the most recent one that has begun', () => {
    const thanksgiving = resolveHoliday({
      holiday: 'THANKSGIVING',
      locale: 'en-US',
      today: TODAY,
      every: false,
    });
    assert.deepEqual([thanksgiving?.takenFrom, thanksgiving?.takenTo], [t('2025-11-27'), t('2025-11-28')]);
    assert.deepEqual(thanksgiving?.phrase, { kind: 'holiday', holiday: 'THANKSGIVING', year: 2025 });
    const canadian = resolveHoliday({ holiday: 'THANKSGIVING', locale: 'en-CA', today: TODAY, every: false });
    assert.equal(canadian?.takenFrom, t('2026-10-12'));
    const christmas = resolveHoliday({ holiday: 'CHRISTMAS', locale: 'en-GB', today: TODAY, every: false });
    assert.deepEqual([christmas?.takenFrom, christmas?.dateRanges], [t('2025-12-25'), []]);
  });

  it('"every Christmas" → one window per year over the last 20 years', () => {
    const every = resolveHoliday({ holiday: 'CHRISTMAS', locale: 'en-US', today: TODAY, every: true });
    assert.ok(every);
    assert.equal(every.dateRanges.length, 20);
    assert.deepEqual(every.dateRanges[0], { from: t('2006-12-25'), to: t('2006-12-26') });
    assert.deepEqual(every.dateRanges[19], { from: t('2025-12-25'), to: t('2025-12-26') });
    assert.deepEqual([every.takenFrom, every.takenTo], [t('2006-12-25'), t('2025-12-26')]);
    assert.deepEqual(every.phrase, { kind: 'every-holiday', holiday: 'CHRISTMAS' });
  });

  it('with a date: the occurrences inside it', () => {
    const in2019 = resolveHoliday({
      holiday: 'EASTER',
      locale: 'en-US',
      today: TODAY,
      every: false,
      within: { takenFrom: t('2019-01-01'), takenTo: t('2020-01-01') },
    });
    assert.deepEqual([in2019?.takenFrom, in2019?.takenTo], [t('2019-04-21'), t('2019-04-22')]);
    assert.deepEqual(in2019?.phrase, { kind: 'holiday', holiday: 'EASTER', year: 2019 });
    const inDecade = resolveHoliday({
      holiday: 'EASTER',
      locale: 'en-US',
      today: TODAY,
      every: false,
      within: { takenFrom: t('2010-01-01'), takenTo: t('2020-01-01') },
    });
    assert.equal(inDecade?.dateRanges.length, 10);
    assert.equal(
      resolveHoliday({
        holiday: 'CHRISTMAS',
        locale: 'en-US',
        today: TODAY,
        every: false,
        within: { takenFrom: t('2026-07-01'), takenTo: t('2026-08-01') },
      }),
      undefined,
      'no Christmas in July',
    );
  });

  it('birthdays have no date (the label finds them)', () => {
    assert.equal(holidayWindow('BIRTHDAY', 2026, 'en-US'), undefined);
    assert.equal(
      resolveHoliday({ holiday: 'BIRTHDAY', locale: 'en-US', today: TODAY, every: false }),
      undefined,
    );
  });
});
