import type { Router } from 'express';
import type { DisplayApi } from '../common/clients/display-client';
import type { LibraryApi } from '../common/clients/library-client';
import {
  createSlideshowRequestSchema,
  ownerIdSchema,
  pageRequestSchema,
  slideshowIdSchema,
} from '../common/contracts';
import { openDatabase, type DatabaseLocation } from '../common/database';
import type { Logger } from '../common/logger';
import { parseInput } from '../common/validation';
import { migrateDisplayDatabase } from './database/migrations';
import type { DisplayDatabase } from './database/schema';
import { displayErrors } from './errors';
import { createDisplayRouter } from './http/routes';
import { DiskRenditionStore } from './renditions/disk-rendition-store';
import { resolveLimits, type RenditionLimits } from './renditions/limits';
import { LocalFileOriginalStore } from './renditions/local-file-original-store';
import { SchemeRoutingOriginalStore, type OriginalStore } from './renditions/original-store';
import { PhotoFactsCache } from './renditions/photo-facts-cache';
import { RenditionCache } from './renditions/rendition-cache';
import { RenditionService } from './renditions/rendition-service';
import { createRenditionUrlSigner } from './renditions/rendition-url';
import { Prerenderer } from './slideshows/prerenderer';
import { SlideshowRepository } from './slideshows/slideshow-repository';
import { SlideshowService } from './slideshows/slideshow-service';

export type { RenditionLimits } from './renditions/limits';
export type { OriginalStore } from './renditions/original-store';

export interface DisplayOptions {
  /** Slideshow state lives here: it survives restarts and is shared by every instance. */
  database: DatabaseLocation;
  /** The only way the display learns about photos. */
  library: LibraryApi;
  /** Persisted rendition cache on disk. */
  renditionsDir: string;
  /** e.g. http://localhost:8080; rendition URLs are absolute. */
  publicBaseUrl: string;
  /** HMAC key for rendition URLs. */
  signingKey: string;
  /** Rendition URL lifetime. */
  urlTtlSeconds: number;
  logger: Logger;
  /** ms clock, injectable for expiry tests. */
  now?: () => number;
  limits?: Partial<RenditionLimits>;
  /** Where originals are read from; defaults to local files for `file://` URIs (S3 not yet supported). */
  originals?: OriginalStore;
}

export interface Display {
  /** Mounted by the lead at `/v1/display`. */
  router: Router;
  /** The same API, served in-process. */
  api: DisplayApi;
  /** Stops background pre-rendering, drops caches and closes the database. */
  close(): Promise<void>;
}

/** Builds the display tier: applies database migrations first, then wires adapters into services. */
export async function createDisplay(options: DisplayOptions): Promise<Display> {
  const now = options.now ?? Date.now;
  const limits = resolveLimits(options.limits);
  const signer = createRenditionUrlSigner({
    publicBaseUrl: options.publicBaseUrl,
    signingKey: options.signingKey,
    ttlSeconds: options.urlTtlSeconds,
    now,
  });
  const db = openDatabase<DisplayDatabase>(options.database);
  try {
    await migrateDisplayDatabase(db, options.logger);
  } catch (error) {
    await db.destroy();
    throw error;
  }

  const logger = options.logger.child({ tier: 'display' });
  const originals =
    options.originals ?? new SchemeRoutingOriginalStore({ 'file:': new LocalFileOriginalStore() });
  const facts = new PhotoFactsCache(options.library);
  const cache = new RenditionCache({ disk: new DiskRenditionStore(options.renditionsDir), logger });
  const renditions = new RenditionService({ signer, facts, cache, originals, limits, now });
  const prerenderer = new Prerenderer((target) => renditions.prepare(target), logger);
  const slideshows = new SlideshowService({
    library: options.library,
    repository: new SlideshowRepository(db),
    signer,
    prerenderer,
    now,
  });

  const api: DisplayApi = {
    createSlideshow: (request) => slideshows.create(parseInput(createSlideshowRequestSchema, request)),
    getSlideshowPage: async (ownerId, slideshowId, start, count) => {
      const owner = parseInput(ownerIdSchema, ownerId, 'INVALID_OWNER');
      if (!slideshowIdSchema.safeParse(slideshowId).success) throw displayErrors.slideshowNotFound();
      const page = parseInput(pageRequestSchema, { start, count });
      return slideshows.getPage(owner, slideshowId, page.start, page.count);
    },
  };

  return {
    router: createDisplayRouter({ slideshows, renditions, logger }),
    api,
    async close() {
      await prerenderer.close();
      cache.close();
      facts.close();
      await db.destroy();
    },
  };
}
