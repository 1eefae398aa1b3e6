import { getDeviceId, getLocale, type HandlerInput, type RequestHandler } from 'ask-sdk-core';
import type { IntentRequest } from 'ask-sdk-model';
import type { PhotoQuery, SlideshowPage, Viewport } from '../../common/contracts';
import { stringsFor, type FoundPhotos, type PhotoSpan } from '../i18n';
import type { SkillDeps } from '../skill-deps';
import { calendarDateIn } from '../util/calendar';
import { queryOf, relaxations, understandShowPhotos, type PhotoRequest } from '../util/photo-request';
import { ownerIdOf, requestFactsOf } from '../util/request-attributes';
import { inPlayOrder } from '../util/slideshow-order';
import { hemisphereOf, timeZoneOf, userSettingsOf } from '../util/user-context';
import { SLIDESHOW_PAGE_SIZE, answer, ask, rememberSlideshow, slideshowOptionsOf } from './answers';
import { isIntent } from './matchers';

export const SHOW_PHOTOS_INTENT = 'ShowPhotosIntent';

/** What a search found, or the slideshow made of it (and the query it plays) on a screen. */
interface Found {
  total: number;
  span: PhotoSpan | null;
  slideshow?: { page: SlideshowPage; query: PhotoQuery };
}

/**
 * "Show beach photos from last summer": slots → PhotoQuery → a slideshow on screens, or a spoken count on
 * voice-only devices (no slideshow is created that nobody could see). When nothing matches, one constraint at a
 * time is dropped (date, then place, then subject) and the user is told what was found instead. Dates are read in
 * the user's time zone and hemisphere (device settings, then the user's stored ones, then the defaults).
 */
export function showPhotosIntentHandler(deps: SkillDeps): RequestHandler {
  const now = deps.now ?? (() => new Date());
  return {
    canHandle: (input) => isIntent(input, SHOW_PHOTOS_INTENT),
    handle: async (input) => {
      const { requestEnvelope } = input;
      const locale = getLocale(requestEnvelope);
      const strings = stringsFor(locale);
      const [timeZone, hemisphere] = await Promise.all([timeZoneOf(input), hemisphereOf(input)]);
      const understanding = understandShowPhotos((requestEnvelope.request as IntentRequest).intent, {
        locale,
        today: calendarDateIn(now(), timeZone),
        hemisphere,
      });
      if (!understanding.ok && understanding.problem === 'ambiguous') {
        return ask(input, strings, strings.whichOne(understanding.heard, understanding.candidates));
      }
      if (!understanding.ok) {
        const speak = {
          date: strings.badDate,
          subject: strings.unknownSubject,
          person: strings.unknownPerson,
          album: strings.unknownAlbum,
        }[understanding.problem];
        return ask(input, strings, speak(understanding.heard));
      }

      const viewport = requestFactsOf(input).aplViewport;
      const find = finder(input, deps, viewport, (await userSettingsOf(input)).shuffle);
      const show = async (found: Found, speech: string) => {
        if (found.slideshow) {
          const { page, query } = found.slideshow;
          await rememberSlideshow(input, deps, { kind: 'query', slideshowId: page.slideshowId, query });
        }
        return answer(input, found.slideshow?.page, speech, await slideshowOptionsOf(input));
      };
      const asked = understanding.request;
      const found = await find(asked);
      if (found.total > 0) {
        const photos = described(asked, found);
        return show(found, viewport ? strings.showing(photos) : strings.voiceOnly(photos));
      }

      for (const relaxed of relaxations(asked)) {
        const instead = await find(relaxed);
        if (instead.total > 0) {
          return show(
            instead,
            strings.relaxed(asked.selection, described(relaxed, instead), Boolean(viewport)),
          );
        }
      }
      return ask(input, strings, strings.noMatches(asked.selection));
    },
  };
}

function described(request: PhotoRequest, found: Found): FoundPhotos {
  return { selection: request.selection, count: found.total, span: found.span };
}

/**
 * Screens get a slideshow (the display service counts while it creates it), in the user's order (shuffled with a
 * fresh seed, or by date); voice-only devices a count.
 */
function finder(
  input: HandlerInput,
  deps: SkillDeps,
  viewport: Viewport | undefined,
  shuffle: boolean,
): (request: PhotoRequest) => Promise<Found> {
  const { requestEnvelope } = input;
  const ownerId = ownerIdOf(input);
  return async (request) => {
    const query = inPlayOrder(queryOf(request), shuffle);
    if (viewport) {
      const page = await deps.display.createSlideshow({
        ownerId,
        query,
        viewport,
        deviceId: getDeviceId(requestEnvelope) ?? undefined,
        pageSize: SLIDESHOW_PAGE_SIZE,
      });
      return { total: page.total, span: page.span, slideshow: { page, query } };
    }
    const { total, span } = await deps.library.search(ownerId, { query, limit: 1 });
    return { total, span };
  };
}
