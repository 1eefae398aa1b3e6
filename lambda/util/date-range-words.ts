import { MONTH_NAMES, type DatePhrase, type ResolvedDate } from '../../common/calendar';

/**
 * The last word of words that open a range the date slot closes: "2018 until" + 2020, "june to" + August 2025,
 * German "2018 bis" + 2020. "and" only after "between": "2018 and 2020" alone is two years, not the years between.
 */
const OPENS_RANGE = /(?:^|\s)(?:to|till|until|through|thru|bis)$/i;
const OPENS_BETWEEN = /^(?:between|zwischen)\s.*\s(?:and|und)$/i;

/**
 * Alexa splits a range of dates over two slots: "photos from 2018 until 2020" arrives as the place "2018 until"
 * and the date 2020, "from june to august 2025" as "june to" and August 2025. When the place words open a range
 * and the date slot holds a year, month or day, the two read together are the whole range as said ("2018 until
 * 2020"); undefined otherwise. The date is written as its words, which the library's text reader reads in either
 * language.
 */
export function rangeWordsClosedBy(words: string, date: ResolvedDate | undefined): string | undefined {
  const opening = words.trim();
  if (!date || !(OPENS_RANGE.test(opening) || OPENS_BETWEEN.test(opening))) return undefined;
  const closing = wordsOf(date.phrase);
  return closing === undefined ? undefined : `${opening} ${closing}`;
}

/** A year, month or day in words; no other date closes a range ("2018 until winter" is no range said). */
function wordsOf(phrase: DatePhrase): string | undefined {
  const month = (m: number) => (MONTH_NAMES[m - 1] ?? '').toLowerCase();
  if (phrase.kind === 'year') return String(phrase.year);
  if (phrase.kind === 'month') return `${month(phrase.month)} ${phrase.year}`;
  if (phrase.kind === 'day') return `${month(phrase.date.month)} ${phrase.date.day} ${phrase.date.year}`;
  return undefined;
}
