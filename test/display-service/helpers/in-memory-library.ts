import { createHash } from 'node:crypto';
import type { LibraryApi } from '../../../common/clients/library-client';
import {
  describePhotosRequestSchema,
  photoFlagsSchema,
  searchRequestSchema,
  type PhotoCaptionFacts,
  type PhotoFacts,
  type Person,
  type PhotoFaces,
  type PhotoFlags,
  type PhotoQuery,
  type PhotoSummary,
  type SearchRequest,
  type SearchResponse,
  type Vocabulary,
} from '../../../common/contracts';
import { AppError, badRequest } from '../../../common/errors';
import { barePhotoFacts } from '../../support/bare-photo-facts';

/** What a display test may say about a photo beyond its summary and keywords. */
export interface PhotoExtras {
  /** Near-duplicates share a group named after its first photo, as in the library. */
  duplicateGroupId?: string | null;
  hidden?: boolean;
  favorite?: boolean;
  screenshot?: boolean;
  mediaKind?: 'photo' | 'video';
  place?: PhotoCaptionFacts['place'];
  /** Names of the people in the photo. */
  people?: string[];
}

interface StoredPhoto {
  summary: PhotoSummary;
  labels: string[];
  extras: Required<PhotoExtras>;
}

/** The query fields this double implements; a test using any other gets an error, never a silently wrong answer. */
const UNSUPPORTED_FILTERS = ['people', 'places', 'albums', 'dateRanges'] as const;
/** Day-of-year arithmetic for month-day windows happens in a leap year, so Feb 29 exists. */
const LEAP_YEAR = 2024;
const DAY_MS = 86_400_000;

/**
 * A LibraryApi double for display tests, honest about what it implements: photos per owner; search by labels,
 * capture-local time, on-this-day windows, favourites and media kind; hidden photos and screenshots left out, one photo per
 * near-duplicate group on request; oldest/newest/seeded-shuffle order with keyset cursors (stable while photos are
 * added or removed, like the library's); caption facts, flags and a vocabulary. Every call is recorded.
 */
export class InMemoryLibrary implements LibraryApi {
  readonly searchCalls: { ownerId: string; request: SearchRequest }[] = [];
  readonly getPhotoCalls: { ownerId: string; photoId: string }[] = [];
  readonly describeCalls: { ownerId: string; photoIds: string[] }[] = [];
  private readonly photos = new Map<string, StoredPhoto[]>();

  add(ownerId: string, summary: PhotoSummary, labels: string[] = [], extras: PhotoExtras = {}): void {
    const owned = this.photos.get(ownerId) ?? [];
    owned.push({
      summary,
      labels,
      extras: {
        duplicateGroupId: extras.duplicateGroupId ?? null,
        hidden: extras.hidden ?? false,
        favorite: extras.favorite ?? false,
        screenshot: extras.screenshot ?? false,
        mediaKind: extras.mediaKind ?? 'photo',
        place: extras.place ?? null,
        people: extras.people ?? [],
      },
    });
    this.photos.set(ownerId, owned);
  }

  /** Deletes a photo, as a re-ingest after the file was removed would. */
  remove(ownerId: string, photoId: string): void {
    const owned = this.photos.get(ownerId) ?? [];
    this.photos.set(
      ownerId,
      owned.filter(({ summary }) => summary.id !== photoId),
    );
  }

  search(ownerId: string, request: SearchRequest): Promise<SearchResponse> {
    this.searchCalls.push({ ownerId, request });
    // A throw anywhere below becomes a rejection, as from a real client.
    return new Promise((resolve) => resolve(this.searchNow(ownerId, request)));
  }

