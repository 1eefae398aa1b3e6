import assert from 'node:assert/strict';
import { easterSunday, holidayWindow, isDatedHoliday, type DatedHoliday } from '../../../common/calendar';

const t = (date: string): string => `${date}T00:00:00`;

describe('holidays (one calendar for the skill and free text)', () => {
  it('dates Easter Sunday (date-easter) as published, 1818–2038', () => {
    const published: Array<[number, number, number]> = [
      [1818, 3, 22],
      [1943, 4, 25],
      [2000, 4, 23],
      [2008, 3, 23],
      [2019, 4, 21],
      [2024, 3, 31],
      [2025, 4, 20],
      [2026, 4, 5],
      [2038, 4, 25],
    ];
    for (const [year, month, day] of published) assert.deepEqual(easterSunday(year), { year, month, day });
  });

  /** holiday, year, locale, first day, day after the last, why. */
  const windows: Array<[DatedHoliday, number, string, string, string, string]> = [
    ['CHRISTMAS', 2026, 'en-US', '2026-12-24', '2026-12-27', 'Christmas Eve dinner to Boxing Day'],
    ['CHRISTMAS', 2025, 'de-DE', '2025-12-24', '2025-12-27', 'Heiligabend and both Weihnachtsfeiertage'],
    ['CHRISTMAS_DAY', 2026, 'en-US', '2026-12-25', '2026-12-26', 'Christmas Day alone'],
    ['CHRISTMAS_EVE', 2026, 'de-DE', '2026-12-24', '2026-12-25', 'Heiligabend'],
    ['THANKSGIVING', 2026, 'en-US', '2026-11-26', '2026-11-27', 'fourth Thursday of November'],
    ['THANKSGIVING', 2025, 'en-US', '2025-11-27', '2025-11-28', 'fourth Thursday of November'],
    ['THANKSGIVING', 2018, 'en-US', '2018-11-22', '2018-11-23', 'November 2018 began on a Thursday'],
    ['THANKSGIVING', 2026, 'en-CA', '2026-10-12', '2026-10-13', 'Canada: second Monday of October'],
    ['THANKSGIVING', 2026, 'de-DE', '2026-10-04', '2026-10-05', 'Erntedank: first Sunday of October'],
    ['MOTHERS_DAY', 2026, 'en-US', '2026-05-10', '2026-05-11', 'second Sunday of May'],
    ['MOTHERS_DAY', 2026, 'en-GB', '2026-03-15', '2026-03-16', 'Mothering Sunday: three weeks before Easter'],
    ['FATHERS_DAY', 2026, 'en-US', '2026-06-21', '2026-06-22', 'third Sunday of June'],
    ['FATHERS_DAY', 2026, 'en-AU', '2026-09-06', '2026-09-07', 'Australia: first Sunday of September'],
    ['FATHERS_DAY', 2026, 'de-DE', '2026-05-14', '2026-05-15', 'Vatertag: Ascension Day'],
    ['EASTER', 2024, 'en-US', '2024-03-31', '2024-04-01', 'Easter Sunday'],
    ['EASTER', 2025, 'en-US', '2025-04-20', '2025-04-21', 'Easter Sunday'],
    ['EASTER', 2026, 'de-DE', '2026-04-05', '2026-04-07', 'Ostersonntag and Ostermontag'],
    ['EASTER', 2026, 'en-GB', '2026-04-05', '2026-04-07', 'Easter Sunday and the Easter Monday bank holiday'],
    ['HALLOWEEN', 2026, 'en-US', '2026-10-31', '2026-11-01', 'fixed'],
    ['VALENTINES_DAY', 2026, 'en-IN', '2026-02-14', '2026-02-15', 'fixed, any locale'],
    ['NEW_YEARS_DAY', 2026, 'en-US', '2026-01-01', '2026-01-02', 'fixed'],
    ['INDEPENDENCE_DAY', 2021, 'en-US', '2021-07-04', '2021-07-05', 'fixed'],
  ];
  for (const [holiday, year, locale, from, to, why] of windows) {
    it(`${holiday} ${year} in ${locale} is [${from}, ${to}) (${why})`, () => {
      assert.deepEqual(holidayWindow(holiday, year, locale), { from: t(from), to: t(to) });
    });
  }

  it("runs New Year's Eve into the small hours of New Year's Day", () => {
    assert.deepEqual(holidayWindow('NEW_YEARS_EVE', 2025, 'en-US'), {
      from: t('2025-12-31'),
      to: '2026-01-01T06:00:00',
    });
    assert.deepEqual(holidayWindow('NEW_YEARS_EVE', 2026, 'de-DE'), {
      from: t('2026-12-31'),
      to: '2027-01-01T06:00:00',
    });
  });

  it('knows which ids have a date', () => {
    assert.equal(isDatedHoliday('CHRISTMAS'), true);
    assert.equal(isDatedHoliday('CHRISTMAS_DAY'), true);
    assert.equal(isDatedHoliday('BIRTHDAY'), false);
    assert.equal(isDatedHoliday('ON_THIS_DAY'), false);
    assert.equal(isDatedHoliday('toString'), false);
  });
});
