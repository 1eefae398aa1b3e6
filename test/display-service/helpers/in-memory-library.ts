import type { LibraryApi } from '../../../common/clients/library-client';
import {
  searchRequestSchema,
  type PhotoFacts,
  type PhotoSummary,
  type SearchRequest,
  type SearchResponse,
} from '../../../common/contracts';
import { AppError } from '../../../common/errors';

/**
 * A small LibraryApi double for display unit tests: photos per owner, searched by labels and capture-local time
 * in time order, with every call recorded so tests can check paging.
 */
export class InMemoryLibrary implements LibraryApi {
  readonly searchCalls: { ownerId: string; request: SearchRequest }[] = [];
  readonly getPhotoCalls: { ownerId: string; photoId: string }[] = [];
  private readonly photos = new Map<string, { summary: PhotoSummary; labels: string[] }[]>();

  add(ownerId: string, summary: PhotoSummary, labels: string[] = []): void {
    const owned = this.photos.get(ownerId) ?? [];
    owned.push({ summary, labels });
    this.photos.set(ownerId, owned);
  }

  search(ownerId: string, request: SearchRequest): Promise<SearchResponse> {
    this.searchCalls.push({ ownerId, request });
    const { query, limit, offset } = searchRequestSchema.parse(request);
    const matches = (this.photos.get(ownerId) ?? [])
      .filter(({ labels }) => query.labels.every((label) => labels.includes(label)))
      .filter(({ summary }) => inRange(summary.takenLocal, query.takenFrom, query.takenTo))
      .map(({ summary }) => summary)
      .sort((a, b) => (a.takenLocal ?? '').localeCompare(b.takenLocal ?? '') || a.id.localeCompare(b.id));
    const dated = matches.flatMap((p) => (p.takenLocal ? [p.takenLocal] : []));
    const first = dated[0];
    const last = dated[dated.length - 1];
    return Promise.resolve({
      total: matches.length,
      span: first && last ? { first, last } : null,
      photos: matches.slice(offset, offset + limit),
    });
  }

  getPhoto(ownerId: string, photoId: string): Promise<PhotoFacts> {
    this.getPhotoCalls.push({ ownerId, photoId });
    const found = (this.photos.get(ownerId) ?? []).find(({ summary }) => summary.id === photoId);
    if (!found) {
      return Promise.reject(
        new AppError({ status: 404, code: 'PHOTO_NOT_FOUND', publicMessage: 'Photo not found' }),
      );
    }
    return Promise.resolve({
      ...found.summary,
      takenUtc: null,
      takenTimeSource: 'file-modified',
      timeZone: null,
      timeZoneSource: null,
      mediaKind: 'photo',
      durationMs: null,
      gps: null,
      place: null,
      camera: null,
      title: null,
      description: null,
      favorite: false,
      rating: null,
      labels: found.labels.map((name) => ({ name, source: 'keyword', confidence: 1 })),
      people: [],
      albums: [],
      duplicateGroupId: null,
      ingestedAt: '2026-01-01T00:00:00.000Z',
    });
  }
}

function inRange(takenLocal: string | null, from: string | undefined, to: string | undefined): boolean {
  if (!from && !to) return true;
  if (takenLocal === null) return false;
  return (!from || takenLocal >= from) && (!to || takenLocal < to);
}
