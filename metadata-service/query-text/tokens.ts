import { normalizeWords } from '../../common/vocabulary';

/** One word of the text, with where it stands in the original so what was understood can be quoted back. */
export interface Token {
  /** As normalizeWords makes it: lower-case, apostrophes dropped ("Year's" → "years"). */
  norm: string;
  start: number;
  end: number;
  used: boolean;
}

/** Words and numbers, an apostrophe inside a word kept with it ("new year's", "'90s" → "90s"). */
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;

export function tokenize(text: string): Token[] {
  return [...text.matchAll(WORD)].map((match) => ({
    norm: normalizeWords(match[0]),
    start: match.index,
    end: match.index + match[0].length,
    used: false,
  }));
}

/** A run of tokens [first, last] found by a pattern. */
export interface TokenSpan {
  first: number;
  last: number;
  /** The regex groups, for the pattern's own reading. */
  groups: readonly (string | undefined)[];
}

const USED_MARK = '\u0001';

/**
 * Finds a pattern over the words not yet used, whole words only. Used words become a mark no pattern matches, so
 * a phrase never runs across something already understood.
 */
export function findSpans(tokens: readonly Token[], pattern: string): TokenSpan[] {
  const offsets: number[] = [];
  let joined = '';
  tokens.forEach((token, index) => {
    if (index > 0) joined += ' ';
    offsets.push(joined.length);
    joined += token.used ? USED_MARK : token.norm;
  });
  const spans: TokenSpan[] = [];
  for (const match of joined.matchAll(new RegExp(`(?<=^| )(?:${pattern})(?= |$)`, 'gu'))) {
    const start = match.index;
    const end = start + match[0].length;
    const first = offsets.findIndex((offset) => offset === start);
    let last = first;
    while (last + 1 < offsets.length && (offsets[last + 1] ?? Infinity) < end) last++;
    if (first >= 0) spans.push({ first, last, groups: match.slice(1) });
  }
  return spans;
}

/** The original words of a span, as the person typed them. */
export function spanText(text: string, tokens: readonly Token[], first: number, last: number): string {
  return text.slice(tokens[first]?.start ?? 0, tokens[last]?.end ?? 0);
}

export function markUsed(tokens: Token[], first: number, last: number): void {
  for (let i = first; i <= last; i++) {
    const token = tokens[i];
    if (token) token.used = true;
  }
}
