import type { CityDistance, GazetteerCity } from './gazetteer';

/** How far from a photo a bigger town may still be "where it was taken" (Eiffel Tower → Paris, 4 km). */
export const NAMING_RADIUS_KM = 10;
/** Distance at which a town's weight halves twice: keeps a 1 km-away town ahead of a 5x bigger one 6 km away. */
const DISTANCE_SCALE_KM = 2;

/**
 * The town a person would name: near a city centre a big city outweighs its own suburbs and districts ("London",
 * not "City of Westminster"; "New York City", not "Manhattan"), but never across a state or border line (the
 * nearest entry, neighbourhoods included, says which side the point is on), and a town the photo is in beats a
 * bigger one a few km away. Neighbourhoods themselves are never the answer.
 */
export function namedPlaceNear(candidates: readonly CityDistance[]): GazetteerCity | undefined {
  let nearestAny: CityDistance | undefined;
  let nearestTown: CityDistance | undefined;
  for (const candidate of candidates) {
    if (!nearestAny || candidate.km < nearestAny.km) nearestAny = candidate;
    if (!candidate.city.isSection && (!nearestTown || candidate.km < nearestTown.km)) nearestTown = candidate;
  }
  if (!nearestAny || !nearestTown) return undefined;
  const { countryCode, regionCode } = nearestAny.city;
  let best: GazetteerCity | undefined;
  let bestScore = 0;
  for (const { city, km } of candidates) {
    if (city.isSection || km > NAMING_RADIUS_KM) continue;
    if (city.countryCode !== countryCode || city.regionCode !== regionCode) continue;
    const score = Math.max(city.population, 1) / (1 + km / DISTANCE_SCALE_KM) ** 2;
    if (score > bestScore) {
      best = city;
      bestScore = score;
    }
  }
  // Nothing named on this side of the line within reach: the nearest town is still the best answer.
  return best ?? nearestTown.city;
}

/** The nearest entry of all, neighbourhoods included: it says which region and county the point is in. */
export function nearestOf(candidates: readonly CityDistance[]): CityDistance | undefined {
  let nearest: CityDistance | undefined;
  for (const candidate of candidates) if (!nearest || candidate.km < nearest.km) nearest = candidate;
  return nearest;
}
