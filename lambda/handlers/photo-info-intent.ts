import type { RequestHandler } from 'ask-sdk-core';
import { isAppError } from '../../common/errors';
import type { PhotoFacts } from '../../common/contracts';
import { stringsOf, type PhotoInfo } from '../i18n';
import type { SkillDeps } from '../skill-deps';
import { photoOnScreen } from '../util/photo-on-screen';
import { ownerIdOf } from '../util/request-attributes';
import { ask } from './answers';
import { isIntent } from './matchers';

export const PHOTO_INFO_INTENT = 'PhotoInfoIntent';

/**
 * "What is this photo?": the visual context names the photo on screen; the library's facts answer when, where,
 * who and what. The session stays as it was, so the slideshow keeps playing.
 */
export function photoInfoIntentHandler(deps: Pick<SkillDeps, 'library'>): RequestHandler {
  return {
    canHandle: (input) => isIntent(input, PHOTO_INFO_INTENT),
    handle: async (input) => {
      const strings = stringsOf(input);
      const photoId = photoOnScreen(input.requestEnvelope);
      if (!photoId) return ask(input, strings, strings.noPhotoOnScreen);
      let facts: PhotoFacts;
      try {
        facts = await deps.library.getPhoto(ownerIdOf(input), photoId);
      } catch (error) {
        // Removed since it was shown, or not this owner's: nothing to say about it.
        if (isAppError(error) && error.status === 404) return ask(input, strings, strings.noPhotoOnScreen);
        throw error;
      }
      return input.responseBuilder.speak(strings.photoInfo(infoOf(facts))).getResponse();
    },
  };
}

function infoOf(facts: PhotoFacts): PhotoInfo {
  const [year, month, day] = (facts.takenLocal?.slice(0, 10).split('-') ?? []).map(Number);
  const place = facts.place
    ? [facts.place.city, facts.place.region, facts.place.country].filter((part): part is string =>
        Boolean(part),
      )
    : [];
  return {
    date: year && month && day ? { year, month, day } : null,
    place: place.length > 0 ? place.join(', ') : null,
    subjects: [...new Set(facts.labels.map((label) => label.name))],
    people: facts.people.map((person) => person.name),
  };
}