  private searchNow(ownerId: string, request: SearchRequest): SearchResponse {
    const { query, limit, offset, cursor, q } = searchRequestSchema.parse(request);
    if (q !== undefined) throw new Error('InMemoryLibrary does not read free text');
    const unsupported = UNSUPPORTED_FILTERS.filter((field) => query[field].length > 0);
    if (unsupported.length > 0) {
      throw new Error(`InMemoryLibrary does not filter by ${unsupported.join(', ')}`);
    }
    const fingerprint = createHash('sha256')
      .update(`${ownerId}\n${JSON.stringify(query)}`)
      .digest('hex')
      .slice(0, 16);
    const order = orderOf(query);
    const matches = (this.photos.get(ownerId) ?? [])
      .filter((photo) => matchesQuery(photo, query))
      .map(({ summary }) => summary)
      .sort((a, b) => order(keyOf(a, query), keyOf(b, query)));
    let rest = matches.slice(offset);
    if (cursor !== undefined) {
      const after = decodeCursor(cursor, fingerprint);
      rest = matches.filter((photo) => order(keyOf(photo, query), after) > 0);
    }
    const page = rest.slice(0, limit);
    const last = page[page.length - 1];
    const dated = matches.flatMap((p) => (p.takenLocal ? [p.takenLocal] : [])).sort();
    const first = dated[0];
    const latest = dated[dated.length - 1];
    return {
      total: matches.length,
      span: first && latest ? { first, last: latest } : null,
      photos: page,
      ...(rest.length > limit && last ? { nextCursor: encodeCursor(fingerprint, keyOf(last, query)) } : {}),
    };
  }

  getPhoto(ownerId: string, photoId: string): Promise<PhotoFacts> {
    this.getPhotoCalls.push({ ownerId, photoId });
    const found = this.find(ownerId, photoId);
    if (!found) {
      return Promise.reject(
        new AppError({ status: 404, code: 'PHOTO_NOT_FOUND', publicMessage: 'Photo not found' }),
      );
    }
    return Promise.resolve(factsOf(found));
  }

  describePhotos(ownerId: string, photoIds: readonly string[]): Promise<PhotoCaptionFacts[]> {
    const { ids } = describePhotosRequestSchema.parse({ ids: photoIds });
    this.describeCalls.push({ ownerId, photoIds: ids });
    return Promise.resolve(
      ids.flatMap((id) => {
        const found = this.find(ownerId, id);
        if (!found) return [];
        const { people, place } = found.extras;
        return [{ id, takenLocal: found.summary.takenLocal, place, people }];
      }),
    );
  }

  setPhotoFlags(ownerId: string, photoId: string, flags: PhotoFlags): Promise<PhotoFacts> {
    const parsed = photoFlagsSchema.parse(flags);
    const found = this.find(ownerId, photoId);
    if (!found) {
      return Promise.reject(
        new AppError({ status: 404, code: 'PHOTO_NOT_FOUND', publicMessage: 'Photo not found' }),
      );
    }
    if (parsed.hidden !== undefined) found.extras.hidden = parsed.hidden;
    if (parsed.favorite !== undefined) found.extras.favorite = parsed.favorite;
    return Promise.resolve(factsOf(found));
  }

  /** Display tests use photos without faces: there is nobody to find or name. */
  facesInPhoto(ownerId: string, photoId: string): Promise<PhotoFaces> {
    if (!this.find(ownerId, photoId)) {
      return Promise.reject(
        new AppError({ status: 404, code: 'PHOTO_NOT_FOUND', publicMessage: 'No such photo' }),
      );
    }
    return Promise.resolve({ photoId, faces: [] });
  }

  updatePerson(): Promise<Person> {
    return Promise.reject(
      new AppError({ status: 404, code: 'PERSON_NOT_FOUND', publicMessage: 'No such person' }),
    );
  }

  vocabulary(ownerId: string): Promise<Vocabulary> {
    const owned = (this.photos.get(ownerId) ?? []).filter((photo) => !photo.extras.hidden);
    const count = (names: string[]): Map<string, number> => {
      const counts = new Map<string, number>();
      for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
      return counts;
    };
    const people = count(owned.flatMap((photo) => photo.extras.people));
    const labels = count(owned.flatMap((photo) => photo.labels));
    return Promise.resolve({
      people: [...people].map(([name, photoCount]) => ({
        id: personIdOf(name),
        name,
        synonyms: [name.toLowerCase()],
        photoCount,
      })),
      albums: [],
      labels: [...labels].map(([name, photoCount]) => ({ name, photoCount })),
    });
  }

