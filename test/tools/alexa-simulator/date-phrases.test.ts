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
    // "this weekend" on Wednesday 2 December 2026 is the coming one, as Alexa sends it.
    ['2026-12-02', 'this weekend', '2026-W49-WE'],
    ['2026-12-02', 'next weekend', '2026-W50-WE'],
    ['2026-12-02', 'next week', '2026-W50'],
    ['2026-12-02', 'next month', '2027-01'],
    ['2026-12-02', 'next year', '2027'],
    // Spoken numbers, as Alexa transcribes them.
    ['2026-11-25', 'twenty nineteen', '2019'],
    ['2026-11-25', 'in two thousand and five', '2005'],
    ['2026-11-25', 'nineteen ninety nine', '1999'],
    ['2026-11-25', 'july fourth twenty twenty one', '2021-07-04'],
    ['2026-11-25', 'july 4th, twenty twenty-one', '2021-07-04'],
    ['2026-11-25', 'the fourteenth of july twenty nineteen', '2019-07-14'],
    ['2026-11-25', 'december twenty fourth', '2026-12-24'],
    ['2026-11-25', 'summer of twenty twenty', '2020-SU'],
    ['2026-11-25', 'twenty twenty four', '2024'],
    ['2026-11-25', 'twenty one', undefined],
    ['2026-12-02', 'the twenty tens', '201X'],
    ['2026-12-02', 'the twenty twenties', '202X'],
    ['2026-12-02', 'the nineteen nineties', '199X'],
    ['2026-12-02', 'the nineties', '199X'],
    ['2026-12-02', 'the twenties', '202X'],
    ['2026-12-02', 'the week of july 1st 2019', '2019-W27'],
    ['2026-12-02', 'the weekend of july sixth twenty nineteen', '2019-W27-WE'],
    ['2026-12-02', 'the first week of july twenty nineteen', '2019-W27'],
    ['2026-12-02', 'the second week of march 2026', '2026-W11'],
    ['2026-12-02', 'the weekend of february thirtieth 2026', undefined],
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
    ['de-DE', '2026-11-25', 'zweitausendneunzehn', '2019-XX-XX'],
    ['de-DE', '2026-11-25', 'neunzehnhundertneunundneunzig', '1999-XX-XX'],
    ['de-DE', '2026-11-25', 'vierter juli zweitausendeinundzwanzig', '2021-07-04'],
    ['de-DE', '2026-11-25', 'am vierzehnten juli', '2027-07-14'],
    ['de-DE', '2026-11-25', 'sommer zweitausendzwanzig', '2020-SU'],
    ['de-DE', '2026-12-02', 'dieses wochenende', '2026-W49-WE'],
    ['de-DE', '2026-12-02', 'nächstes wochenende', '2026-W50-WE'],
  ];
  for (const [locale, today, phrase, value] of cases) {
    it(`${locale} on ${today}: "${phrase}" → ${value ?? 'undefined'}`, () => {
      assert.equal(amazonDateOf(phrase, new Date(`${today}T12:00:00Z`), locale), value);
    });
  }
});
