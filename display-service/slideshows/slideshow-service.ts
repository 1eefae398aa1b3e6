import type { z } from 'zod';
import type { LibraryApi } from '../../common/clients/library-client';
import type {
  AmbientPosition,
  CreateSlideshowRequest,
  PhotoQuery,
  PhotoSummary,
  SlideshowItem,
  SlideshowPage,
  createSlideshowRequestSchema,
} from '../../common/contracts';
import type { Logger } from '../../common/logger';
import { displayErrors } from '../errors';
import { snapToPreset } from '../renditions/presets';
import type { RenditionTarget, RenditionUrlSigner } from '../renditions/rendition-url';
import type { ClipUrlSigner } from '../renditions/video/clip-url';
import type { AmbientSlideshows, ValidStartAmbientRequest } from './ambient/ambient-slideshows';
import { buildEntries } from './build-entries';
import { collectMatchingPhotos } from './collect-matching-photos';
import { pairsFitOn } from './pair-portraits';
import type { Prerenderer } from './prerenderer';
import type { Slideshow, SlideshowEntry } from './slideshow';
import { newSlideshowId } from './slideshow-id';
import { retryOnConnectionLoss } from '../../common/retry-on-connection-loss';
import type { SlideshowRepository } from './slideshow-repository';
import type { SlideshowRetention } from './slideshow-retention';

/** A create request after contract validation (defaults filled in). */
export type ValidCreateSlideshowRequest = z.output<typeof createSlideshowRequestSchema>;
export type { CreateSlideshowRequest };

export interface SlideshowServiceDependencies {
  library: LibraryApi;
  repository: SlideshowRepository;
  ambient: AmbientSlideshows;
  signer: RenditionUrlSigner;
  prerenderer: Prerenderer;
  logger: Logger;
  /** Expiry and the per-owner cap; absent, slideshows are kept forever (tests of other behaviour). */
  retention?: SlideshowRetention;
  /** ms clock */
  now: () => number;
  /** Signs clip renditions for clip items, and the cap a clip plays to; absent, clips show as their poster still. */
  clips?: { signer: ClipUrlSigner; capMs: number };
  /** What a device's frame profile says it shows (profiles/); absent, every ambient frame shows the whole library. */
  selectionFor?: (ownerId: string, deviceId: string) => Promise<PhotoQuery | null>;
}

/**
 * Creates playlists from a library query, starts ambient slideshows, and serves either a window at a time with
 * signed rendition URLs. Pages are answered from the database alone (ambient ones after making missing items).
 */
export class SlideshowService {
  constructor(private readonly deps: SlideshowServiceDependencies) {}

  async create(request: ValidCreateSlideshowRequest): Promise<SlideshowPage> {
    const { library } = this.deps;
    // One photo per near-duplicate group: a frame showing five frames of one burst looks broken.
    const query = { ...request.query, collapseDuplicates: true };
    const photos = await collectMatchingPhotos(library, request.ownerId, query);
    const entries = await buildEntries(library, request.ownerId, photos, {
      pairing: pairsFitOn(snapToPreset(request.viewport)),
      startIndex: 0,
    });
    const slideshow: Slideshow = {
      id: newSlideshowId(),
      ownerId: request.ownerId,
      kind: 'playlist',
      query,
      viewport: request.viewport,
      deviceId: request.deviceId ?? null,
      total: entries.length,
      photoCount: photos.length,
      span: spanOf(photos),
      createdAt: new Date(this.deps.now()).toISOString(),
      ambient: null,
    };
    await this.deps.repository.create(slideshow, entries);
    // Storage stays bounded: the owner's least recently used playlists beyond the cap go now, not at the next sweep.
    await this.deps.retention?.afterCreate(request.ownerId).catch((error: unknown) => {
      this.deps.logger.warn('could not apply the slideshow cap after a create', { error });
    });
    const page = this.toPage(slideshow, 0, entries.slice(0, request.pageSize), slideshow.total);
    // The first page is shown at once and the second soon after: have both ready before the device asks.
    this.prefetch(slideshow, entries.slice(0, request.pageSize * 2));
    return page;
  }

  /** The device's ambient slideshow, answered from where the device last said it was. */
  async startAmbient(request: ValidStartAmbientRequest): Promise<SlideshowPage> {
    const selection = (await this.deps.selectionFor?.(request.ownerId, request.deviceId)) ?? null;
    const slideshow = await this.deps.ambient.start(request, selection);
    const position = slideshow.ambient?.position ?? 0;
    return this.pageOf(slideshow, position, request.pageSize);
  }

  saveAmbientPosition(ownerId: string, slideshowId: string, index: number): Promise<AmbientPosition> {
    return this.deps.ambient.savePosition(ownerId, slideshowId, index);
  }

