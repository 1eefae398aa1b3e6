import type { RequestHandler } from 'ask-sdk-core';
import { isAppError } from '../../common/errors';
import { buildSlideshowControl } from '../apl/slideshow-controls';
import { stringsOf } from '../i18n';
import type { SkillDeps } from '../skill-deps';
import { chosenPhotoOnScreen } from '../util/photo-on-screen';
import { ownerIdOf } from '../util/request-attributes';
import { noPhotoAnswer, tell } from './answers';
import { isIntent } from './matchers';
import { sideOf } from './slot-ids';

export const HIDE_PHOTO_INTENT = 'HidePhotoIntent';

/**
 * "Hide this", "never show this again": hides the photo on screen in the library, which leaves it out of every
 * search from now on (so out of every new slideshow and every frame), and moves the slideshow on to the next photo.
 * On a pair it hides the side asked for, else the left one, and says which.
 */
export function hidePhotoIntentHandler(deps: Pick<SkillDeps, 'library'>): RequestHandler {
  return {
    canHandle: (input) => isIntent(input, HIDE_PHOTO_INTENT),
    handle: async (input) => {
      const strings = stringsOf(input);
      const chosen = chosenPhotoOnScreen(input.requestEnvelope, sideOf(input));
      if (!chosen) return noPhotoAnswer(input, strings, strings.noPhotoForThat);
      try {
        await deps.library.setPhotoFlags(ownerIdOf(input), chosen.photoId, { hidden: true });
      } catch (error) {
        if (isAppError(error) && error.status === 404) {
          return noPhotoAnswer(input, strings, strings.noPhotoForThat);
        }
        throw error;
      }
      input.responseBuilder.addDirective(buildSlideshowControl('next'));
      return tell(input, strings.hidden(chosen.which));
    },
  };
}
