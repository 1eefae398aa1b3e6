import { MONTH_WORDS } from '../../common/calendar';
import type { Token } from './tokens';

/**
 * German date words as the English ones the date patterns (date-expressions.ts) and chrono-node read: "vom letzten
 * Sommer" → "last summer", "Juli 2025" → "july 2025", "von Juni bis August 2024" → "june to august 2024". German
 * holidays and seasons are already words of the calendar (common/calendar/date-words.ts); what German text lacked
 * was everything around them. chrono-node's own German parser reads neither months without a day ("Juli 2025")
 * nor ranges, so the words are carried over instead, word for word, where no English word is spelt the same. Only
 * the date passes see the English words: a word no date took is read as written ("diese" stays filler).
 */
const ENGLISH_FOR: Readonly<Record<string, string>> = {
  januar: 'january',
  jänner: 'january',
  februar: 'february',
  märz: 'march',
  maerz: 'march',
  mai: 'may',
  juni: 'june',
  juli: 'july',
  oktober: 'october',
  dezember: 'december',
  letzten: 'last',
  letztes: 'last',
  letzte: 'last',
  letzter: 'last',
  // "vorletzte Woche": the week before last.
  vorletzte: 'penultimate',
  vorletzten: 'penultimate',
  vorletztes: 'penultimate',
  vorletzter: 'penultimate',
  vergangenen: 'last',
  vergangenes: 'last',
  vergangene: 'last',
  vorigen: 'last',
  voriges: 'last',
  vorige: 'last',
  diesen: 'this',
  dieses: 'this',
  diese: 'this',
  dieser: 'this',
  diesem: 'this',
  nächsten: 'next',
  nächstes: 'next',
  nächste: 'next',
  naechsten: 'next',
  naechstes: 'next',
  naechste: 'next',
  kommenden: 'next',
  kommendes: 'next',
  jahr: 'year',
  jahres: 'year',
  jahre: 'years',
  jahren: 'years',
  monat: 'month',
  monats: 'month',
  monate: 'months',
  monaten: 'months',
  woche: 'week',
  wochen: 'weeks',
  tag: 'day',
  tage: 'days',
  tagen: 'days',
  wochenende: 'weekend',
  wochenenden: 'weekends',
  heute: 'today',
  // "um diese Zeit letztes Jahr": this time last year.
  um: 'around',
  zeit: 'time',
  gestern: 'yesterday',
  bis: 'to',
  zwischen: 'between',
  und: 'and',
  seit: 'since',
  jeden: 'every',
  jedes: 'every',
  jede: 'every',
  jedem: 'every',
  // "vor einem Jahr", "vor zwei Jahren": the count of a span ago; "vor ein paar Jahren", "vor einigen Jahren".
  einem: 'a',
  ein: 'a',
  paar: 'few',
  einigen: 'several',
  mehreren: 'several',
  einer: 'a',
  zwei: 'two',
  drei: 'three',
  vier: 'four',
  fünf: 'five',
  fuenf: 'five',
  sechs: 'six',
  sieben: 'seven',
  acht: 'eight',
  neun: 'nine',
  zehn: 'ten',
  elf: 'eleven',
  zwölf: 'twelve',
  zwoelf: 'twelve',
  zwanzig: 'twenty',
  dreißig: 'thirty',
  dreissig: 'thirty',
};

export interface GermanDateWords {
  /** Whether any word was carried over (English text has none, and needs no second chrono pass). */
  readonly carried: boolean;
  /** The words as they were, for the passes after dates. */
  restore(): void;
}

const MONTHS: ReadonlySet<string> = new Set(MONTH_WORDS);

/**
 * Carries the German date words of `tokens` over to English, in place, until `restore()`. A German ordinal day
 * before a month ("5. November 2025") counts as carried too: chrono reads "5 november 2025" from the words, where
 * the dot of the text as written hides the day from it.
 */
export function carryGermanDateWords(tokens: Token[], text: string): GermanDateWords {
  const originals = tokens.map((token) => token.norm);
  let carried = false;
  for (const token of tokens) {
    const english = Object.hasOwn(ENGLISH_FOR, token.norm) ? ENGLISH_FOR[token.norm] : undefined;
    if (english === undefined) continue;
    token.norm = english;
    carried = true;
  }
  carried ||= tokens.some(
    (token, index) =>
      /^\d{1,2}$/.test(token.norm) && text[token.end] === '.' && MONTHS.has(tokens[index + 1]?.norm ?? ''),
  );
  return {
    carried,
    restore() {
      tokens.forEach((token, index) => {
        token.norm = originals[index] ?? token.norm;
      });
    },
  };
}

/**
 * The tokens' words joined by single spaces, each token with its place in that text: what chrono-node reads when
 * German words were carried over (the original text still has them), and how its findings map back to tokens.
 */
export function joinedWords(tokens: readonly Token[]): { text: string; tokens: Token[] } {
  let text = '';
  const placed = tokens.map((token, index) => {
    if (index > 0) text += ' ';
    const start = text.length;
    text += token.norm;
    return { ...token, start, end: text.length };
  });
  return { text, tokens: placed };
}
