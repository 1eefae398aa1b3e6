import {
  loadAdminAreas,
  loadCities,
  otherNamesOf,
  type AdminArea,
  type GazetteerCity,
} from './gazetteer-data';
import { foldName } from './place-names';

export type { AdminArea, GazetteerCity };

export interface CityDistance {
  city: GazetteerCity;
  km: number;
}

export interface Gazetteer {
  /** Every city (sections included) within `maxKm` of the point, optionally only in one country. */
  citiesWithin(latitude: number, longitude: number, maxKm: number, countryCode?: string): CityDistance[];
  /** The nearest city or section in `countryCode`, however far (national parks, deserts): tells region and county. */
  nearestInCountry(latitude: number, longitude: number, countryCode: string): CityDistance | undefined;
  /**
   * Cities whose name or ASCII name folds to `folded` (sections included), most populous first; only when none is
   * named so, those with such an alternate name ("münchen", "mailand", "wien"). Alternate names are every
   * language's, so "Paris" must not bring Parys (South Africa) in beside the Parises.
   */
  citiesNamed(folded: string): readonly GazetteerCity[];
  /** Cities with `folded` among their alternate names, for a caller that has narrowed by country or region. */
  citiesAlsoNamed(folded: string): readonly GazetteerCity[];
  /** People living in an area's towns (cities500): ranks "Cornwall" the county above Cornwall, Ontario. */
  areaPopulation(area: AdminArea): number;
  /** Regions (admin-1) and counties (admin-2) whose name folds to `folded`. */
  areasNamed(folded: string): readonly AdminArea[];
  regionName(countryCode: string, regionCode: string): string | null;
  countyName(countryCode: string, regionCode: string, countyCode: string): string | null;
  /** English country name from Intl ("United States"); null for codes it does not know. */
  countryName(countryCode: string): string | null;
  /** Builds the name indexes now (they are otherwise built by the first lookup by name, which then waits ~1-2 s). */
  prepareNameIndexes(): void;
}

const CELL_DEGREES = 1;
/** Ward, city, district, town and village suffixes of GeoNames' Japanese admin-2 names, once folded. */
const JAPANESE_MUNICIPAL_SUFFIX = / (ku|shi|gun|machi|cho|mura|son)$/;
const EARTH_RADIUS_KM = 6371;
/** How far `nearestInCountry` looks: wider than any country's emptiest stretch between two places of 500 people. */
const NEAREST_IN_COUNTRY_MAX_KM = 2500;

