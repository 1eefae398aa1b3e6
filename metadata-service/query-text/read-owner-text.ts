import type { VocabularyLanguage } from '../../common/vocabulary';
import type { OwnerTextContexts } from '../text-context/owner-text-contexts';
import { hemisphereCodeForTimeZone as hemisphereForTimeZone } from '../../common/calendar';
import { gazetteerPlaces } from './gazetteer-places';
import { parsePhotoText } from './parse-photo-text';
import type { Hemisphere, ParsedQuery } from './types';

export interface TextOptions {
  /** The text's language, when the asker states it ('de': German words first). */
  language?: VocabularyLanguage;
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
 * The words, already indexed, come from the owner's kept text context, current with the library's last write.
 */
export async function readOwnerText(
  contexts: OwnerTextContexts,
  ownerId: string,
  text: string,
  options: TextOptions = {},
): Promise<ParsedQuery> {
  const timeZone = options.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const { vocabulary, vocabularyIndex, librarySpan } = await contexts.get(ownerId);
  return parsePhotoText(text, {
    language: options.language,
    reference: options.reference ?? new Date(),
    timeZone,
    hemisphere: options.hemisphere ?? hemisphereForTimeZone(timeZone),
    vocabulary,
    vocabularyIndex,
    librarySpan,
    findPlaces: gazetteerPlaces,
  });
}
