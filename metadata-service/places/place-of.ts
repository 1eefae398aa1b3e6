import type { Gazetteer } from './gazetteer';
import type { Place } from './place';

export interface PlaceParts {
  countryCode: string;
  regionCode?: string;
  countyCode?: string;
  sublocation?: string | null;
  city?: string | null;
  metro?: string | null;
}

/** A Place with the gazetteer's names for its codes; the one shape both GPS and IPTC names produce. */
export function placeOf(gazetteer: Gazetteer, parts: PlaceParts): Place {
  const regionCode = parts.regionCode || null;
  const countyCode = regionCode && parts.countyCode ? parts.countyCode : null;
  return {
    sublocation: parts.sublocation ?? null,
    city: parts.city ?? null,
    metro: parts.metro ?? null,
    county: regionCode && countyCode ? gazetteer.countyName(parts.countryCode, regionCode, countyCode) : null,
    region: regionCode ? gazetteer.regionName(parts.countryCode, regionCode) : null,
    country: gazetteer.countryName(parts.countryCode),
    countryCode: parts.countryCode,
    regionCode,
    countyCode,
  };
}
