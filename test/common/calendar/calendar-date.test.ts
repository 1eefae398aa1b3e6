import assert from 'node:assert/strict';
import {
  addDays,
  addMonths,
  calendarDate,
  calendarDateIn,
  dateOfLocal,
  defaultHemisphere,
  englishNameOf,
  hemisphereCodeForTimeZone,
  hemisphereForTimeZone,
  holidayOfWords,
  isoWeekMonday,
  isoWeekOf,
  isValidTimeZone,
  localDateTime,
  localNow,
  monthOfWord,
  seasonOf,
  seasonOfWords,
  seasonWindow,
} from '../../../common/calendar';
import { isAppError } from '../../../common/errors';

describe('calendar days', () => {
  it('knows which days exist', () => {
    assert.deepEqual(calendarDate(2024, 2, 29), { year: 2024, month: 2, day: 29 });
    for (const [y, m, d] of [
      [2026, 2, 29],
      [2026, 2, 30],
      [2026, 13, 1],
      [2026, 0, 1],
      [2026, 4, 31],
      [2026, 1, 1.5],
    ]) {
      assert.equal(calendarDate(y ?? 0, m ?? 0, d ?? 0), undefined, `${y}-${m}-${d}`);
    }
    assert.equal(dateOfLocal('2026-02-30T00:00:00'), undefined);
    assert.deepEqual(dateOfLocal('2026-12-31T23:59:59'), { year: 2026, month: 12, day: 31 });
  });

  it('adds days across years and months with clamping, DST-free', () => {
    assert.deepEqual(addDays({ year: 2026, month: 12, day: 31 }, 1), { year: 2027, month: 1, day: 1 });
    assert.deepEqual(addDays({ year: 2026, month: 3, day: 29 }, 1), { year: 2026, month: 3, day: 30 });
    assert.deepEqual(addMonths({ year: 2026, month: 1, day: 31 }, 1), { year: 2026, month: 2, day: 28 });
    assert.deepEqual(addMonths({ year: 2026, month: 1, day: 1 }, -1), { year: 2025, month: 12, day: 1 });
    assert.equal(localDateTime({ year: 2026, month: 1, day: 1 }, 6), '2026-01-01T06:00:00');
  });

  it('numbers ISO weeks (week 1 holds 4 January; some years have 53)', () => {
    assert.deepEqual(isoWeekMonday(2026, 1), { year: 2025, month: 12, day: 29 });
    assert.deepEqual(isoWeekMonday(2026, 53), { year: 2026, month: 12, day: 28 });
    assert.equal(isoWeekMonday(2025, 53), undefined);
    assert.deepEqual(isoWeekOf({ year: 2026, month: 12, day: 2 }), { year: 2026, week: 49 });
    assert.deepEqual(isoWeekOf({ year: 2027, month: 1, day: 1 }), { year: 2026, week: 53 });
  });
});

describe('time zones', () => {
  it('finds the user’s calendar day and wall clock in their zone', () => {
    const instant = new Date('2026-12-31T23:30:00Z');
    assert.deepEqual(calendarDateIn(instant, 'America/New_York'), { year: 2026, month: 12, day: 31 });
    assert.deepEqual(calendarDateIn(instant, 'Australia/Sydney'), { year: 2027, month: 1, day: 1 });
    assert.equal(localNow(instant, 'Australia/Sydney').hour, 10);
  });

  it('rejects an unknown zone with INVALID_TIME_ZONE (400)', () => {
    assert.equal(isValidTimeZone('Europe/Berlin'), true);
    assert.equal(isValidTimeZone('Mars/Olympus_Mons'), false);
    assert.throws(
      () => localNow(new Date(), 'Mars/Olympus_Mons'),
      (error: unknown) => isAppError(error) && error.status === 400 && error.code === 'INVALID_TIME_ZONE',
    );
  });
});

describe('seasons and hemispheres', () => {
  it('flips meteorological seasons south of the equator; December seasons run into the next year', () => {
    const window = (season: 'summer' | 'winter' | 'autumn' | 'spring', hemisphere: 'northern' | 'southern') =>
      seasonWindow(season, 2025, hemisphere);
    assert.deepEqual(window('summer', 'northern'), {
      from: { year: 2025, month: 6, day: 1 },
      to: { year: 2025, month: 9, day: 1 },
    });
    assert.deepEqual(window('summer', 'southern'), {
      from: { year: 2025, month: 12, day: 1 },
      to: { year: 2026, month: 3, day: 1 },
    });
    assert.deepEqual(window('winter', 'southern').from, { year: 2025, month: 6, day: 1 });
    assert.deepEqual(window('autumn', 'southern').from, { year: 2025, month: 3, day: 1 });
    assert.deepEqual(seasonOf({ year: 2026, month: 1, day: 15 }, 'northern'), {
      season: 'winter',
      year: 2025,
    });
    assert.deepEqual(seasonOf({ year: 2026, month: 1, day: 15 }, 'southern'), {
      season: 'summer',
      year: 2025,
    });
  });

  it('guesses the hemisphere from the zone or locale', () => {
    assert.equal(hemisphereForTimeZone('Australia/Sydney'), 'southern');
    assert.equal(hemisphereForTimeZone('America/Argentina/Buenos_Aires'), 'southern');
    assert.equal(hemisphereCodeForTimeZone('Pacific/Auckland'), 'S');
    assert.equal(hemisphereCodeForTimeZone('Europe/Berlin'), 'N');
    assert.equal(defaultHemisphere('en-AU'), 'southern');
    assert.equal(defaultHemisphere('de-DE'), 'northern');
    assert.equal(defaultHemisphere(undefined), 'northern');
  });
});

describe('date words and names', () => {
  it('reads holiday, season and month words, and nothing inherited from Object', () => {
    assert.equal(holidayOfWords('christmas'), 'CHRISTMAS');
    assert.equal(holidayOfWords('christmas day'), 'CHRISTMAS_DAY');
    assert.equal(holidayOfWords('new years eve'), 'NEW_YEARS_EVE');
    assert.equal(holidayOfWords('constructor'), undefined);
    assert.equal(seasonOfWords('fall'), 'autumn');
    assert.equal(seasonOfWords('toString'), undefined);
    assert.equal(monthOfWord('july'), 7);
    assert.equal(monthOfWord('julember'), undefined);
  });

  it('names dates in English, relative to today where people say it so', () => {
    const today = { year: 2026, month: 12, day: 2 };
    assert.equal(
      englishNameOf({ kind: 'weekend', saturday: { year: 2026, month: 11, day: 28 } }, today),
      'last weekend',
    );
    assert.equal(
      englishNameOf({ kind: 'weekend', saturday: { year: 2026, month: 12, day: 5 } }, today),
      'this weekend',
    );
    assert.equal(
      englishNameOf({ kind: 'weekend', saturday: { year: 2026, month: 11, day: 21 } }, today),
      'the weekend of November 21, 2026',
    );
    assert.equal(englishNameOf({ kind: 'day', date: { year: 2026, month: 12, day: 1 } }, today), 'yesterday');
    assert.equal(englishNameOf({ kind: 'season', season: 'summer', year: 2026 }, today), 'summer 2026');
    assert.equal(
      englishNameOf({ kind: 'holiday', holiday: 'NEW_YEARS_EVE', year: 2025 }, today),
      "New Year's Eve 2025",
    );
    assert.equal(
      englishNameOf({ kind: 'every-day', month: 12, day: 2, onThisDay: true, plusMinusDays: 0 }, today),
      'on this day',
    );
  });
});
