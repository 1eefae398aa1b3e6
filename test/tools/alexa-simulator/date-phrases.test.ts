import assert from 'node:assert/strict';
import { amazonDateOf } from '../../../tools/alexa-simulator/date-phrases';

describe('amazonDateOf (spoken phrase → AMAZON.DATE value)', () => {
  const cases: Array<[string, string, string | undefined]> = [
    // today, phrase, value
    ['2026-11-25', 'last summer', '2026-SU'],
    ['2026-07-10', 'last summer', '2025-SU'],
    ['2026-09-01', 'last summer', '2026-SU'],
    ['2026-11-25', 'this summer', '2026-SU'],
    ['2026-11-25', 'summer 2025', '2025-SU'],
    ['2026-11-25', 'summer of 2019', '2019-SU'],
    ['2026-11-25', 'last winter', '2025-WI'],
    ['2026-03-01', 'last winter', '2025-WI'],
    ['2026-02-10', 'last winter', '2024-WI'],
    ['2026-02-10', 'this winter', '2025-WI'],
    ['2026-11-25', 'last spring', '2026-SP'],
    ['2026-11-25', 'last fall', '2025-FA'],
    ['2026-11-25', 'last autumn', '2025-FA'],
    ['2026-11-25', 'autumn 2024', '2024-FA'],
    ['2026-11-25', 'last year', '2025'],
    ['2026-11-25', 'this year', '2026'],
    ['2026-11-25', 'in 2019', '2019'],
    ['2026-11-25', '2019', '2019'],
    ['2026-11-25', 'the 2010s', '201X'],
    ['2026-11-25', 'last month', '2026-10'],
    ['2026-01-15', 'last month', '2025-12'],
    ['2026-11-25', 'this month', '2026-11'],
    ['2026-11-25', 'july', '2027-07'],
    ['2026-11-25', 'november', '2026-11'],
    ['2026-11-25', 'july 2025', '2025-07'],
    ['2026-11-25', 'july of 2025', '2025-07'],
    ['2026-11-25', 'july 14th', '2027-07-14'],
    ['2026-11-25', 'december 24', '2026-12-24'],
    ['2026-11-25', 'july 14 2025', '2025-07-14'],
    ['2026-11-25', 'today', '2026-11-25'],
    ['2026-11-25', 'yesterday', '2026-11-24'],
    ['2026-01-01', 'yesterday', '2025-12-31'],
    ['2026-11-25', 'this week', '2026-W48'],
    ['2026-11-25', 'last week', '2026-W47'],
    ['2026-01-02', 'last week', '2025-W52'],
    ['2026-11-25', 'last weekend', '2026-W47-WE'],
    ['2026-11-25', 'this weekend', '2026-W48-WE'],
    ['2026-11-25', 'right now', 'PRESENT_REF'],
    ['2026-11-25', 'christmas', undefined],
    ['2026-11-25', 'a while ago', undefined],
    ['2026-11-25', 'february 30 2025', undefined],
    ['2026-11-25', 'beach', undefined],
  ];
  for (const [today, phrase, value] of cases) {
    it(`on ${today}: "${phrase}" → ${value ?? 'undefined'}`, () => {
      assert.equal(amazonDateOf(phrase, new Date(`${today}T12:00:00Z`)), value);
    });
  }
});

describe('amazonDateOf in other locales', () => {
  const cases: Array<[string, string, string, string | undefined]> = [
    // locale, today, phrase, value
    ['en-AU', '2026-11-25', 'last summer', '2025-SU'],
    ['en-AU', '2026-03-10', 'last summer', '2025-SU'],
    ['en-AU', '2026-11-25', 'last winter', '2026-WI'],
    ['en-GB', '2026-11-25', 'last autumn', '2025-FA'],
    ['de-DE', '2026-11-25', 'letzten sommer', '2026-SU'],
    ['de-DE', '2026-11-25', 'im letzten winter', '2025-WI'],
    ['de-DE', '2026-11-25', 'letztes jahr', '2025-XX-XX'],
    ['de-DE', '2026-11-25', '2019', '2019-XX-XX'],
    ['de-DE', '2026-11-25', 'juli 2025', '2025-07-XX'],
    ['de-DE', '2026-11-25', 'juli', '2027-07-XX'],
    ['de-DE', '2026-11-25', 'letzten monat', '2026-10-XX'],
    ['de-DE', '2026-11-25', '14. juli 2025', '2025-07-14'],
    ['de-DE', '2026-11-25', 'heute', '2026-11-25'],
    ['de-DE', '2026-11-25', 'letztes wochenende', '2026-W47-WE'],
    ['de-DE', '2026-11-25', 'märz', '2027-03-XX'],
    ['de-DE', '2026-11-25', 'weihnachten', undefined],
  ];
  for (const [locale, today, phrase, value] of cases) {
    it(`${locale} on ${today}: "${phrase}" → ${value ?? 'undefined'}`, () => {
      assert.equal(amazonDateOf(phrase, new Date(`${today}T12:00:00Z`), locale), value);
    });
  }
});
