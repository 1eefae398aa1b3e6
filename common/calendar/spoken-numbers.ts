/**
 * Numbers in dates as people say them: years ("twenty nineteen", "two thousand and five", "nineteen ninety nine",
 * German "zweitausendneunzehn", "neunzehnhundertneunundneunzig") and days of the month ("fourth", "twenty first",
 * German "vierten"). Alexa transcribes spoken dates this way, and people type them so too. Patterns work over
 * lower-case words separated by single spaces.
 */

const UNITS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const TEENS = [
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const TENS = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const ORDINAL_UNITS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth'];
const ORDINAL_TEENS = [
  'tenth',
  'eleventh',
  'twelfth',
  'thirteenth',
  'fourteenth',
  'fifteenth',
  'sixteenth',
  'seventeenth',
  'eighteenth',
  'nineteenth',
];

const any = (words: readonly string[]): string => `(?:${words.join('|')})`;
const TWO_DIGITS = `(?:${any(TENS)}(?: ${any(UNITS)})?|${any(TEENS)}|(?:oh|o|zero) ${any(UNITS)})`;
const CENTURY = '(?:eighteen|nineteen|twenty)';

/** A year spoken in English words: "twenty nineteen", "nineteen ninety nine", "two thousand and five", "twenty oh five". */
export const SPOKEN_YEAR_PATTERN =
  `(?:${CENTURY} hundred(?: (?:and )?(?:${TWO_DIGITS}|${any(UNITS)}))?` +
  `|two thousand(?: (?:and )?(?:${TWO_DIGITS}|${any(UNITS)}))?` +
  `|${CENTURY} ${TWO_DIGITS})`;

/** A year in digits (1800–2099) or spoken words, for a capturing group read by yearOfWords. */
export const YEAR_PATTERN = `(?:(?:18|19|20)\\d\\d|${SPOKEN_YEAR_PATTERN})`;

/** A day of the month in words: "fourth", "twenty first". */
export const SPOKEN_DAY_PATTERN = `(?:(?:twenty|thirty) ${any(ORDINAL_UNITS)}|twentieth|thirtieth|${any(ORDINAL_TEENS)}|${any(ORDINAL_UNITS)})`;

/** A day of the month: "4", "4th", "fourth", "twenty first". */
export const DAY_OF_MONTH_PATTERN = `(?:(?:[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?|${SPOKEN_DAY_PATTERN})`;

function belowHundred(words: readonly string[]): number | undefined {
  const [first, second, ...rest] = words;
  if (first === undefined || rest.length > 0) return undefined;
  if (['oh', 'o', 'zero'].includes(first)) {
    const unit = second === undefined ? -1 : UNITS.indexOf(second);
    return unit >= 0 ? unit + 1 : undefined;
  }
  const tens = TENS.indexOf(first);
  if (tens >= 0) {
    if (second === undefined) return (tens + 2) * 10;
    const unit = UNITS.indexOf(second);
    return unit >= 0 ? (tens + 2) * 10 + unit + 1 : undefined;
  }
  if (second !== undefined) return undefined;
  const teen = TEENS.indexOf(first);
  if (teen >= 0) return teen + 10;
  const unit = UNITS.indexOf(first);
  return unit >= 0 ? unit + 1 : undefined;
}

const withoutAnd = (words: readonly string[]): string[] => (words[0] === 'and' ? words.slice(1) : [...words]);

function spokenYear(words: readonly string[]): number | undefined {
  if (words[0] === 'two' && words[1] === 'thousand') {
    const rest = withoutAnd(words.slice(2));
    if (rest.length === 0) return 2000;
    const small = belowHundred(rest);
    return small === undefined ? undefined : 2000 + small;
  }
  const century = ['eighteen', 'nineteen', 'twenty'].indexOf(words[0] ?? '');
  if (century < 0) return undefined;
  const hundreds = (century + 18) * 100;
  if (words[1] === 'hundred') {
    const rest = withoutAnd(words.slice(2));
    if (rest.length === 0) return hundreds;
    const small = belowHundred(rest);
    return small === undefined ? undefined : hundreds + small;
  }
  const small = belowHundred(words.slice(1));
  return small === undefined || small < 10 !== ['oh', 'o', 'zero'].includes(words[1] ?? '')
    ? undefined
    : hundreds + small;
}

/** The year a YEAR_PATTERN match names, digits or words; undefined for anything else. */
export function yearOfWords(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const words = text.trim().toLowerCase().split(/\s+/);
  if (words.length === 1 && /^(?:18|19|20)\d\d$/.test(words[0] ?? '')) return Number(words[0]);
  return spokenYear(words);
}

/** The day a DAY_OF_MONTH_PATTERN match names (1–31); undefined for anything else. */
export function dayOfWords(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const words = text.trim().toLowerCase().split(/\s+/);
  const digits = /^(\d{1,2})(?:st|nd|rd|th)?$/.exec(words[0] ?? '');
  let day: number | undefined;
  if (digits && words.length === 1) day = Number(digits[1]);
  else if (words.length === 2 && (words[0] === 'twenty' || words[0] === 'thirty')) {
    const unit = ORDINAL_UNITS.indexOf(words[1] ?? '');
    day = unit < 0 ? undefined : (words[0] === 'twenty' ? 20 : 30) + unit + 1;
  } else if (words.length === 1) {
    const word = words[0] ?? '';
    if (word === 'twentieth') day = 20;
    else if (word === 'thirtieth') day = 30;
    else if (ORDINAL_TEENS.includes(word)) day = ORDINAL_TEENS.indexOf(word) + 10;
    else if (ORDINAL_UNITS.includes(word)) day = ORDINAL_UNITS.indexOf(word) + 1;
  }
  return day !== undefined && day >= 1 && day <= 31 ? day : undefined;
}

const GERMAN_SMALL: Readonly<Record<string, number>> = {
  ein: 1,
  eins: 1,
  eine: 1,
  zwei: 2,
  drei: 3,
  vier: 4,
  fünf: 5,
  sechs: 6,
  sieben: 7,
  acht: 8,
  neun: 9,
  zehn: 10,
  elf: 11,
  zwölf: 12,
  dreizehn: 13,
  vierzehn: 14,
  fünfzehn: 15,
  sechzehn: 16,
  siebzehn: 17,
  achtzehn: 18,
  neunzehn: 19,
  zwanzig: 20,
  dreißig: 30,
  vierzig: 40,
  fünfzig: 50,
  sechzig: 60,
  siebzig: 70,
  achtzig: 80,
  neunzig: 90,
};

function germanBelowHundred(word: string): number | undefined {
  if (word === '') return undefined;
  if (Object.hasOwn(GERMAN_SMALL, word)) return GERMAN_SMALL[word];
  // "neunundneunzig": the unit, "und", the tens.
  const match = /^(.+?)und(.+)$/.exec(word);
  if (!match?.[1] || !match[2]) return undefined;
  const unit = GERMAN_SMALL[match[1]];
  const tens = GERMAN_SMALL[match[2]];
  return unit !== undefined && unit < 10 && tens !== undefined && tens >= 20 && tens % 10 === 0
    ? tens + unit
    : undefined;
}

/** A German number word below 10,000 ("zweitausendneunzehn", "neunzehnhundertneunundneunzig", "einundzwanzig"). */
export function germanNumber(word: string): number | undefined {
  const text = word.toLowerCase().replace(/ss/g, 'ß');
  const rest = (tail: string): number | undefined => {
    const part = tail.replace(/^und/, '');
    return part === '' ? 0 : germanBelowThousand(part);
  };
  const thousand = /^(.*?)tausend(.*)$/.exec(text);
  if (thousand) {
    const count = thousand[1] === '' ? 1 : germanBelowHundred(thousand[1] ?? '');
    const tail = rest(thousand[2] ?? '');
    return count === undefined || tail === undefined ? undefined : count * 1000 + tail;
  }
  return germanBelowThousand(text);
}

function germanBelowThousand(text: string): number | undefined {
  const hundred = /^(.*?)hundert(.*)$/.exec(text);
  if (!hundred) return germanBelowHundred(text);
  // "neunzehnhundert…" is how German says the years 1100–1999.
  const count = hundred[1] === '' ? 1 : germanBelowHundred(hundred[1] ?? '');
  const tailText = (hundred[2] ?? '').replace(/^und/, '');
  const tail = tailText === '' ? 0 : germanBelowHundred(tailText);
  return count === undefined || tail === undefined ? undefined : count * 100 + tail;
}

/** A German ordinal day ("vierten", "einundzwanzigster", "erste"), 1–31. */
export function germanOrdinalDay(word: string): number | undefined {
  const special: Readonly<Record<string, number>> = { er: 1, ers: 1, drit: 3, sieb: 7, ach: 8 };
  const match = /^(.+?)(s?)te[nrms]?$/.exec(word.toLowerCase());
  if (!match?.[1]) return undefined;
  const candidates = [match[1], `${match[1]}${match[2] ?? ''}`];
  for (const stem of candidates) {
    const value = special[stem] ?? germanBelowHundred(stem);
    if (value !== undefined && value >= 1 && value <= 31) return value;
  }
  return undefined;
}

/** "zwanzig neunzehn", "zweitausend neunzehn", "neunzehn neunundneunzig": a year said in two German words. */
function germanYearPairs(words: string): string {
  const input = words.split(' ');
  const output: string[] = [];
  for (let i = 0; i < input.length; i++) {
    const year = germanYearOfPair(input[i] ?? '', input[i + 1] ?? '');
    if (year === undefined) {
      output.push(input[i] ?? '');
    } else {
      output.push(String(year));
      i++;
    }
  }
  return output.join(' ');
}

function germanYearOfPair(first: string, second: string): number | undefined {
  const head = germanNumber(first);
  const tail = germanNumber(second);
  if (head === undefined || tail === undefined || tail >= 100) return undefined;
  if (head === 2000 && tail >= 1) return 2000 + tail;
  if ((head === 18 || head === 19 || head === 20) && tail >= 10) return head * 100 + tail;
  return undefined;
}

const ENGLISH_YEAR = new RegExp(`(?<=^| )${SPOKEN_YEAR_PATTERN}(?= |$)`, 'g');
const ENGLISH_DAY = new RegExp(`(?<=^| )${SPOKEN_DAY_PATTERN}(?= |$)`, 'g');

/**
 * A date phrase with its spoken numbers as digits: "july fourth twenty twenty one" → "july 4 2021", "summer of
 * twenty twenty" → "summer of 2020"; German "vierter juli zweitausendneunzehn" → "4. juli 2019". Other words are
 * left as they are.
 */
export function spokenNumbersToDigits(phrase: string, locale = 'en-US'): string {
  const words = phrase.trim().toLowerCase().replace(/-/g, ' ').replace(/\s+/g, ' ');
  if (locale.startsWith('de')) {
    return germanYearPairs(words)
      .split(' ')
      .map((word) => {
        const year = germanNumber(word);
        if (year !== undefined && year >= 1800 && year <= 2099) return String(year);
        const day = germanOrdinalDay(word);
        return day === undefined ? word : `${day}.`;
      })
      .join(' ');
  }
  return words
    .replace(ENGLISH_YEAR, (match) => String(yearOfWords(match) ?? match))
    .replace(ENGLISH_DAY, (match) => String(dayOfWords(match) ?? match));
}
