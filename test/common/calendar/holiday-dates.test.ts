import assert from 'node:assert/strict';
import { resolveDatedHoliday } from '../../../common/calendar';

/** Wednesday 25 November 2026: the day before US Thanksgiving 2026. */
const TODAY = { year: 2026, month: 11, day: 25 };
const t = (date: string): string => `${date}T00:00:00`;

describe('resolveDatedHoliday', () => {
  it('without a year means the most recent one that has begun', () => {
    const thanksgiving = resolveDatedHoliday({
      holiday: 'THANKSGIVING',
      locale: 'en-US',
      today: TODAY,
      every: false,
    });
    assert.deepEqual([thanksgiving?.takenFrom, thanksgiving?.takenTo], [t('2025-11-27'), t('2025-11-28')]);
    assert.deepEqual(thanksgiving?.phrase, { kind: 'holiday', holiday: 'THANKSGIVING', year: 2025 });
    assert.equal(thanksgiving?.future, undefined);
    const canadian = resolveDatedHoliday({
      holiday: 'THANKSGIVING',
      locale: 'en-CA',
      today: TODAY,
      every: false,
    });
    assert.equal(canadian?.takenFrom, t('2026-10-12'));
    const christmas = resolveDatedHoliday({
      holiday: 'CHRISTMAS',
      locale: 'en-GB',
      today: TODAY,
      every: false,
    });
    assert.deepEqual(
      [christmas?.takenFrom, christmas?.takenTo, christmas?.dateRanges],
      [t('2025-12-24'), t('2025-12-27'), []],
    );
  });

  it('"every Christmas" → one window (24–26 December) per year over the last 20 years', () => {
    const every = resolveDatedHoliday({ holiday: 'CHRISTMAS', locale: 'en-US', today: TODAY, every: true });
    assert.ok(every);
    assert.equal(every.dateRanges.length, 20);
    assert.deepEqual(every.dateRanges[0], { from: t('2006-12-24'), to: t('2006-12-27') });
    assert.deepEqual(every.dateRanges[19], { from: t('2025-12-24'), to: t('2025-12-27') });
    assert.deepEqual([every.takenFrom, every.takenTo], [t('2006-12-24'), t('2025-12-27')]);
    assert.deepEqual(every.phrase, { kind: 'every-holiday', holiday: 'CHRISTMAS' });
  });

  it('with a date: the occurrences inside it', () => {
    const in2019 = resolveDatedHoliday({
      holiday: 'EASTER',
      locale: 'en-US',
      today: TODAY,
      every: false,
      within: { takenFrom: t('2019-01-01'), takenTo: t('2020-01-01') },
    });
    assert.deepEqual([in2019?.takenFrom, in2019?.takenTo], [t('2019-04-21'), t('2019-04-22')]);
    assert.deepEqual(in2019?.phrase, { kind: 'holiday', holiday: 'EASTER', year: 2019 });
    const inDecade = resolveDatedHoliday({
      holiday: 'EASTER',
      locale: 'en-US',
      today: TODAY,
      every: false,
      within: { takenFrom: t('2010-01-01'), takenTo: t('2020-01-01') },
    });
    assert.equal(inDecade?.dateRanges.length, 10);
    const christmasInJuly = resolveDatedHoliday({
      holiday: 'CHRISTMAS',
      locale: 'en-US',
      today: TODAY,
      every: false,
      within: { takenFrom: t('2026-07-01'), takenTo: t('2026-08-01') },
    });
    assert.equal(christmasInJuly, undefined, 'no Christmas in July');
  });

  it('"Christmas this year" asked on 2 December is still to come: kept, offering Christmas 2025', () => {
    const christmas = resolveDatedHoliday({
      holiday: 'CHRISTMAS',
      locale: 'en-US',
      today: { year: 2026, month: 12, day: 2 },
      every: false,
      within: { takenFrom: t('2026-01-01'), takenTo: t('2027-01-01') },
    });
    assert.deepEqual([christmas?.takenFrom, christmas?.takenTo], [t('2026-12-24'), t('2026-12-27')]);
    assert.deepEqual(christmas?.future?.previous?.name, 'Christmas 2025');
    assert.deepEqual(
      [christmas?.future?.previous?.takenFrom, christmas?.future?.previous?.takenTo],
      [t('2025-12-24'), t('2025-12-27')],
    );
  });

  it('on Christmas Eve, "Christmas" is this one: it has begun', () => {
    const christmas = resolveDatedHoliday({
      holiday: 'CHRISTMAS',
      locale: 'de-DE',
      today: { year: 2026, month: 12, day: 24 },
      every: false,
    });
    assert.deepEqual([christmas?.takenFrom, christmas?.future], [t('2026-12-24'), undefined]);
  });
});
