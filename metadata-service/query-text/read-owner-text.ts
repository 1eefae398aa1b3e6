import { findPlacesByName } from '../places/find-places';
import { foldName } from '../places/place-names';
import { sharedGazetteer } from '../places/shared-gazetteer';
import type { OwnerTextContexts } from '../text-context/owner-text-contexts';
import { hemisphereCodeForTimeZone as hemisphereForTimeZone } from '../../common/calendar';
import { parsePhotoText } from './parse-photo-text';
import type { Hemisphere, ParsedQuery, PlaceLevel } from './types';

export interface TextOptions {
  /** The user's IANA zone; defaults to the server's. */
  timeZone?: string;
  /** Defaults from the zone (Australia/… → southern). */
  hemisphere?: Hemisphere;
  /** "Now"; defaults to the clock. */
  reference?: Date;
}

/**
 * Reads free text against one owner's own words: labels, people and albums from their vocabulary, places their
 * photos were taken in (and the gazetteer after "in"/"at"), "every christmas" over the years their library spans.
 * The words come from the owner's kept text context, current with the library's last write.
 */
export async function readOwnerText(
  contexts: OwnerTextContexts,
  ownerId: string,
  text: string,
  options: TextOptions = {},
): Promise<ParsedQuery> {
  const timeZone = options.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const { vocabulary, librarySpan } = await contexts.get(ownerId);
  return parsePhotoText(text, {
    reference: options.reference ?? new Date(),
    timeZone,
    hemisphere: options.hemisphere ?? hemisphereForTimeZone(timeZone),
    vocabulary,
    librarySpan,
    findPlaces: (name) =>
      findPlacesByName(name).map(({ name: placeName, level, countryCode }) => ({
        name: placeName,
        level,
        standsAlone: standsAlone(placeName, level, countryCode),
      })),
  });
}

/** A bare word is a place only when it is an area or a big city: "kyoto" is, "happy" (Happy, Texas) is not. */
const MIN_POPULATION_STANDING_ALONE = 100_000;

function standsAlone(name: string, level: PlaceLevel, countryCode: string): boolean {
  if (level !== 'city' && level !== 'sublocation') return true;
  // A qualified name ("Paris, Texas") was said in full.
  if (name.includes(',')) return true;
  return sharedGazetteer()
    .citiesNamed(foldName(name))
    .some((city) => city.countryCode === countryCode && city.population >= MIN_POPULATION_STANDING_ALONE);
}
