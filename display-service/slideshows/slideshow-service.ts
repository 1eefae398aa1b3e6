import type { Logger } from '../../common/logger';
import type { LibraryApi } from '../../common/clients/library-client';
import type {
  CreateSlideshowRequest,
  PhotoSummary,
  SlideshowItem,
  SlideshowPage,
  createSlideshowRequestSchema,
} from '../../common/contracts';
import type { z } from 'zod';
import { displayErrors } from '../errors';
import { snapToPreset } from '../renditions/presets';
import type { RenditionUrlSigner } from '../renditions/rendition-url';
import { collectMatchingPhotos } from './collect-matching-photos';
import type { Prerenderer } from './prerenderer';
import type { Slideshow, SlideshowEntry } from './slideshow';
import { newSlideshowId } from './slideshow-id';
import type { SlideshowRepository } from './slideshow-repository';

/** A create request after contract validation (defaults filled in). */
export type ValidCreateSlideshowRequest = z.output<typeof createSlideshowRequestSchema>;
export type { CreateSlideshowRequest };

export interface SlideshowServiceDependencies {
  library: LibraryApi;
  repository: SlideshowRepository;
  signer: RenditionUrlSigner;
  prerenderer: Prerenderer;
  logger: Logger;
  /** ms clock */
  now: () => number;
}

/** Creates slideshows from a library query and serves them a window at a time, with signed rendition URLs. */
export class SlideshowService {
  constructor(private readonly deps: SlideshowServiceDependencies) {}

  async create(request: ValidCreateSlideshowRequest): Promise<SlideshowPage> {
    const photos = await collectMatchingPhotos(this.deps.library, request.ownerId, request.query);
    const entries = photos.map(toEntry);
    const slideshow: Slideshow = {
      id: newSlideshowId(),
      ownerId: request.ownerId,
      query: request.query,
      viewport: request.viewport,
      deviceId: request.deviceId ?? null,
      total: entries.length,
      span: spanOf(photos),
      createdAt: new Date(this.deps.now()).toISOString(),
    };
    await this.deps.repository.create(slideshow, entries);
    const page = this.toPage(slideshow, 0, entries.slice(0, request.pageSize));
    // The first page is shown at once and the second soon after: have both ready before the device asks.
    this.prefetch(slideshow, entries.slice(0, request.pageSize * 2));
    return page;
  }

  /** Unknown ids and other owners' slideshows look exactly alike: 404 SLIDESHOW_NOT_FOUND. */
  async getPage(ownerId: string, slideshowId: string, start: number, count: number): Promise<SlideshowPage> {
    const slideshow = await this.deps.repository.findForOwner(ownerId, slideshowId);
    if (!slideshow) throw displayErrors.slideshowNotFound();
    const entries =
      start >= slideshow.total ? [] : await this.deps.repository.listEntries(slideshow.id, start, count);
    // The device asks for a page shortly before it shows it: render that page and the one after it now.
    this.prefetch(slideshow, entries);
    this.prefetchWindow(slideshow, start + count, count);
    return this.toPage(slideshow, start, entries);
  }

  private prefetch(slideshow: Slideshow, entries: readonly SlideshowEntry[]): void {
    const { width, height, shape } = snapToPreset(slideshow.viewport);
    this.deps.prerenderer.enqueue(
      entries.map((entry) => ({ ownerId: slideshow.ownerId, photoId: entry.photoId, width, height, shape })),
    );
  }

  /** Reads the next window in the background; a failure only costs a cold render later, never the response. */
  private prefetchWindow(slideshow: Slideshow, start: number, count: number): void {
    if (start >= slideshow.total) return;
    this.deps.repository.listEntries(slideshow.id, start, count).then(
      (entries) => this.prefetch(slideshow, entries),
      (error: unknown) =>
        this.deps.logger.warn('could not read the next slideshow page to prefetch', { error }),
    );
  }

  private toPage(
    slideshow: Slideshow,
    startIndex: number,
    entries: readonly SlideshowEntry[],
  ): SlideshowPage {
    // Renditions come in a few preset sizes so caches stay warm; the device scales the nearest one to its screen.
    const { width, height, shape } = snapToPreset(slideshow.viewport);
    const items: SlideshowItem[] = entries.map((entry) => ({
      index: entry.index,
      photoIds: [entry.photoId],
      url: this.deps.signer.sign({
        ownerId: slideshow.ownerId,
        photoId: entry.photoId,
        width,
        height,
        shape,
      }),
      width,
      height,
      takenLocal: entry.takenLocal,
      layout: 'single',
      caption: { takenLocal: entry.takenLocal, place: null, people: [] },
    }));
    return { slideshowId: slideshow.id, total: slideshow.total, span: slideshow.span, startIndex, items };
  }
}

function toEntry(photo: PhotoSummary, index: number): SlideshowEntry {
  return { index, photoId: photo.id, takenLocal: photo.takenLocal };
}

/** Span of what the slideshow actually plays (not of every match, when the match list was capped). */
function spanOf(photos: readonly PhotoSummary[]): Slideshow['span'] {
  let first: string | undefined;
  let last: string | undefined;
  for (const { takenLocal } of photos) {
    if (takenLocal === null) continue;
    if (first === undefined || takenLocal < first) first = takenLocal;
    if (last === undefined || takenLocal > last) last = takenLocal;
  }
  return first !== undefined && last !== undefined ? { first, last } : null;
}
