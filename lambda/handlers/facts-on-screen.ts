import type { HandlerInput } from 'ask-sdk-core';
import type { PhotoFacts } from '../../common/contracts';
import { isAppError } from '../../common/errors';
import type { PhotoInfo, PhotoRef } from '../i18n';
import type { SkillDeps } from '../skill-deps';
import { chosenPhotoOnScreen } from '../util/photo-on-screen';
import { ownerIdOf } from '../util/request-attributes';
import { captureDayOf } from '../util/similar-photos';

/**
 * The library's facts about the photo on screen (the left one of a pair), or undefined when there is none: nothing
 * of ours on screen, or a photo since removed or not this owner's.
 */
export async function factsOnScreen(
  input: HandlerInput,
  deps: Pick<SkillDeps, 'library'>,
): Promise<{ facts: PhotoFacts; which: PhotoRef } | undefined> {
  const chosen = chosenPhotoOnScreen(input.requestEnvelope);
  if (!chosen) return undefined;
  try {
    return { facts: await deps.library.getPhoto(ownerIdOf(input), chosen.photoId), which: chosen.which };
  } catch (error) {
    if (isAppError(error) && error.status === 404) return undefined;
    throw error;
  }
}

/**
 * Vision's labels are said only when it is sure: from the highest confidence at which any label answers a search in
 * the library (scene labels, 0.6). A derived or doubtful label ("beach" from a boat at 0.45) is evidence the library
 * keeps, not something to tell the owner their photo shows. The owner's own words (keywords, captions, folders) are
 * always said.
 */
export const SPOKEN_VISION_CONFIDENCE = 0.6;

/**
 * What speech says about a photo: its capture-local day (and whether that is only the file's date), place as far
 * as known, labels and people.
 */
export function infoOf(facts: PhotoFacts): PhotoInfo {
  const place = facts.place
    ? [facts.place.city, facts.place.region, facts.place.country].filter((part): part is string =>
        Boolean(part),
      )
    : [];
  return {
    date: captureDayOf(facts.takenLocal) ?? null,
    // 'file-modified' is the file system's time: the day the file was written, not the day the photo was taken.
    dateSource: facts.takenTimeSource.startsWith('file') ? 'file' : 'capture',
    place: place.length > 0 ? place.join(', ') : null,
    subjects: [
      ...new Set(
        facts.labels
          .filter((label) => label.source !== 'vision' || label.confidence >= SPOKEN_VISION_CONFIDENCE)
          .map((label) => label.name),
      ),
    ],
    people: facts.people.map((person) => person.name),
  };
}
