import type { RequestHandler } from 'ask-sdk-core';
import { isAppError } from '../../common/errors';
import { stringsOf } from '../i18n';
import type { SkillDeps } from '../skill-deps';
import { chosenPhotoOnScreen } from '../util/photo-on-screen';
import { ownerIdOf } from '../util/request-attributes';
import { noPhotoAnswer, tell } from './answers';
import { isIntent } from './matchers';
import { sideOf } from './slot-ids';

export const FAVORITE_PHOTO_INTENT = 'FavoritePhotoIntent';

/**
 * "Favourite this", "I love this one": marks the photo on screen as a favourite in the library. On a pair it marks
 * the side asked for, else the left one, and says which. The slideshow carries on undisturbed.
 */
export function favoritePhotoIntentHandler(deps: Pick<SkillDeps, 'library'>): RequestHandler {
  return {
    canHandle: (input) => isIntent(input, FAVORITE_PHOTO_INTENT),
    handle: async (input) => {
      const strings = stringsOf(input);
      const chosen = chosenPhotoOnScreen(input.requestEnvelope, sideOf(input));
      if (!chosen) return noPhotoAnswer(input, strings, strings.noPhotoForThat);
      try {
        await deps.library.setPhotoFlags(ownerIdOf(input), chosen.photoId, { favorite: true });
      } catch (error) {
        // Removed since it was shown, or not this owner's.
        if (isAppError(error) && error.status === 404) {
          return noPhotoAnswer(input, strings, strings.noPhotoForThat);
        }
        throw error;
      }
      return tell(input, strings.favorited(chosen.which));
    },
  };
}
