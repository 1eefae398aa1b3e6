import { getLocale, getSlotValue, type RequestHandler } from 'ask-sdk-core';
import { stringsFor } from '../i18n';
import type { SkillDeps } from '../skill-deps';
import { ownerIdOf, requestFactsOf } from '../util/request-attributes';
import { inSpokenOrder } from '../util/slideshow-order';
import { spokenOrderOf } from '../util/words-reading';
import { calendarDateIn } from '../../common/calendar';
import { hemisphereOf, timeZoneOf, userSettingsOf } from '../util/user-context';
import { answer, ask, slideshowOptionsOf, startQuerySlideshow } from './answers';
import { isIntent } from './matchers';
import { languageOf } from '../util/text-language';
import { textNothingFound } from './nothing-found-speech';
import { countable } from './show-photos-intent';

export const SEARCH_PHOTOS_INTENT = 'SearchPhotosIntent';

/**
 * "Search for grandma at the beach in Kyoto": the words (AMAZON.SearchQuery) go to the library, which reads them
 * against this owner's own labels, people, albums and places and answers with the query they became. That query
 * then drives the same slideshow as ShowPhotosIntent, so what was understood is exactly what is shown, counted
 * the same way (photos, a pair is two). Nothing found is phrased as ShowPhotosIntent phrases it: what found nothing,
 * and at most an offer of what to search for instead.
 */
export function searchPhotosIntentHandler(deps: SkillDeps): RequestHandler {
  const now = deps.now ?? (() => new Date());
  return {
    canHandle: (input) => isIntent(input, SEARCH_PHOTOS_INTENT),
    handle: async (input) => {
      const { requestEnvelope } = input;
      const locale = getLocale(requestEnvelope);
      const strings = stringsFor(locale);
      const heard = getSlotValue(requestEnvelope, 'query')?.trim();
      if (!heard) return ask(input, strings, strings.whatToSee);

      const ownerId = ownerIdOf(input);
      const [timeZone, hemisphere] = await Promise.all([timeZoneOf(input), hemisphereOf(input)]);
      const reading = await deps.library.search(ownerId, {
        q: heard,
        language: languageOf(locale),
        limit: 0,
        timeZone,
        hemisphere: hemisphere === 'southern' ? 'S' : 'N',
        reference: now().toISOString(),
      });
      // An empty answer explains itself (an unknown word is a failed constraint, with no query to play).
      if (reading.total === 0 && reading.nothingFound) {
        const today = calendarDateIn(now(), timeZone);
        return ask(
          input,
          strings,
          strings.nothingFound(textNothingFound(heard, reading.nothingFound, today)),
        );
      }
      if (!reading.query || (reading.understood ?? []).length === 0) {
        return ask(input, strings, strings.textNotUnderstood(heard));
      }
      if (reading.total === 0) {
        const today = calendarDateIn(now(), timeZone);
        return ask(input, strings, strings.nothingFound(textNothingFound(heard, undefined, today)));
      }

      const viewport = requestFactsOf(input).aplViewport;
      if (!viewport) {
        const counted = await deps.library.search(ownerId, { query: countable(reading.query), limit: 0 });
        return answer(input, undefined, strings.textVoiceOnly(heard, counted.total, counted.span));
      }
      // "search for my latest photos": the text's order word wins over the shuffle setting.
      const query = inSpokenOrder(
        reading.query,
        spokenOrderOf(reading),
        (await userSettingsOf(input)).shuffle,
      );
      const page = await startQuerySlideshow(input, deps, query, viewport);
      return answer(
        input,
        page,
        strings.textShowing(heard, page.photoCount ?? page.total, page.span),
        await slideshowOptionsOf(input),
      );
    },
  };
}
