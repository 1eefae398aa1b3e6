import type { DisplayApi } from '../../../common/clients/display-client';
import type { LibraryApi } from '../../../common/clients/library-client';
import type {
  CreateSlideshowRequest,
  PhotoQuery,
  PhotoSummary,
  SearchRequest,
  SearchResponse,
  SlideshowPage,
} from '../../../common/contracts';
import { notFound } from '../../../common/errors';

/** A photo in the test library: only what queries look at. */
export interface TestPhoto {
  id: string;
  labels: string[];
  takenLocal: string;
}

function matches(photo: TestPhoto, query: PhotoQuery | undefined): boolean {
  if (!query) return true;
  if (!(query.labels ?? []).every((label) => photo.labels.includes(label))) return false;
  if (query.takenFrom && photo.takenLocal < query.takenFrom) return false;
  if (query.takenTo && photo.takenLocal >= query.takenTo) return false;
  return true;
}

function summary(photo: TestPhoto): PhotoSummary {
  return {
    id: photo.id,
    takenLocal: photo.takenLocal,
    width: 4000,
    height: 3000,
    orientation: 1,
    source: {
      path: `${photo.id}.jpg`,
      uri: `file:///photos/${photo.id}.jpg`,
      contentHash: photo.id,
      bytes: 1000,
    },
  };
}

/** Library double that filters a fixed photo list the way the real search does, and records its calls. */
export class InMemoryLibrary implements LibraryApi {
  readonly searches: Array<{ ownerId: string; request: SearchRequest }> = [];

  constructor(private readonly photos: TestPhoto[]) {}

  search(ownerId: string, request: SearchRequest): Promise<SearchResponse> {
    this.searches.push({ ownerId, request });
    const found = this.photos.filter((photo) => matches(photo, request.query as PhotoQuery));
    const offset = request.offset ?? 0;
    const limit = request.limit ?? 100;
    const sorted = found.map((p) => p.takenLocal).sort();
    const first = sorted[0];
    const last = sorted[sorted.length - 1];
    return Promise.resolve({
      total: found.length,
      span: first && last ? { first, last } : null,
      photos: found.slice(offset, offset + limit).map(summary),
    });
  }

  getPhoto(): Promise<never> {
    return Promise.reject(notFound('PHOTO_NOT_FOUND', 'not used by these tests'));
  }
}

interface StoredSlideshow {
  ownerId: string;
  photos: TestPhoto[];
  width: number;
  height: number;
}

/** Display double: slideshows over the same photo list, with rendition URLs that name the requested size. */
export class InMemoryDisplay implements DisplayApi {
  readonly created: CreateSlideshowRequest[] = [];
  readonly pageRequests: Array<{ ownerId: string; slideshowId: string; start: number; count: number }> = [];
  private readonly slideshows = new Map<string, StoredSlideshow>();

  constructor(private readonly photos: TestPhoto[]) {}

  createSlideshow(request: CreateSlideshowRequest): Promise<SlideshowPage> {
    this.created.push(request);
    const slideshowId = `ss_test${String(this.slideshows.size + 1).padStart(8, '0')}`;
    this.slideshows.set(slideshowId, {
      ownerId: request.ownerId,
      photos: this.photos.filter((photo) => matches(photo, request.query as PhotoQuery)),
      width: request.viewport.width,
      height: request.viewport.height,
    });
    return this.getSlideshowPage(request.ownerId, slideshowId, 0, request.pageSize ?? 10, false);
  }

  getSlideshowPage(
    ownerId: string,
    slideshowId: string,
    start: number,
    count: number,
    record = true,
  ): Promise<SlideshowPage> {
    if (record) this.pageRequests.push({ ownerId, slideshowId, start, count });
    const slideshow = this.slideshows.get(slideshowId);
    if (!slideshow || slideshow.ownerId !== ownerId) {
      return Promise.reject(notFound('SLIDESHOW_NOT_FOUND', 'No such slideshow'));
    }
    const items = slideshow.photos.slice(start, start + count).map((photo, offset) => ({
      index: start + offset,
      photoIds: [photo.id],
      url: `https://display.test/r/${photo.id}_${slideshow.width}x${slideshow.height}.jpg`,
      width: slideshow.width,
      height: slideshow.height,
      takenLocal: photo.takenLocal,
      layout: 'single' as const,
      caption: { takenLocal: photo.takenLocal, place: null, people: [] },
    }));
    const times = slideshow.photos.map((p) => p.takenLocal).sort();
    const first = times[0];
    const last = times[times.length - 1];
    return Promise.resolve({
      slideshowId,
      total: slideshow.photos.length,
      span: first && last ? { first, last } : null,
      startIndex: start,
      items,
    });
  }
}
