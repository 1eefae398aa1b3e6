import type { CityDistance, GazetteerCity } from './gazetteer';

/**
 * Metro membership, stated once: a place belongs to the biggest city of at least 500,000 people within 30 km in
 * the same country and region (admin-1): Santa Monica (23 km) → Los Angeles, Brooklyn → New York City, Bogenhausen
 * → Munich, Boulogne-Billancourt → Paris. A city that big is its own metro unless one at least twice its size is
 * that close (Brooklyn, 2.7 M, is part of New York City, 8.8 M; Essen and Dortmund stay themselves). The same
 * region keeps metros on their side of a state line (Jersey City is not New York City).
 */
export const METRO_RULE = { minPopulation: 500_000, radiusKm: 30, dominance: 2 } as const;

/** The metro a place (`town`, at or near the point) belongs to; `nearby` is every city within METRO_RULE.radiusKm. */
export function metroOf(
  town: GazetteerCity | undefined,
  nearby: readonly CityDistance[],
): GazetteerCity | undefined {
  let biggest: GazetteerCity | undefined;
  for (const { city, km } of nearby) {
    if (city.isSection || km > METRO_RULE.radiusKm || city.population < METRO_RULE.minPopulation) continue;
    if (town && (city.countryCode !== town.countryCode || city.regionCode !== town.regionCode)) continue;
    if (!biggest || city.population > biggest.population) biggest = city;
  }
  if (!town) return biggest;
  const townIsMetro = !town.isSection && town.population >= METRO_RULE.minPopulation;
  if (townIsMetro && (!biggest || biggest.population < METRO_RULE.dominance * town.population)) return town;
  return biggest;
}
