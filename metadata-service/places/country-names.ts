import { iso1A2Code } from '@rapideditor/country-coder';
import { COUNTRY_SYNONYMS, foldName } from './place-names';

/** The six locales' languages: English names ("Germany") and German ones ("Deutschland", "Italien"). */
const NAME_LANGUAGES = ['en', 'de'] as const;

let byName: Map<string, string> | undefined;

/**
 * The ISO 3166-1 alpha-2 code a country name or code means: English and German names from Intl ("Italy",
 * "Italien", "Vereinigte Staaten"), the synonyms people use ("USA", "the UK", "Holland"), and what IPTC writes
 * in Country Code (alpha-3 "DEU", alpha-2 "de"). Undefined when it is no country.
 */
export function countryCodeFor(text: string): string | undefined {
  const folded = foldName(text);
  if (folded.length === 0) return undefined;
  byName ??= buildIndex();
  const named = byName.get(folded);
  if (named) return named;
  // country-coder knows alpha-2, alpha-3 and M49 codes: only trust it with something code-shaped.
  if (/^[a-z]{2,3}$/.test(folded))
    return iso1A2Code(folded.toUpperCase(), { level: 'territory' }) ?? undefined;
  return undefined;
}

/** Folded names of every country in every name language, for name search. */
export function countryNameIndex(): ReadonlyMap<string, string> {
  byName ??= buildIndex();
  return byName;
}

function buildIndex(): Map<string, string> {
  const index = new Map<string, string>();
  for (const language of NAME_LANGUAGES) {
    const names = new Intl.DisplayNames([language], { type: 'region' });
    for (const code of allCountryCodes()) {
      const name = names.of(code);
      const key = name ? foldName(name) : '';
      // Deprecated codes share a name with the current one: the first (current) one wins.
      if (key && !index.has(key)) index.set(key, code);
    }
  }
  for (const [synonym, code] of Object.entries(COUNTRY_SYNONYMS)) index.set(synonym, code);
  return index;
}

let codes: string[] | undefined;

/** Every assigned ISO 3166-1 alpha-2 code Intl knows a name for (AA..ZZ; unknown ones echo back). */
export function allCountryCodes(): readonly string[] {
  if (codes) return codes;
  const names = new Intl.DisplayNames(['en'], { type: 'region' });
  codes = [];
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      try {
        if (names.of(code) !== code) codes.push(code);
      } catch {
        // not a code Intl accepts
      }
    }
  }
  // Private-use and exceptional codes Intl still names: not countries a photo is taken in.
  codes = codes.filter((c) => !['EU', 'EZ', 'UN', 'QO', 'XA', 'XB', 'ZZ'].includes(c));
  return codes;
}
