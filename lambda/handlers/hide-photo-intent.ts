import type { RequestHandler } from 'ask-sdk-core';
import { isAppError } from '../../common/errors';
import { buildSlideshowControl } from '../apl/slideshow-controls';
import { stringsOf } from '../i18n';
import type { SkillDeps } from '../skill-deps';
import { hiddenPageRemoval } from '../util/hidden-page-removal';
import { chosenPhotoOnScreen } from '../util/photo-on-screen';
import { ownerIdOf } from '../util/request-attributes';
import { noPhotoAnswer, tell } from './answers';
import { isIntent } from './matchers';
import { sideOf } from './slot-ids';

export const HIDE_PHOTO_INTENT = 'HidePhotoIntent';

/**
 * "Hide this", "never show this again": hides the photo on screen in the library, which leaves it out of every
 * search from now on (so out of every new slideshow and every frame), takes its page out of the list the device
 * has loaded (hidden-page-removal.ts), and moves the slideshow on to the next photo. On a pair it hides the side
 * asked for, else the left one, and says which.
 */
export function hidePhotoIntentHandler(deps: Pick<SkillDeps, 'library' | 'logger'>): RequestHandler {
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
      const removal = await hiddenPageRemoval(input, deps, chosen);
      // The deletion goes first: removing the page on screen moves the pager back one page (APL core's
      // PagerComponent::removeChildAfterMarkedRemoved), so "next" lands on the photo that followed it. The other
      // order would race the deletion against the page turn. From the first page the pager does not move back: the
      // photo that followed is already on screen, and "next" would skip it. The loop's end moves before "next"
      // reads it: hiding the last photo then wraps to the first, from the page the pager fell back to, instead of
      // waiting there for the deleted page's index.
      if (removal) input.responseBuilder.addDirective(removal.update);
      if (removal?.wasFirstPage !== true) {
        input.responseBuilder.addDirective(
          buildSlideshowControl('next', { first: removal ? [removal.listEnd] : [] }),
        );
      }
      return tell(input, strings.hidden(chosen.which));
    },
  };
}
