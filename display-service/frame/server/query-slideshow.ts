import { randomUUID } from 'node:crypto';
import type { DisplayApi } from '../../../common/clients/display-client';
import type { LibraryApi } from '../../../common/clients/library-client';
import { answerNothingFound, nothingFoundSentence } from '../../../common/answers/nothing-found-answer';
import type { PhotoQuery, SearchResponse, SlideshowPage, Viewport } from '../../../common/contracts';
import { frameErrors } from './frame-errors';

export interface QuerySlideshowRequest {
  ownerId: string;
  deviceId: string;
  q: string;
  viewport: Viewport;
  timeZone?: string;
  shuffle: boolean;
  pageSize: number;
  /** "Now" for relative dates in the text. */
  now: Date;
}

/**
 * A slideshow of free text, made the way the skill's SearchPhotosIntent makes one: the library reads the words
 * against the owner's labels, people, albums, places and dates and answers with the query they became; that query,
 * in play order (oldest first, or shuffled with a fresh seed), becomes the playlist.
 */
export async function createQuerySlideshow(
  apis: { library: LibraryApi; display: DisplayApi },
  request: QuerySlideshowRequest,
): Promise<SlideshowPage> {
  const reading = await apis.library.search(request.ownerId, {
    q: request.q,
    limit: 0,
    ...(request.timeZone === undefined ? {} : { timeZone: request.timeZone }),
    reference: request.now.toISOString(),
  });
  // Zero first: text with a word nothing matched is answered by what found nothing, never by the rest of it.
  if (reading.total === 0) throw frameErrors.noMatchingPhotos(nothingFoundText(request.q, reading));
  if (!reading.query || (reading.understood ?? []).length === 0) throw frameErrors.textNotUnderstood();
  return apis.display.createSlideshow({
    ownerId: request.ownerId,
    query: inPlayOrder(reading.query, request.shuffle),
    viewport: request.viewport,
    deviceId: request.deviceId,
    pageSize: request.pageSize,
  });
}

/** The same sentence `npm run search` prints for the same text (common/answers), without the command. */
function nothingFoundText(text: string, reading: SearchResponse): string | undefined {
  if (!reading.nothingFound) return undefined;
  return nothingFoundSentence(
    answerNothingFound(reading.nothingFound, { text, understood: reading.understood }),
  );
}

/** Mirrors the skill's lambda/util/slideshow-order.ts (tiers share no code but common/). */
function inPlayOrder(query: PhotoQuery, shuffle: boolean): PhotoQuery {
  const rest: PhotoQuery = { ...query };
  delete rest.seed;
  return shuffle ? { ...rest, order: 'shuffle', seed: randomUUID() } : { ...rest, order: 'oldest' };
}
