import type { HandlerInput, RequestHandler } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { stringsOf, type PhotoQuestion, type SimilarityKind } from '../i18n';
import type { SkillDeps } from '../skill-deps';
import { ownerIdOf, requestFactsOf } from '../util/request-attributes';
import { similarCandidates } from '../util/similar-photos';
import { tripCandidate } from '../util/trip-photos';
import { inPlayOrder } from '../util/slideshow-order';
import { userSettingsOf } from '../util/user-context';
import { answer, noPhotoAnswer, slideshowOptionsOf, startQuerySlideshow, tell } from './answers';
import { factsOnScreen, infoOf } from './facts-on-screen';
import { isIntent } from './matchers';
import { slotIdOf } from './slot-ids';

export const MORE_LIKE_THIS_INTENT = 'MoreLikeThisIntent';
/**
 * SIMILARITY: DAY ("from this day"), PLACE ("from here"), PEOPLE ("with them"), TRIP ("from this trip"); empty =
 * "like this".
 */
export const SIMILARITY_SLOT = 'similarity';
const KIND_OF: Readonly<Record<'DAY' | 'PLACE' | 'PEOPLE' | 'TRIP', SimilarityKind>> = {
  DAY: 'day',
  PLACE: 'place',
  PEOPLE: 'people',
  TRIP: 'trip',
};
/** When the photo has no such fact, the answer is the "what is this?" answer about it ("I don't know who…"). */
const QUESTION_OF: Readonly<Record<SimilarityKind, PhotoQuestion>> = {
  day: 'when',
  place: 'where',
  people: 'who',
  trip: 'where',
};

/**
 * "Show more like this", "more photos from this day / place / with them": a new slideshow of the photos that share
 * the photo on screen's capture day, place or people (the one asked for; else the first of those that finds any
 * other photo), or its trip when asked ("more from this trip"), in the user's order. Speech says what it matched:
 * "Here are 14 more from Santa Monica".
 */
export function moreLikeThisIntentHandler(
  deps: Pick<SkillDeps, 'display' | 'library' | 'logger'>,
): RequestHandler {
  return {
    canHandle: (input) => isIntent(input, MORE_LIKE_THIS_INTENT),
    handle: (input) => {
      const asked = slotIdOf(input, SIMILARITY_SLOT, ['DAY', 'PLACE', 'PEOPLE', 'TRIP'] as const);
      return answerMoreLikeThis(input, deps, asked ? KIND_OF[asked] : undefined);
    },
  };
}

/**
 * The slideshow of the photos like the one on screen in the way asked (`wanted`), or in the first way that finds
 * any other photo; what it matched is said. Also "show photos from this trip", heard by ShowPhotosIntent.
 */
export async function answerMoreLikeThis(
  input: HandlerInput,
  deps: Pick<SkillDeps, 'display' | 'library' | 'logger'>,
  wanted: SimilarityKind | undefined,
): Promise<Response> {
  const strings = stringsOf(input);
  const viewport = requestFactsOf(input).aplViewport;
  const onScreen = viewport ? await factsOnScreen(input, deps) : undefined;
  if (!viewport || !onScreen) return noPhotoAnswer(input, strings, strings.noPhotoForThat);
  const ownerId = ownerIdOf(input);
  const trip =
    wanted === 'trip'
      ? await tripCandidate(onScreen.facts, (query, limit) => deps.library.search(ownerId, { query, limit }))
      : undefined;
  const candidates = wanted === 'trip' ? (trip ? [trip] : []) : similarCandidates(onScreen.facts, wanted);
  if (wanted && candidates.length === 0) {
    return tell(input, strings.photoInfo(infoOf(onScreen.facts), QUESTION_OF[wanted], onScreen.which));
  }

  const { shuffle } = await userSettingsOf(input);
  // The photo on screen matches its own facts (unless hidden): "more" are the others.
  const itself = onScreen.facts.hidden ? 0 : 1;
  for (const candidate of candidates) {
    const { total } = await deps.library.search(ownerId, { query: candidate.query, limit: 0 });
    if (total - itself <= 0) continue;
    const page = await startQuerySlideshow(input, deps, inPlayOrder(candidate.query, shuffle), viewport);
    const others = (page.photoCount ?? page.total) - itself;
    if (others <= 0) continue;
    return answer(input, page, strings.morePhotos(candidate.match, others), await slideshowOptionsOf(input));
  }
  return tell(input, strings.noMorePhotos(wanted));
}
