import assert from 'node:assert/strict';
import { monthPeriod, resolvePeriod, yearPeriod, type ResolvedDate } from '../../../common/calendar';
import { rangeWordsClosedBy } from '../../../lambda/util/date-range-words';

const today = { year: 2026, month: 12, day: 8 };
const year = (y: number): ResolvedDate => resolvePeriod(yearPeriod(y), today);
const month = (y: number, m: number): ResolvedDate => resolvePeriod(monthPeriod(y, m), today);

describe('rangeWordsClosedBy: a range of dates Alexa split over the place and date slots', () => {
  it('closes words that open a range with the date slot, in words the text reader reads', () => {
    assert.equal(rangeWordsClosedBy('2018 until', year(2020)), '2018 until 2020');
    assert.equal(rangeWordsClosedBy('june to ', month(2025, 8)), 'june to august 2025');
    assert.equal(rangeWordsClosedBy('märz 2025 bis', month(2025, 5)), 'märz 2025 bis may 2025');
    assert.equal(rangeWordsClosedBy('between 2018 and', year(2020)), 'between 2018 and 2020');
  });

  it('leaves words that open no range, and dates it cannot say, alone', () => {
    assert.equal(rangeWordsClosedBy('lisbon', year(2020)), undefined);
    assert.equal(
      rangeWordsClosedBy('2018 and', year(2020)),
      undefined,
      '"and" alone joins, it spans nothing',
    );
    assert.equal(rangeWordsClosedBy('tokyo', undefined), undefined);
    assert.equal(rangeWordsClosedBy('2018 until', undefined), undefined);
    const winter: ResolvedDate = { ...year(2020), phrase: { kind: 'season', season: 'winter', year: 2020 } };
    assert.equal(rangeWordsClosedBy('2018 until', winter), undefined);
  });
});
