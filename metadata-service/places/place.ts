/** The levels a person names a place at, narrowest first (the place filter's contract). */
export { PLACE_LEVELS, type PlaceLevel } from '../../common/contracts/photo-query';

/**
 * Where a photo was taken, at every level a person might name it: "Santa Monica" (city), "Los Angeles" (metro),
 * "Los Angeles County" (county), "California" (region), "United States" (country). The levels added by issue 11
 * are optional so a place written as {city, region, country, countryCode} is still a place.
 */
export interface Place {
  /** A neighbourhood or named spot inside the city ("Schwabing", IPTC Sublocation). */
  sublocation?: string | null;
  city: string | null;
  /** The big city a suburb belongs to ("Los Angeles" for Santa Monica); the city itself when it is one. */
  metro?: string | null;
  /** GeoNames admin-2 area: county, Regierungsbezirk, district ("Orange County", "Upper Bavaria", "Cornwall"). */
  county?: string | null;
  region: string | null;
  country: string | null;
  /** ISO 3166-1 alpha-2, e.g. "US". */
  countryCode: string | null;
  /** GeoNames admin-1 code inside the country ("CA", "02", "ENG"). */
  regionCode?: string | null;
  /** GeoNames admin-2 code inside the region ("059", "091", "C6"). */
  countyCode?: string | null;
}
