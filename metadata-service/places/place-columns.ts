import type { PhotosTable } from '../database/schema';
import type { Place } from './place';

export type PlaceColumns = Pick<
  PhotosTable,
  | 'place_sublocation'
  | 'place_city'
  | 'place_metro'
  | 'place_county'
  | 'place_region'
  | 'place_country'
  | 'place_country_code'
  | 'place_region_code'
  | 'place_county_code'
>;

/** The photos row's place columns for a place (every level null when there is none). */
export function placeColumns(place: Place | null | undefined): PlaceColumns {
  return {
    place_sublocation: place?.sublocation ?? null,
    place_city: place?.city ?? null,
    place_metro: place?.metro ?? null,
    place_county: place?.county ?? null,
    place_region: place?.region ?? null,
    place_country: place?.country ?? null,
    place_country_code: place?.countryCode ?? null,
    place_region_code: place?.regionCode ?? null,
    place_county_code: place?.countyCode ?? null,
  };
}
