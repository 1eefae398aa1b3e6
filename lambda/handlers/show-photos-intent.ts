import { getDeviceId, getLocale, type HandlerInput, type RequestHandler } from 'ask-sdk-core';
import type { IntentRequest } from 'ask-sdk-model';
import type { NothingFound, NothingFoundKind, PhotoQueryInput } from '../../common/contracts';
import { stringsFor, type SkillStrings } from '../i18n';
import type { NothingFoundSpeech } from '../i18n/skill-strings';
import type { SkillDeps } from '../skill-deps';
import { calendarDateIn, holidayLocaleOf, type CalendarDate, type ResolvedDate } from '../../common/calendar';
import { createOwnerNames, type OwnerNameKind } from '../util/owner-names';
import {
  futureDateOf,
  queryOf,
  SHOW_PHOTOS_SLOTS,
  understandShowPhotos,
  withDate,
  withWordsRead,
  type PhotoRequest,
  type PreviousOccurrence,
} from '../util/photo-request';
import { readWords, type WordsReader } from '../util/words-reading';
import { ownerIdOf, requestFactsOf } from '../util/request-attributes';
import { inSpokenOrder } from '../util/slideshow-order';
import { hemisphereOf, timeZoneOf, userSettingsOf } from '../util/user-context';
import { SLIDESHOW_PAGE_SIZE, answer, ask, rememberSlideshow, slideshowOptionsOf } from './answers';
import { isIntent } from './matchers';
import { languageOf } from '../util/text-language';
import { slotsNothingFound } from './nothing-found-speech';
import { answerMoreLikeThis } from './more-like-this-intent';
import { isThisTrip } from '../util/trip-words';
import { rangeWordsClosedBy } from '../util/date-range-words';
import { anyOf, earlierHolidays, occurrenceAt } from '../util/earlier-holidays';

export const SHOW_PHOTOS_INTENT = 'ShowPhotosIntent';
/** "How many beach photos do I have?": ShowPhotosIntent's slots, answered with the count alone. */
export const COUNT_PHOTOS_INTENT = 'CountPhotosIntent';

/**
 * "Show beach photos from last summer": slots → PhotoQuery → a slideshow on screens, or a spoken count on
 * voice-only devices (no slideshow is created that nobody could see). "How many beach photos do I have from last
 * summer?" (CountPhotosIntent, the same slots) is understood the same way and answered with the count alone.
 * Counts are photos, the same on every device:
 * the slideshow's photo count on a screen (a pair is two), the library's count of the same photos (near-duplicates
 * collapsed, as a slideshow plays them) without one.
 *
 * Nothing found is said, never widened: the library's account of what matched nothing, and at most one offer of
 * what to say instead; no photo that was not asked for is shown. A date still to come ("this weekend" on a
 * Wednesday) is said to be so, with its previous occurrence offered by name and count. Dates are read in the
 * user's time zone and hemisphere.
 */
