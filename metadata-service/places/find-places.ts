import { countryNameIndex } from './country-names';
import type { Gazetteer, GazetteerCity } from './gazetteer';
import { metroOf, METRO_RULE } from './metro';
import type { PlaceLevel } from './place';
import { CITY_SYNONYMS, COUNTY_SYNONYMS, foldName, REGION_SYNONYMS } from './place-names';
import { sharedGazetteer } from './shared-gazetteer';
import { worldRegionNamed } from './world-regions';

export type { PlaceLevel };

export interface PlaceMatch {
  level: PlaceLevel;
  /**
   * The name the library stores for this place at that level (as reverseGeocode/placeFromNames write it), or a
   * qualified name "Paris, Texas" (place, then the area it is in) that the place filter narrows by.
   */
  name: string;
  countryCode: string;
}

const MAX_NAME_LENGTH = 128;
/** Most places share a name with a few small towns ("London", Ontario); more is noise for search. */
const MAX_CITY_MATCHES = 5;
/** When a name is a country, region or county, towns smaller than this sharing it ("Usa", Japan) are noise. */
const MIN_POPULATION_BESIDE_AREA = 50_000;
/** Ranking across levels: synonyms people meant, countries, regions, then cities and counties by population. */
const PROMINENCE = { alias: 1e12, country: 1e10, region: 1e8 } as const;
/**
 * Prepositions and articles (English and German) a phrase before a place may start with. The gazetteer has towns
 * named like some of them (Frome matches "from" once folded with its alternate names; "Of", Turkey), so a
 * qualified name never takes one as the place.
 */
const LEADING_FILLERS = new Set([
  'from',
  'in',
  'of',
  'at',
  'near',
  'the',
  'to',
  'around',
  'by',
  'aus',
  'bei',
  'von',
  'im',
  'am',
  'nach',
  'um',
  'der',
  'die',
  'das',
  'den',
  'dem',
]);

/**
 * Every place a name may mean, at every level, whether or not the library has photos there (so "Italy" is a
 * place with no photos, not an unknown word): "NYC" → New York City; "New York" → the city and the state;
 * "USA" / "Vereinigte Staaten" → the US; "Cornwall", "Orange County" → counties; "Bayern" → Bavaria; "Paris" →
 * Paris (France) first, then the other Parises; "Paris Texas" / "Paris, France" → one qualified place.
 * Exact (folded) names only: the query parser decides which words are a place.
 */
export function findPlacesByName(text: string, gazetteer: Gazetteer = sharedGazetteer()): PlaceMatch[] {
  // No place name is longer (the place filter takes 128 characters); a longer text is refused before any work.
  if (text.length > MAX_NAME_LENGTH) return [];
  const folded = foldName(text);
  if (folded.length === 0) return [];
  // "North America" is a continent (world-regions.ts), not a town called North in America.
  if (worldRegionNamed(folded)) return [];
  const direct = placesNamed(gazetteer, folded);
  if (direct.length > 0) return direct;
  return statePlaces(gazetteer, folded) ?? qualifiedPlaces(gazetteer, folded);
}

/** "Washington state", "the state of New York": the region, not the city of the same name. */
function statePlaces(gazetteer: Gazetteer, folded: string): PlaceMatch[] | undefined {
  const said = /^(?:the )?state of (.+)$|^(.+) state$/.exec(folded);
  const name = said?.[1] ?? said?.[2];
  if (name === undefined) return undefined;
  const regions = placesNamed(gazetteer, name).filter((match) => match.level === 'region');
  return regions.length > 0 ? regions : undefined;
}

