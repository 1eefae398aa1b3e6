import type { RequestHandler } from 'ask-sdk-core';
import type { IntentRequest } from 'ask-sdk-model';
import { stringsOf } from '../i18n';
import type { SkillDeps } from '../skill-deps';
import { slideshowIsOnScreen } from '../util/photo-on-screen';
import { requestFactsOf } from '../util/request-attributes';
import { inPlayOrder } from '../util/slideshow-order';
import { saveUserSettings } from '../util/user-context';
import { answer, slideshowOptionsOf, startQuerySlideshow, tell } from './answers';
import { isIntent } from './matchers';

const SHUFFLE_ON = 'AMAZON.ShuffleOnIntent';
const SHUFFLE_OFF = 'AMAZON.ShuffleOffIntent';

/**
 * "Shuffle" / "shuffle off": kept as the user's choice for every later slideshow, and the slideshow on screen
 * starts again with the same photos in the new order (shuffled with a fresh seed, or by date). The ambient frame is
 * always shuffled: "shuffle" there changes nothing, "shuffle off" plays the whole library by date instead. With no
 * slideshow on screen the choice waits for the next one.
 */
export function shuffleIntentHandler(deps: Pick<SkillDeps, 'display' | 'logger'>): RequestHandler {
  return {
    canHandle: (input) => isIntent(input, SHUFFLE_ON, SHUFFLE_OFF),
    handle: async (input) => {
      const strings = stringsOf(input);
      const on = (input.requestEnvelope.request as IntentRequest).intent.name === SHUFFLE_ON;
      const last = (await saveUserSettings(input, { shuffle: on })).lastSlideshow;
      const viewport = requestFactsOf(input).aplViewport;
      if (!viewport || !last || !slideshowIsOnScreen(input.requestEnvelope)) {
        return tell(input, strings.shuffleSaved(on));
      }
      if (last.kind === 'ambient' && on) return tell(input, strings.alreadyShuffled);
      const query = inPlayOrder(last.kind === 'query' ? last.query : {}, on);
      const page = await startQuerySlideshow(input, deps, query, viewport);
      if (page.total === 0) return tell(input, strings.shuffleSaved(on));
      const count = page.photoCount ?? page.total;
      return answer(
        input,
        page,
        strings.shuffleRestarted(on, count, last.kind === 'query'),
        await slideshowOptionsOf(input),
      );
    },
  };
}