export function showPhotosIntentHandler(deps: SkillDeps): RequestHandler {
  const now = deps.now ?? (() => new Date());
  const ownerNames = createOwnerNames(deps.library, () => now().getTime());
  return {
    canHandle: (input) => isIntent(input, SHOW_PHOTOS_INTENT) || isIntent(input, COUNT_PHOTOS_INTENT),
    handle: async (input) => {
      const { requestEnvelope } = input;
      const locale = getLocale(requestEnvelope);
      const strings = stringsFor(locale);
      const ownerId = ownerIdOf(input);
      const [timeZone, hemisphere] = await Promise.all([timeZoneOf(input), hemisphereOf(input)]);
      const today = calendarDateIn(now(), timeZone);
      const namesOf = (kind: OwnerNameKind, heard: string) =>
        ownerNames.resolve(ownerId, kind, heard, locale);
      const readWordsAsText: WordsReader = (words) =>
        readWords(
          words,
          (q) =>
            deps.library.search(ownerId, {
              q,
              language: languageOf(locale),
              limit: 0,
              timeZone,
              hemisphere: hemisphere === 'southern' ? 'S' : 'N',
              reference: now().toISOString(),
            }),
          namesOf,
          { hemisphere, holidayLocale: holidayLocaleOf(languageOf(locale)), today },
        );
      const { intent } = requestEnvelope.request as IntentRequest;
      // "Show photos from this trip" with a photo on screen: that photo's trip, as "more from this trip" is. Only
      // when the trip is all that was asked: "beach photos from this trip" must not drop the beach.
      const filled = Object.values(intent.slots ?? {}).filter((slot) => slot.value);
      const place = intent.slots?.[SHOW_PHOTOS_SLOTS.place]?.value;
      if (isIntent(input, SHOW_PHOTOS_INTENT) && filled.length === 1 && isThisTrip(place)) {
        return answerMoreLikeThis(input, deps, 'trip');
      }
      const understanding = await understandShowPhotos(intent, {
        locale,
        today,
        hemisphere,
        ownerNames: namesOf,
        readWords: readWordsAsText,
      });
      if (!understanding.ok && understanding.problem === 'ambiguous') {
        return ask(input, strings, strings.whichOne(understanding.heard, understanding.candidates));
      }
      if (!understanding.ok && understanding.problem === 'self') {
        return ask(input, strings, strings.unknownSelf);
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
      let asked = understanding.request;
      const future = futureDateOf(asked);
      if (future) return answerFutureDate(input, deps, strings, asked, future.previous, today);

      const count = (request: PhotoRequest) =>
        deps.library.search(ownerId, { query: countable(queryOf(request)), limit: 0 });
      let counted = await count(asked);
      const reread =
        counted.total === 0
          ? await rereadUnknownWords(asked, counted.nothingFound, readWordsAsText, { locale, today })
          : undefined;
      if (reread) {
        asked = reread;
        counted = await count(asked);
      }
      if (counted.total === 0) {
        if (!hasConstraint(asked)) return ask(input, strings, strings.noMatches(asked.selection));
        const speech = slotsNothingFound(asked.selection, counted.nothingFound, today);
        // "Valentine's Day" whose latest occurrence has no photos: the latest one before it that has some.
        const earlier = onlyTheDateFound(counted.nothingFound)
          ? await earlierOccurrenceOffer(asked, deps, ownerId, locale)
          : undefined;
        return ask(input, strings, strings.nothingFound(earlier ? { ...speech, offer: earlier } : speech));
      }

      const viewport = requestFactsOf(input).aplViewport;
      const library = { selection: asked.selection, count: counted.total, span: counted.span };
      if (isIntent(input, COUNT_PHOTOS_INTENT)) return answer(input, undefined, strings.photoCount(library));
      if (!viewport) return answer(input, undefined, strings.voiceOnly(library));
      const query = inSpokenOrder(queryOf(asked), asked.order, (await userSettingsOf(input)).shuffle);
      const page = await deps.display.createSlideshow({
        ownerId,
        query,
        viewport,
        deviceId: getDeviceId(requestEnvelope) ?? undefined,
        pageSize: SLIDESHOW_PAGE_SIZE,
      });
      await rememberSlideshow(input, deps, { kind: 'query', slideshowId: page.slideshowId, query });
      const found = { selection: asked.selection, count: page.photoCount ?? page.total, span: page.span };
      return answer(input, page, strings.showing(found), await slideshowOptionsOf(input));
    },
  };
}

/**
 * The photos a slideshow of this query would hold: one per near-duplicate group, as the display plays them, so a
 * device without a screen says the number a screen would.
 */
export function countable(query: PhotoQueryInput): PhotoQueryInput {
  return { ...query, collapseDuplicates: true };
}

/**
 * The request with the subject's or place's words read as free text, when they alone found nothing ("zermatt" is no
 * label, "anna" no place) and the words are something else in this library. Words that read as what they were
 * taken for (a label with no photos, a place with none) stay the answer, and so does a request in which each
 * constraint finds photos alone.
 */
async function rereadUnknownWords(
  asked: PhotoRequest,
  nothingFound: NothingFound | undefined,
  read: WordsReader,
  context: { locale: string; today: CalendarDate },
): Promise<PhotoRequest | undefined> {
  const foundNothing = (kind: NothingFoundKind) =>
    (nothingFound?.failed ?? []).some(
      (failed) => failed.kind === kind && (failed.reason === 'no-photos' || failed.reason === 'unknown'),
    );
  for (const [slot, kind] of [
    ['subject', 'label'],
    ['place', 'place'],
  ] as const) {
    const words = asked.heard[slot];
    if (words === undefined || !foundNothing(kind)) continue;
    // "2018 until" heard as a place beside the date 2020: one range, read as said.
    const range = slot === 'place' ? rangeWordsClosedBy(words, asked.date) : undefined;
    if (range !== undefined) {
      const reading = await read(range);
      const reread = reading && withWordsRead(asked, slot, reading, { ...context, dateRead: true });
      if (reread) return reread;
    }
    const reading = await read(words);
    const reread = reading && withWordsRead(asked, slot, reading, context);
    if (reread) return reread;
  }
  return undefined;
}

function hasConstraint(request: PhotoRequest): boolean {
  return (
    request.labels.length > 0 ||
    request.people.length > 0 ||
    request.albums.length > 0 ||
    request.places.length > 0 ||
    request.date !== undefined ||
    request.favoritesOnly ||
    request.mediaKinds.length > 0
  );
}

/** Whether the date alone found nothing, and every other constraint found photos. */
function onlyTheDateFound(nothingFound: NothingFound | undefined): boolean {
  const failed = nothingFound?.failed ?? [];
  return failed.length === 1 && failed[0]?.kind === 'date' && failed[0].reason === 'no-photos';
}

/**
 * The same request at the latest earlier occurrence of its holiday that has photos, up to ten years back, as an
 * offer said by name and count ("On Valentine's Day 2025 you took 1 photo"): one search over all of them finds
 * the latest photo, a second counts its occurrence.
 */
async function earlierOccurrenceOffer(
  asked: PhotoRequest,
  deps: Pick<SkillDeps, 'library'>,
  ownerId: string,
  locale: string,
): Promise<NothingFoundSpeech['offer']> {
  const earlier = earlierHolidays(asked.date, locale);
  const all = anyOf(earlier);
  if (!all) return undefined;
  const count = (date: ResolvedDate) =>
    deps.library.search(ownerId, { query: countable(queryOf(withDate(asked, date))), limit: 0 });
  const latest = (await count(all)).span?.last;
  const occurrence = latest === undefined ? undefined : occurrenceAt(earlier, latest);
  if (!occurrence) return undefined;
  const { total, span } = await count(occurrence);
  if (total === 0 || !span) return undefined;
  const instead = withDate(asked, occurrence);
  return { selection: instead.selection, count: total, span, previousDate: { date: occurrence.phrase } };
}

/** "This weekend hasn't happened yet. Last weekend you took 5 photos. Say, show photos from last weekend, …" */
async function answerFutureDate(
  input: HandlerInput,
  deps: Pick<SkillDeps, 'library'>,
  strings: SkillStrings,
  asked: PhotoRequest,
  previous: PreviousOccurrence | undefined,
  today: CalendarDate,
) {
  const failed = [{ kind: 'date' as const, reason: 'future' as const, text: '', date: asked.selection.date }];
  const speech = { asked: asked.selection, failed, today };
  if (!previous) return ask(input, strings, strings.nothingFound(speech));
  const instead = withDate(asked, previous);
  const { total, span } = await deps.library.search(ownerIdOf(input), {
    query: countable(queryOf(instead)),
    limit: 0,
  });
  if (total === 0 || !span) return ask(input, strings, strings.nothingFound(speech));
  const offer = { selection: instead.selection, count: total, span, previousDate: { date: previous.phrase } };
  return ask(input, strings, strings.nothingFound({ ...speech, offer }));
}
