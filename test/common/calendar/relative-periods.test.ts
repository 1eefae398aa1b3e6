import assert from 'node:assert/strict';
import {
  holidayWindow,
  relativeUnit,
  relativeWeekend,
  resolveOccurrence,
  occurrenceYear,
  type YearlyEvent,
} from '../../../common/calendar';

const t = (date: string): string => `${date}T00:00:00`;
const WEDNESDAY = { year: 2026, month: 12, day: 2 };
const SATURDAY = { year: 2026, month: 12, day: 5 };

describe('relative periods', () => {
  it('"this weekend" on a Wednesday is Saturday 00:00 to Monday 00:00 ahead, offering last weekend', () => {
    const weekend = relativeWeekend('this', WEDNESDAY);
    assert.deepEqual([weekend.takenFrom, weekend.takenTo], [t('2026-12-05'), t('2026-12-07')]);
    assert.equal(weekend.future?.previous?.name, 'last weekend');
    assert.deepEqual(
      [weekend.future?.previous?.takenFrom, weekend.future?.previous?.takenTo],
      [t('2026-11-28'), t('2026-11-30')],
    );
  });

  it('on a Saturday "this weekend" has begun, and a bare "weekend" is this one', () => {
    assert.equal(relativeWeekend('this', SATURDAY).future, undefined);
    assert.equal(relativeWeekend('latest', SATURDAY).takenFrom, t('2026-12-05'));
    assert.equal(relativeWeekend('latest', WEDNESDAY).takenFrom, t('2026-11-28'));
    assert.equal(relativeWeekend('last', SATURDAY).takenFrom, t('2026-11-28'));
    const next = relativeWeekend('next', SATURDAY);
    assert.deepEqual([next.takenFrom, next.future?.previous?.name], [t('2026-12-12'), 'this weekend']);
  });

  it('"next month" and "next year" are still to come and offer the current one', () => {
    const month = relativeUnit('next', 'month', WEDNESDAY);
    assert.deepEqual([month.takenFrom, month.takenTo], [t('2027-01-01'), t('2027-02-01')]);
    assert.equal(month.future?.previous?.name, 'December 2026');
    const year = relativeUnit('next', 'year', WEDNESDAY);
    assert.equal(year.future?.previous?.name, '2026');
    const week = relativeUnit('last', 'week', WEDNESDAY);
    assert.deepEqual(
      [week.takenFrom, week.takenTo, week.future],
      [t('2026-11-23'), t('2026-11-30'), undefined],
    );
  });

  it('picks this, last and next occurrences of a yearly event, marking one still to come', () => {
    const christmas: YearlyEvent = {
      windowIn: (year) => holidayWindow('CHRISTMAS', year),
      phraseIn: (year) => ({ kind: 'holiday', holiday: 'CHRISTMAS', year }),
      nameIn: (year) => `Christmas ${year}`,
    };
    assert.equal(occurrenceYear(christmas, 'last', WEDNESDAY), 2025);
    assert.equal(occurrenceYear(christmas, 'this', WEDNESDAY), 2026);
    assert.equal(occurrenceYear(christmas, 'next', WEDNESDAY), 2026);
    // On Boxing Day this Christmas is still going on, and "last Christmas" is the one before.
    const boxingDay = { year: 2026, month: 12, day: 26 };
    assert.equal(occurrenceYear(christmas, 'this', boxingDay), 2026);
    assert.equal(occurrenceYear(christmas, 'last', boxingDay), 2025);
    const ahead = resolveOccurrence(christmas, 2026, WEDNESDAY);
    assert.deepEqual([ahead.takenFrom, ahead.future?.previous?.name], [t('2026-12-24'), 'Christmas 2025']);
    assert.equal(resolveOccurrence(christmas, 2026, boxingDay).future, undefined);
  });
});
