import { countryAt } from './country-boundary';
import type { CityDistance, Gazetteer, GazetteerCity } from './gazetteer';
import { metroOf, METRO_RULE } from './metro';
import { NAMING_RADIUS_KM, namedPlaceNear, nearestOf } from './named-place';
import type { Place } from './place';
import { foldName } from './place-names';
import { placeOf } from './place-of';
import { sharedGazetteer } from './shared-gazetteer';
import { usAreaAt } from './us-boundaries';

export { sharedGazetteer };

/** Farther than this from any town, a photo is "somewhere" at best: we don't invent a city. */
const MAX_CITY_DISTANCE_KM = 50;
/** Nearer than this, a town's own point says which state a photo is in (see boundaryArea). */
const TOWN_WITNESS_KM = 10;
/** A neighbourhood this close names the photo's sublocation ("Bogenhausen"). */
const SUBLOCATION_RADIUS_KM = 1.5;

/**
 * Offline reverse geocoding, every level a person may name:
 * - country by boundary (country-coder), so a photo in a national park or on a lake still has one;
 * - region and county (GeoNames admin-1/admin-2 names) from the nearest gazetteer entry in that country, however
 *   far (the Scottish Highlands, Kruger); in the US far from towns, from state and county boundaries (Yellowstone);
 * - city: the town a person would name, within 50 km (see named-place.ts); metro by METRO_RULE (metro.ts);
 *   sublocation: a neighbourhood within 1.5 km.
 * Null only where no country is known (open sea, Antarctica) and no town is near.
 */
export function reverseGeocode(latitude: number, longitude: number): Place | null {
  if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) return null;
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return null;
  // Photos come in clusters (a day at the beach, a burst): the same ~10 m square is looked up again and again.
  const key = `${latitude.toFixed(4)},${longitude.toFixed(4)}`;
  if (recentPlaces.has(key)) return recentPlaces.get(key) ?? null;
  const place = lookUp(latitude, longitude);
  if (recentPlaces.size >= RECENT_PLACES) {
    const oldest = recentPlaces.keys().next().value;
    if (oldest !== undefined) recentPlaces.delete(oldest);
  }
  recentPlaces.set(key, place);
  return place;
}

const RECENT_PLACES = 10_000;
const recentPlaces = new Map<string, Place | null>();

function lookUp(latitude: number, longitude: number): Place | null {
  const gazetteer = sharedGazetteer();
  const boundaryCountry = countryAt(latitude, longitude) ?? undefined;
  const within = gazetteer.citiesWithin(
    latitude,
    longitude,
    Math.max(MAX_CITY_DISTANCE_KM, METRO_RULE.radiusKm),
    boundaryCountry,
  );
  const area = boundaryArea(latitude, longitude, boundaryCountry, within);
  // Within a state known by its boundary, only its own towns may name the photo.
  const near = area ? within.filter((c) => c.city.regionCode === area.regionCode) : within;
  const named = namedPlaceNear(near.filter((c) => c.km <= MAX_CITY_DISTANCE_KM));
  const countryCode = boundaryCountry ?? named?.countryCode;
  if (countryCode === undefined) return null;
  const nearest =
    nearestOf(near) ??
    (boundaryCountry ? gazetteer.nearestInCountry(latitude, longitude, boundaryCountry) : undefined);
  const fromNearest = nearest?.city.countryCode === countryCode ? nearest.city : undefined;
  const countyCode = area ? area.countyCode : fromNearest?.countyCode;
  // Brooklyn is itself, and New York City its metro.
  const town = boroughOf(gazetteer, named, near, countyCode) ?? named;
  const section = nearestOf(near.filter((c) => c.city.isSection && c.km <= SUBLOCATION_RADIUS_KM));
  const metro = metroOf(town, near);
  return placeOf(gazetteer, {
    countryCode,
    regionCode: area?.regionCode ?? fromNearest?.regionCode,
    countyCode,
    sublocation: section?.city.name ?? null,
    city: town?.name ?? null,
    metro: metro?.name ?? null,
  });
}

/**
 * A big city's borough the point lies in: a county seat (PPLA2) within naming distance, in the point's county,
 * nearer than the city's own point, when that is not the county of the city's centre. Brooklyn (Kings County) is named so, with New York City as
 * its metro; Times Square stays New York City (Manhattan holds the city's centre), as does a city whose districts
 * are no counties (Munich, Paris).
 */
function boroughOf(
  gazetteer: Gazetteer,
  town: GazetteerCity | undefined,
  near: readonly CityDistance[],
  countyCode: string | undefined,
): GazetteerCity | undefined {
  if (!town || !countyCode || town.population < METRO_RULE.minPopulation) return undefined;
  if (town.countyCode === countyCode || centreCounty(gazetteer, town) === countyCode) return undefined;
  // The nearest entry's county is a guess near a county line (by the Eiffel Tower it says Hauts-de-Seine): only a
  // seat nearer than the city's own point is believed.
  const townKm = near.find((c) => c.city === town)?.km ?? NAMING_RADIUS_KM;
  const seats = near.filter(
    ({ city, km }) =>
      city.isCountySeat &&
      !city.isSection &&
      km < townKm &&
      city.countryCode === town.countryCode &&
      city.regionCode === town.regionCode &&
      city.countyCode === countyCode,
  );
  return nearestOf(seats)?.city;
}

/** The county a city's own point lies in: its own code, or that of the nearest entry that has one. */
function centreCounty(gazetteer: Gazetteer, city: GazetteerCity): string | undefined {
  if (city.countyCode !== '') return city.countyCode;
  const around = gazetteer
    .citiesWithin(city.latitude, city.longitude, CENTRE_COUNTY_KM, city.countryCode)
    .filter((c) => c.city.countyCode !== '' && c.city.regionCode === city.regionCode);
  return nearestOf(around)?.city.countyCode;
}

/** How far from a city's point an entry still tells the county of its centre. */
const CENTRE_COUNTY_KM = 5;

/**
 * Far from towns, the nearest one may lie across a state line (Old Faithful is 45 km from West Yellowstone,
 * Montana, and in Wyoming): in the US the state and county then come from their boundaries. Near a town its
 * precise point is the better witness than a 1:10 m boundary, so it is kept.
 */
function boundaryArea(
  latitude: number,
  longitude: number,
  countryCode: string | undefined,
  within: readonly CityDistance[],
): { regionCode: string; countyCode: string } | undefined {
  if (countryCode !== 'US') return undefined;
  const nearest = nearestOf(within);
  if (nearest && nearest.km <= TOWN_WITNESS_KM) return undefined;
  const us = usAreaAt(latitude, longitude);
  if (!us) return undefined;
  const state = sharedGazetteer()
    .areasNamed(foldName(us.stateName))
    .find((a) => a.countryCode === 'US' && a.countyCode === '');
  return state ? { regionCode: state.regionCode, countyCode: us.countyCode } : undefined;
}