  private find(ownerId: string, photoId: string): StoredPhoto | undefined {
    return (this.photos.get(ownerId) ?? []).find(({ summary }) => summary.id === photoId);
  }
}

function matchesQuery({ summary, labels, extras }: StoredPhoto, query: PhotoQuery): boolean {
  if (extras.hidden) return false;
  if (query.exclude.screenshots && extras.screenshot) return false;
  if (query.favoritesOnly && !extras.favorite) return false;
  if (query.mediaKinds.length > 0 && !query.mediaKinds.includes(extras.mediaKind)) return false;
  if (
    query.collapseDuplicates &&
    extras.duplicateGroupId !== null &&
    extras.duplicateGroupId !== summary.id
  ) {
    return false;
  }
  if (!query.labels.every((label) => labels.includes(label))) return false;
  if (query.exclude.labels.some((label) => labels.includes(label))) return false;
  const taken = summary.takenLocal;
  if (query.takenFrom !== undefined && (taken === null || taken < query.takenFrom)) return false;
  if (query.takenTo !== undefined && (taken === null || taken >= query.takenTo)) return false;
  if (query.monthDays.length > 0) {
    if (taken === null) return false;
    const day = dayOfYear(Number(taken.slice(5, 7)), Number(taken.slice(8, 10)));
    const inWindow = query.monthDays.some((window) => {
      const distance = Math.abs(day - dayOfYear(window.month, window.day));
      return Math.min(distance, 366 - distance) <= window.plusMinusDays;
    });
    if (!inWindow) return false;
  }
  return true;
}

function dayOfYear(month: number, day: number): number {
  return Math.round((Date.UTC(LEAP_YEAR, month - 1, day) - Date.UTC(LEAP_YEAR, 0, 1)) / DAY_MS);
}

/** Where a photo sorts: dated before undated, then by time (or shuffle position), then by id. */
interface SortKey {
  key: string | null;
  id: string;
}

function keyOf(photo: PhotoSummary, query: PhotoQuery): SortKey {
  if (query.order !== 'shuffle') return { key: photo.takenLocal, id: photo.id };
  const position = createHash('sha256')
    .update(`${query.seed ?? ''}\n${photo.id}`)
    .digest('hex');
  return { key: position, id: photo.id };
}

function orderOf(query: PhotoQuery): (a: SortKey, b: SortKey) => number {
  const direction = query.order === 'newest' ? -1 : 1;
  return (a, b) => {
    if (a.key === null || b.key === null) {
      if (a.key !== b.key) return a.key === null ? 1 : -1;
      return a.id.localeCompare(b.id);
    }
    return direction * (a.key.localeCompare(b.key) || a.id.localeCompare(b.id));
  };
}

function encodeCursor(fingerprint: string, key: SortKey): string {
  return Buffer.from(JSON.stringify([fingerprint, key.key, key.id])).toString('base64url');
}

function decodeCursor(cursor: string, fingerprint: string): SortKey {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  const [boundTo, key, id] = Array.isArray(parsed) ? (parsed as unknown[]) : [];
  if (boundTo !== fingerprint || typeof id !== 'string' || (key !== null && typeof key !== 'string')) {
    throw badRequest('INVALID_CURSOR', 'cursor does not belong to this search');
  }
  return { key, id };
}

function personIdOf(name: string): string {
  return `pe_${name.toLowerCase().replace(/[^a-z0-9]+/g, '_')}`;
}

function factsOf({ summary, labels, extras }: StoredPhoto): PhotoFacts {
  return {
    ...barePhotoFacts(summary, labels),
    mediaKind: extras.mediaKind,
    favorite: extras.favorite,
    hidden: extras.hidden,
    duplicateGroupId: extras.duplicateGroupId,
    place: extras.place === null ? null : { ...extras.place, countryCode: null },
    people: extras.people.map((name) => ({ id: personIdOf(name), name })),
  };
}
