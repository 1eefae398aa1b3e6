import { sharedGazetteer } from './reverse-geocode';
import { CITY_SYNONYMS, COUNTRY_SYNONYMS, REGION_SYNONYMS, foldName } from './place-names';

export type PlaceLevel = 'city' | 'region' | 'country';

export interface PlaceMatch {
  level: PlaceLevel;
  /** The name the library stores for this place (as reverseGeocode returns it). */
  name: string;
  countryCode: string;
}

/** Most places share a name with a few small towns ("London", Ontario); more is noise for search. */
const MAX_CITY_MATCHES = 5;
/** When a name is a country or region, towns smaller than this sharing it ("Usa", Japan) are noise. */
const MIN_POPULATION_BESIDE_AREA = 50_000;
/** Ranking across levels: synonyms people meant, then countries, regions, then cities by population. */
const PROMINENCE = { alias: 1e12, country: 1e10, region: 1e8 } as const;

interface NameIndex {
  countries: Map<string, string>;
  regions: Map<string, { countryCode: string; name: string }[]>;
}
let index: NameIndex | undefined;

/**
 * Every place a name may mean, by level: "NYC" → New York City; "New York" → the city and the state;
 * "USA" / "United States" → the US; "Deutschland" → Germany; "London" → London GB first, then smaller Londons.
 * Exact (folded) names only: the query parser decides which words are a place.
 */
export function findPlacesByName(text: string): PlaceMatch[] {
  const folded = foldName(text);
  if (folded.length === 0) return [];
  const gazetteer = sharedGazetteer();
  index ??= buildIndex();
  const ranked = new Map<string, { match: PlaceMatch; prominence: number }>();
  const add = (match: PlaceMatch, prominence: number): void => {
    const key = `${match.level}:${match.countryCode}:${match.name}`;
    const existing = ranked.get(key);
    if (!existing || existing.prominence < prominence) ranked.set(key, { match, prominence });
  };

  const alias = CITY_SYNONYMS[folded];
  if (alias) add({ level: 'city', name: alias.name, countryCode: alias.countryCode }, PROMINENCE.alias);
  const regionAlias = REGION_SYNONYMS[folded];
  if (regionAlias) {
    const name = gazetteer.regionName(regionAlias.countryCode, regionAlias.adminCode);
    if (name) add({ level: 'region', name, countryCode: regionAlias.countryCode }, PROMINENCE.alias);
  }
  for (const region of index.regions.get(folded) ?? [])
    add({ level: 'region', ...region }, PROMINENCE.region);
  const countryCode = index.countries.get(folded);
  const countryName = countryCode === undefined ? null : gazetteer.countryName(countryCode);
  if (countryCode !== undefined && countryName !== null) {
    add({ level: 'country', name: countryName, countryCode }, PROMINENCE.country);
  }
  const isArea = ranked.size > 0 && !alias;
  for (const city of gazetteer.citiesNamed(folded).slice(0, MAX_CITY_MATCHES)) {
    if (isArea && city.population < MIN_POPULATION_BESIDE_AREA) continue;
    add({ level: 'city', name: city.name, countryCode: city.countryCode }, city.population);
  }
  return [...ranked.values()].sort((a, b) => b.prominence - a.prominence).map((r) => r.match);
}

function buildIndex(): NameIndex {
  const gazetteer = sharedGazetteer();
  const countries = new Map<string, string>();
  for (const code of allCountryCodes()) {
    const name = gazetteer.countryName(code);
    if (name) countries.set(foldName(name), code);
  }
  for (const [synonym, code] of Object.entries(COUNTRY_SYNONYMS)) countries.set(synonym, code);
  const regions = new Map<string, { countryCode: string; name: string }[]>();
  for (const { countryCode, name } of gazetteer.regions()) {
    const key = foldName(name);
    const list = regions.get(key) ?? [];
    list.push({ countryCode, name });
    regions.set(key, list);
  }
  return { countries, regions };
}

/** Every assigned ISO 3166-1 alpha-2 code Intl knows a name for (AA..ZZ, unknown ones echo back). */
function allCountryCodes(): string[] {
  const names = new Intl.DisplayNames(['en'], { type: 'region' });
  const codes: string[] = [];
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
  return codes;
}