  /** Unknown ids and other owners' slideshows look exactly alike: 404 SLIDESHOW_NOT_FOUND. */
  async getPage(ownerId: string, slideshowId: string, start: number, count: number): Promise<SlideshowPage> {
    // A page read is idempotent (the ambient tail append is conflict-safe): a database failover costs a retry only.
    return retryOnConnectionLoss(() => this.readPage(ownerId, slideshowId, start, count));
  }

  private async readPage(
    ownerId: string,
    slideshowId: string,
    start: number,
    count: number,
  ): Promise<SlideshowPage> {
    const slideshow = await this.deps.repository.findForOwner(ownerId, slideshowId);
    if (!slideshow) throw displayErrors.slideshowNotFound();
    // A device still paging a playlist keeps it from expiring; a failed write only costs that, never the page.
    await this.deps.retention?.touch(slideshow.id, slideshow.lastUsedAt).catch((error: unknown) => {
      this.deps.logger.warn('could not record a slideshow page read', { error });
    });
    return this.pageOf(slideshow, start, count);
  }

  private async pageOf(slideshow: Slideshow, start: number, count: number): Promise<SlideshowPage> {
    const total =
      slideshow.kind === 'ambient'
        ? await this.deps.ambient.ensureItems(slideshow, start, count)
        : slideshow.total;
    const entries = start >= total ? [] : await this.deps.repository.listEntries(slideshow.id, start, count);
    // The device asks for a page shortly before it shows it: render that page and the one after it now.
    this.prefetch(slideshow, entries);
    this.prefetchWindow(slideshow, start + count, count, total);
    return this.toPage(slideshow, start, entries, total);
  }

  private prefetch(slideshow: Slideshow, entries: readonly SlideshowEntry[]): void {
    this.deps.prerenderer.enqueue(entries.map((entry) => this.targetOf(slideshow, entry)));
  }

  /** Reads the next window in the background; a failure only costs a cold render later, never the response. */
  private prefetchWindow(slideshow: Slideshow, start: number, count: number, total: number): void {
    if (start >= total) return;
    this.deps.repository.listEntries(slideshow.id, start, count).then(
      (entries) => this.prefetch(slideshow, entries),
      (error: unknown) =>
        this.deps.logger.warn('could not read the next slideshow page to prefetch', { error }),
    );
  }

  /** Renditions come in a few preset sizes so caches stay warm; the device scales the nearest one to its screen. */
  private targetOf(slideshow: Slideshow, entry: SlideshowEntry): RenditionTarget {
    const { width, height, shape } = snapToPreset(slideshow.viewport);
    const [photoId, pairedPhotoId] = entry.photoIds;
    const common = { ownerId: slideshow.ownerId, photoId, width, height, shape };
    return pairedPhotoId === undefined ? common : { ...common, pairedPhotoId, composition: 'pair' };
  }

  /** A clip item's device rendition: the clip fitted inside the same box as its still, and how long it plays. */
  private clipOf(
    slideshow: Slideshow,
    entry: SlideshowEntry,
    box: { width: number; height: number },
  ): Pick<SlideshowItem, 'clip' | 'motion'> {
    const { clips } = this.deps;
    const moving = entry.clip ?? entry.motion;
    if (!moving || !clips || entry.photoIds.length !== 1) return {};
    const url = clips.signer.sign({ ownerId: slideshow.ownerId, photoId: entry.photoIds[0], ...box });
    const durationMs = Math.min(moving.durationMs ?? clips.capMs, clips.capMs);
    // A live photo's motion is signed and rendered like a clip but played differently (once, then the still).
    return entry.clip ? { clip: { url, durationMs } } : { motion: { url, durationMs } };
  }

  private toPage(
    slideshow: Slideshow,
    startIndex: number,
    entries: readonly SlideshowEntry[],
    total: number,
  ): SlideshowPage {
    const items: SlideshowItem[] = entries.map((entry) => {
      const target = this.targetOf(slideshow, entry);
      return {
        index: entry.index,
        photoIds: [...entry.photoIds],
        url: this.deps.signer.sign(target),
        width: target.width,
        height: target.height,
        takenLocal: entry.takenLocal,
        layout: entry.photoIds.length === 2 ? 'pair' : 'single',
        caption: entry.caption,
        ...this.clipOf(slideshow, entry, target),
      };
    });
    const page: SlideshowPage = { slideshowId: slideshow.id, total, span: slideshow.span, startIndex, items };
    if (slideshow.kind === 'ambient') {
      return { ...page, endless: true, position: slideshow.ambient?.position ?? 0 };
    }
    return { ...page, photoCount: slideshow.photoCount };
  }
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