function placesNamed(gazetteer: Gazetteer, folded: string): PlaceMatch[] {
  const ranked = new Map<string, { match: PlaceMatch; prominence: number }>();
  const add = (match: PlaceMatch, prominence: number): void => {
    const key = `${match.level}:${match.countryCode}:${match.name}`;
    const existing = ranked.get(key);
    if (!existing || existing.prominence < prominence) ranked.set(key, { match, prominence });
  };

  const alias = CITY_SYNONYMS[folded];
  if (alias) {
    const city = gazetteer.citiesNamed(foldName(alias.name)).find((c) => c.countryCode === alias.countryCode);
    if (city) add(cityMatch(gazetteer, city), PROMINENCE.alias);
  }
  for (const synonym of [REGION_SYNONYMS[folded], COUNTY_SYNONYMS[folded]]) {
    if (!synonym) continue;
    const { countryCode, adminCode, countyCode = '' } = synonym;
    const name =
      countyCode === ''
        ? gazetteer.regionName(countryCode, adminCode)
        : gazetteer.countyName(countryCode, adminCode, countyCode);
    if (name) add({ level: countyCode === '' ? 'region' : 'county', name, countryCode }, PROMINENCE.alias);
  }
  const countryCode = countryNameIndex().get(folded);
  const countryName = countryCode === undefined ? null : gazetteer.countryName(countryCode);
  if (countryCode !== undefined && countryName !== null) {
    add({ level: 'country', name: countryName, countryCode }, PROMINENCE.country);
  }
  const areas = gazetteer.areasNamed(folded);
  for (const area of areas.filter((a) => a.countyCode === '')) {
    add({ level: 'region', name: area.name, countryCode: area.countryCode }, PROMINENCE.region);
  }
  const isArea = ranked.size > 0 && !alias;
  // A nickname says which city: its other namesakes ("NYC" is also an alternate name of Manhattan) are not meant.
  const cities = alias ? [] : gazetteer.citiesNamed(folded);
  const named = new Set<string>();
  for (const city of cities.slice(0, MAX_CITY_MATCHES)) {
    if (isArea && city.population < MIN_POPULATION_BESIDE_AREA) continue;
    const match = cityMatch(gazetteer, city);
    named.add(`${match.countryCode}:${match.name}`);
    add(match, city.population);
  }
  for (const area of areas.filter((a) => a.countyCode !== '')) {
    // The county of the same name as its city ("Paris", département 75) adds nothing the city does not say.
    if (named.has(`${area.countryCode}:${area.name}`)) continue;
    const population = gazetteer.areaPopulation(area);
    if (isArea && population < MIN_POPULATION_BESIDE_AREA) continue;
    add({ level: 'county', name: area.name, countryCode: area.countryCode }, population);
  }
  return [...ranked.values()].sort((a, b) => b.prominence - a.prominence).map((r) => r.match);
}

/**
 * A city is found at the level photos store it under: a city that is its own metro ("Los Angeles", "Munich") as
 * the metro, so its suburbs are found too; a suburb as a city; a neighbourhood as a sublocation.
 */
function cityMatch(gazetteer: Gazetteer, city: GazetteerCity): PlaceMatch {
  const { countryCode, name } = city;
  if (city.isSection) return { level: 'sublocation', name, countryCode };
  if (city.population < METRO_RULE.minPopulation) return { level: 'city', name, countryCode };
  const nearby = gazetteer.citiesWithin(city.latitude, city.longitude, METRO_RULE.radiusKm, countryCode);
  return { level: metroOf(city, nearby) === city ? 'metro' : 'city', name, countryCode };
}

/**
 * "paris texas", "paris france", "springfield illinois": the longest leading words that name a place, then words
 * that name an area (region, county or country) it lies in. The match is one place, qualified by that area.
 */
function qualifiedPlaces(gazetteer: Gazetteer, folded: string): PlaceMatch[] {
  const words = folded.split(' ');
  // "from england" is a preposition and an area, not Frome in England: no place name starts with one.
  if (LEADING_FILLERS.has(words[0] ?? '')) return [];
  for (let split = words.length - 1; split >= 1; split--) {
    const placeWords = words.slice(0, split).join(' ');
    const areaWords = words.slice(split).join(' ');
    const areas = placesNamed(gazetteer, areaWords).filter(
      (a) => a.level === 'region' || a.level === 'county' || a.level === 'country',
    );
    if (areas.length === 0) continue;
    for (const area of areas) {
      const inside = gazetteer
        .citiesNamed(placeWords)
        .find((c) => c.countryCode === area.countryCode && isInside(gazetteer, c, area));
      if (!inside) continue;
      const match = cityMatch(gazetteer, inside);
      return [{ ...match, name: `${match.name}, ${area.name}` }];
    }
  }
  return [];
}

function isInside(gazetteer: Gazetteer, city: GazetteerCity, area: PlaceMatch): boolean {
  if (area.level === 'country') return true;
  if (area.level === 'region') return gazetteer.regionName(city.countryCode, city.regionCode) === area.name;
  return gazetteer.countyName(city.countryCode, city.regionCode, city.countyCode) === area.name;
}
