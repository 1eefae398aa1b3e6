import type { LibraryApi } from '../../../common/clients/library-client';
import {
  searchRequestSchema,
  type PhotoFacts,
  type PhotoSummary,
  type SearchRequest,
  type SearchResponse,
} from '../../../common/contracts';
import { AppError } from '../../../common/errors';
import { barePhotoFacts } from '../../support/bare-photo-facts';

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
    return Promise.resolve(barePhotoFacts(found.summary, found.labels));
  }
}

function inRange(takenLocal: string | null, from: string | undefined, to: string | undefined): boolean {
  if (!from && !to) return true;
  if (takenLocal === null) return false;
  return (!from || takenLocal >= from) && (!to || takenLocal < to);
}