/** Cities bucketed by 1° cells so a lookup scans a few hundred candidates, not 200 000. */
export function loadGazetteer(): Gazetteer {
  const cells = new Map<string, GazetteerCity[]>();
  const cities = loadCities();
  for (const city of cities) push(cells, cellKey(city.latitude, city.longitude), city);
  const areas = loadAdminAreas();
  const areaByCode = new Map(areas.map((a) => [areaKey(a.countryCode, a.regionCode, a.countyCode), a]));
  const countryNames = new Intl.DisplayNames(['en'], { type: 'region' });

  // Name indexes are built on the first name lookup: ingest by GPS never needs them.
  let names: { own: Map<string, GazetteerCity[]>; other: Map<string, GazetteerCity[]> } | undefined;
  let areasByName: Map<string, AdminArea[]> | undefined;
  const cityIndex = (): NonNullable<typeof names> => {
    if (names) return names;
    const own = new Map<string, GazetteerCity[]>();
    const other = new Map<string, GazetteerCity[]>();
    for (const city of cities) {
      const folded = foldName(city.name);
      push(own, folded, city);
      const ascii = foldName(city.asciiName);
      if (ascii !== folded) push(own, ascii, city);
      for (const name of otherNamesOf(city)) if (name !== ascii) push(other, name, city);
    }
    for (const list of [...own.values(), ...other.values()]) list.sort((a, b) => b.population - a.population);
    names = { own, other };
    return names;
  };
  const populations = new Map<string, number>();
  for (const city of cities) {
    if (city.isSection) continue;
    for (const key of [
      areaKey(city.countryCode, city.regionCode, ''),
      areaKey(city.countryCode, city.regionCode, city.countyCode),
    ]) {
      populations.set(key, (populations.get(key) ?? 0) + city.population);
    }
  }
  const areaIndex = (): Map<string, AdminArea[]> => {
    if (areasByName) return areasByName;
    areasByName = new Map();
    for (const area of areas) {
      const folded = foldName(area.name);
      push(areasByName, folded, area);
      // GeoNames names Japanese municipalities with their kind ("Shibuya-ku", "Yokohama-shi"): people say "Shibuya".
      const bare = area.countryCode === 'JP' ? folded.replace(JAPANESE_MUNICIPAL_SUFFIX, '') : folded;
      if (bare !== folded && bare.length > 0) push(areasByName, bare, area);
    }
    return areasByName;
  };

  const cellsAround = (latitude: number, longitude: number, ring: number): GazetteerCity[] => {
    const baseLat = Math.floor(latitude / CELL_DEGREES);
    const baseLon = Math.floor(longitude / CELL_DEGREES);
    const found: GazetteerCity[] = [];
    for (let dLat = -ring; dLat <= ring; dLat++) {
      for (let dLon = -ring; dLon <= ring; dLon++) {
        if (Math.max(Math.abs(dLat), Math.abs(dLon)) !== ring) continue;
        for (const city of cells.get(`${baseLat + dLat}:${wrapCell(baseLon + dLon)}`) ?? []) found.push(city);
      }
    }
    return found;
  };

  return {
    citiesWithin(latitude, longitude, maxKm, countryCode) {
      // Longitude degrees shrink towards the poles: widen the search so maxKm east-west is still covered.
      const lonKmPerDegree = 111 * Math.max(Math.cos((latitude * Math.PI) / 180), 0.05);
      const reach = Math.min(
        Math.ceil(Math.max(maxKm / 111, maxKm / lonKmPerDegree) / CELL_DEGREES) + 1,
        180,
      );
      const found: CityDistance[] = [];
      for (let ring = 0; ring <= reach; ring++) {
        for (const city of cellsAround(latitude, longitude, ring)) {
          if (countryCode !== undefined && city.countryCode !== countryCode) continue;
          const km = haversineKm(latitude, longitude, city.latitude, city.longitude);
          if (km <= maxKm) found.push({ city, km });
        }
      }
      return found;
    },
    nearestInCountry(latitude, longitude, countryCode) {
      // Anything beyond ring r is at least r cell widths away (the narrower, east-west width near the poles).
      const kmPerCell = CELL_DEGREES * 111 * Math.max(Math.cos((latitude * Math.PI) / 180), 0.05);
      const lastRing = Math.min(Math.ceil(NEAREST_IN_COUNTRY_MAX_KM / kmPerCell), 180);
      let best: CityDistance | undefined;
      for (let ring = 0; ring <= lastRing; ring++) {
        for (const city of cellsAround(latitude, longitude, ring)) {
          if (city.countryCode !== countryCode) continue;
          const km = haversineKm(latitude, longitude, city.latitude, city.longitude);
          if (!best || km < best.km) best = { city, km };
        }
        if (best && best.km <= ring * kmPerCell) break;
      }
      return best && best.km <= NEAREST_IN_COUNTRY_MAX_KM ? best : undefined;
    },
    citiesNamed(folded) {
      const index = cityIndex();
      return index.own.get(folded) ?? index.other.get(folded) ?? [];
    },
    citiesAlsoNamed: (folded) => cityIndex().other.get(folded) ?? [],
    areaPopulation: (area) =>
      populations.get(areaKey(area.countryCode, area.regionCode, area.countyCode)) ?? 0,
    areasNamed: (folded) => areaIndex().get(folded) ?? [],
    regionName: (countryCode, regionCode) =>
      areaByCode.get(areaKey(countryCode, regionCode, ''))?.name ?? null,
    countyName: (countryCode, regionCode, countyCode) =>
      countyCode === '' ? null : (areaByCode.get(areaKey(countryCode, regionCode, countyCode))?.name ?? null),
    prepareNameIndexes() {
      cityIndex();
      areaIndex();
    },
    countryName(countryCode) {
      try {
        const name = countryNames.of(countryCode);
        // Intl echoes unknown codes back unchanged.
        return name !== undefined && name !== countryCode ? name : null;
      } catch {
        return null;
      }
    },
  };
}

function areaKey(countryCode: string, regionCode: string, countyCode: string): string {
  return `${countryCode}.${regionCode}.${countyCode}`;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function cellKey(latitude: number, longitude: number): string {
  return `${Math.floor(latitude / CELL_DEGREES)}:${Math.floor(longitude / CELL_DEGREES)}`;
}

/** Cells east of 180° continue at -180°. */
function wrapCell(lonCell: number): number {
  const cellsAround = 360 / CELL_DEGREES;
  const min = -180 / CELL_DEGREES;
  return ((((lonCell - min) % cellsAround) + cellsAround) % cellsAround) + min;
}

export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(a));
}
