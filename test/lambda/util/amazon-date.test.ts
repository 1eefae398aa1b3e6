import assert from 'node:assert/strict';
import { dateRangeOf } from '../../../lambda/util/amazon-date';

const TODAY = new Date('2026-11-25T15:00:00Z');

describe('dateRangeOf (AMAZON.DATE → capture-local range)', () => {
  const cases: Array<[string, string, string, string]> = [
    // value, takenFrom, takenTo, spoken
    ['2026-07-14', '2026-07-14T00:00:00', '2026-07-15T00:00:00', 'July 14, 2026'],
    ['2026-11-25', '2026-11-25T00:00:00', '2026-11-26T00:00:00', 'November 25, 2026'],
    ['2024-02-29', '2024-02-29T00:00:00', '2024-03-01T00:00:00', 'February 29, 2024'],
    ['2026-W28', '2026-07-06T00:00:00', '2026-07-13T00:00:00', 'the week of July 6, 2026'],
    ['2026-W01', '2025-12-29T00:00:00', '2026-01-05T00:00:00', 'the week of December 29, 2025'],
    ['2026-W28-WE', '2026-07-11T00:00:00', '2026-07-13T00:00:00', 'the weekend of July 11, 2026'],
    ['2026-07', '2026-07-01T00:00:00', '2026-08-01T00:00:00', 'July 2026'],
    ['2025-12', '2025-12-01T00:00:00', '2026-01-01T00:00:00', 'December 2025'],
    ['2025', '2025-01-01T00:00:00', '2026-01-01T00:00:00', '2025'],
    ['2025-XX-XX', '2025-01-01T00:00:00', '2026-01-01T00:00:00', '2025'],
    ['2025-07-XX', '2025-07-01T00:00:00', '2025-08-01T00:00:00', 'July 2025'],
    ['2026-SP', '2026-03-01T00:00:00', '2026-06-01T00:00:00', 'spring 2026'],
    ['2026-SU', '2026-06-01T00:00:00', '2026-09-01T00:00:00', 'summer 2026'],
    ['2026-FA', '2026-09-01T00:00:00', '2026-12-01T00:00:00', 'fall 2026'],
    ['2024-WI', '2024-12-01T00:00:00', '2025-03-01T00:00:00', 'winter 2024'],
    ['201X', '2010-01-01T00:00:00', '2020-01-01T00:00:00', 'the 2010s'],
    ['PRESENT_REF', '2026-11-25T00:00:00', '2026-11-26T00:00:00', 'today'],
    // Alexa resolves "july" and "next winter" forward; photos are in the past, so they move back a year.
    ['2027-07', '2026-07-01T00:00:00', '2026-08-01T00:00:00', 'July 2026'],
    ['2026-12-24', '2025-12-24T00:00:00', '2025-12-25T00:00:00', 'December 24, 2025'],
    ['2026-WI', '2025-12-01T00:00:00', '2026-03-01T00:00:00', 'winter 2025'],
    ['2028-02-29', '2027-02-28T00:00:00', '2027-03-01T00:00:00', 'February 28, 2027'],
    // Years and weeks keep what was said, even ahead of today.
    ['2027', '2027-01-01T00:00:00', '2028-01-01T00:00:00', '2027'],
  ];
  for (const [value, takenFrom, takenTo, spoken] of cases) {
    it(`${value} → [${takenFrom}, ${takenTo}) "${spoken}"`, () => {
      assert.deepEqual(dateRangeOf(value, TODAY), { takenFrom, takenTo, spoken });
    });
  }

  const unparseable = [
    '',
    'last summer',
    '2026-13',
    '2026-02-30',
    '2026-W54',
    '2025-W53',
    '2026-SUMMER',
    '20X',
    '2026-Q1x',
    'XXXX',
  ];
  for (const value of unparseable) {
    it(`"${value}" → undefined`, () => {
      assert.equal(dateRangeOf(value, TODAY), undefined);
    });
  }

  it('2026-W53 exists only in long ISO years (2026 has 53 weeks)', () => {
    assert.deepEqual(dateRangeOf('2026-W53', TODAY)?.takenFrom, '2026-12-28T00:00:00');
  });
});
