import type { S3Client } from '@aws-sdk/client-s3';
import { join } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Request, Response, Router } from 'express';
import type { DisplayApi } from '../common/clients/display-client';
import type { LibraryApi } from '../common/clients/library-client';
import {
  ambientPositionRequestSchema,
  createSlideshowRequestSchema,
  frameLinkRequestSchema,
  ownerIdSchema,
  pageRequestSchema,
  slideshowIdSchema,
  startAmbientRequestSchema,
} from '../common/contracts';
import { openDatabase, type DatabaseLocation } from '../common/database';
import { openKeptConnections } from '../common/database-warm-up';
import type { Logger } from '../common/logger';
import { parseInput } from '../common/validation';
import { migrateDisplayDatabase } from './database/migrations';
import type { DisplayDatabase } from './database/schema';
import { displayErrors } from './errors';
import { BrowserBundles } from './frame/server/browser-bundle';
import { createFrameRouter } from './frame/server/frame-router';
import { FramePairingRepository } from './frame/server/frame-pairing-repository';
import { FramePairings, type FrameAccessOptions } from './frame/server/frame-pairings';
import { pageSessionOwner } from './frame/server/frame-identity';
import { FrameSessions, type FrameSessionOptions } from './frame/server/frame-sessions';
import { createPreviewRouter } from './frame/server/preview-router';
import { FrameProfiles } from './profiles/frame-profiles';
import type { WebAppLibrary } from './webapp/server/webapp-library';
import { createWebAppRouter } from './webapp/server/webapp-router';
import type { WebAppStatusSource } from './webapp/server/webapp-status';
import { snapToPreset } from './renditions/presets';
import { createClipHandler } from './http/clip-handler';
import { createRenditionHandler } from './http/rendition-handler';
import { createDisplayRouter } from './http/routes';
import { DisplayMetrics } from './metrics/display-metrics';
import { DiskRenditionStore } from './renditions/disk-rendition-store';
import { resolveLimits, type RenditionLimits } from './renditions/limits';
import { LocalFileOriginalStore } from './renditions/local-file-original-store';
import { S3OriginalStore } from './renditions/s3-original-store';
import { SchemeRoutingOriginalStore, type OriginalStore } from './renditions/original-store';
import { PhotoFactsCache } from './renditions/photo-facts-cache';
import { resolveFormatSettings, type FormatSettings } from './renditions/output-formats';
import { RenderLimiter } from './renditions/render-limiter';
import { RenditionCache } from './renditions/rendition-cache';
import { RenditionService } from './renditions/rendition-service';
import { DISPLAY_PATH_PREFIX, createRenditionUrlSigner } from './renditions/rendition-url';
import { applySharpSettings, renderThreadsFor, type SharpSettings } from './renditions/sharp-settings';
import { ClipService } from './renditions/video/clip-service';
import { createClipUrlSigner } from './renditions/video/clip-url';
import { mediaToolsFromEnv, type MediaTools } from './renditions/video/media-tools';
import { PosterOriginalStore } from './renditions/video/poster-original-store';
import { resolveVideoLimits, type VideoLimits } from './renditions/video/video-limits';
import { VideoPosters } from './renditions/video/video-posters';
import { checkReadiness } from '../common/readiness';
import { AmbientRepository } from './slideshows/ambient/ambient-repository';
import { AmbientSlideshows } from './slideshows/ambient/ambient-slideshows';
import { Prerenderer } from './slideshows/prerenderer';
import { SlideshowRepository } from './slideshows/slideshow-repository';
import {
  DEFAULT_SLIDESHOW_RETENTION,
  SlideshowRetention,
  type SlideshowRetentionOptions,
} from './slideshows/slideshow-retention';
import { SlideshowService } from './slideshows/slideshow-service';

export type { RenditionLimits } from './renditions/limits';
export type { OriginalStore } from './renditions/original-store';
export type { FormatSettings } from './renditions/output-formats';
export type { SharpSettings } from './renditions/sharp-settings';
export type { SlideshowRetentionOptions } from './slideshows/slideshow-retention';
export { NotReadyError } from '../common/readiness';
export type { FrameAccessOptions } from './frame/server/frame-pairings';
export type { FrameSessionOptions } from './frame/server/frame-sessions';
export { RENDITION_PRESETS, snapToPreset, type RenditionPreset } from './renditions/presets';

export interface DisplayOptions {
  /**
   * Slideshow state lives here: it survives restarts and is shared by every instance. The library's own database
   * (file or PostgreSQL) is the intended home: the display keeps to its own tables and its own migration tables.
   */
  database: DatabaseLocation;
  /**
   * PostgreSQL connections kept open while idle, for a long-running server (common/database.ts says why): a frame
   * asking for its next page after a quiet minute would otherwise open a new one. Default none.
   */
  keptConnections?: number;
  /** The only way the display learns about photos. */
  library: LibraryApi;
  /** Persisted rendition cache on disk. */
  renditionsDir: string;
  /** e.g. http://localhost:8080; rendition URLs are absolute. */
  publicBaseUrl: string;
  /**
   * HMAC keys for rendition URLs: the first signs, every one verifies. To rotate, put the new key first and keep
   * the old one until the longest-lived URL signed with it has expired (urlTtlSeconds), then drop it.
   */
  signingKeys?: readonly string[];
  /** A single signing key (same as `signingKeys: [signingKey]`). */
  signingKey?: string;
  /** Rendition URL lifetime. */
  urlTtlSeconds: number;
  logger: Logger;
  /** ms clock, injectable for expiry tests. */
  now?: () => number;
  limits?: Partial<RenditionLimits>;
  /** Encoder quality per output format (JPEG 82, WebP 80, AVIF 50 by default). */
  formats?: Partial<FormatSettings>;
  /** Process-wide sharp/libvips settings (see renditions/sharp-settings.ts). */
  sharp?: Partial<SharpSettings>;
  /** Memory budget for hot renditions in bytes (default 32 MB); the disk store behind it is unbounded. */
  hotCacheBytes?: number;
  /** Where originals are read from; defaults to local files for `file://` URIs, and S3 when a client is given. */
  originals?: OriginalStore;
  /** ffmpeg and ffprobe for clips (default: FFMPEG_PATH / FFPROBE_PATH, else on PATH). */
  mediaTools?: MediaTools;
  /** Clip limits and the per-clip cap (30 s by default); bytes and pixels come from common/media-limits. */
  videoLimits?: Partial<VideoLimits>;
  /** Client for `s3://` originals (the library's S3 source). */
  s3Client?: S3Client;
  /**
   * Whose library web frames (`frameRouter`) and previews show. Default: accounts off, every frame shows
   * `ownerId` 'local'. With `accounts: true` a frame shows a code until its owner links it (`linkFrame`).
   */
  frame?: Partial<FrameAccessOptions>;
  /**
   * Same-origin sessions for the frame and preview pages: a cookie minted for `frame.ownerId` when a page is opened
   * on this machine, or after signing in with an owner credential (needs `authenticator`).
   */
  session?: FrameSessionOptions;
  /** Slideshow expiry and the per-owner cap (72 h unused, 200 per owner by default); ambient ones are kept. */
  retention?: Partial<SlideshowRetentionOptions>;
  /** Clips' share of an ambient frame whose profile sets none, in percent (AMBIENT_CLIP_SHARE; default 10). */
  ambientClipSharePercent?: number;
}

export interface Display {
  /** Mounted by the lead at `/v1/display`. */
  router: Router;
  /** The same API, served in-process. */
  api: DisplayApi;
  /** The fullscreen web frame (page, bundle and its API); mounted by the lead at `/frame`. */
  frameRouter: Router;
  /** What the skill's slideshow looks like on a given device, at its exact pixels; mounted at `/preview`. */
  previewRouter: Router;
  /**
   * For another page of the host (the home page): the owner its session is for, renewed, or the local owner's for a
   * page opened on this machine (frame accounts off), as the frame admits its pages; undefined: it must sign in.
   */
  pageSessionOwner(req: Request, res: Response): Promise<string | undefined>;
  /**
   * Answers GET/HEAD `/v1/display/renditions/...` straight on node:http and returns true, or returns false for
   * any other request. Optional: the router serves the same requests, but a composition root that calls this
   * before handing requests to express serves cached renditions several times faster.
   */
  handleRenditionRequest(req: IncomingMessage, res: ServerResponse): boolean;
  /** Counters and the render-latency histogram, for a Prometheus scrape endpoint. */
  metrics: DisplayMetrics;
  /** Per-frame profiles (what each of an owner's frames shows, and how); the web app edits them. */
  profiles: FrameProfiles;
  /**
   * The web app for the library (mounted by the host at `/`), behind the same page sessions as the frame. The host
   * gives it the library (in-process, or an HTTP client for the session's owner) and the status it can see.
   */
  webAppRouter(host: { library: WebAppLibrary; status: WebAppStatusSource }): Router;
  /**
   * Resolves when the display can serve: its database answers and the renditions folder takes writes. Rejects
   * with a NotReadyError whose `reasons` say what is wrong (for a readiness probe).
   */
  ready(): Promise<void>;
  /** Opens the kept database connections (DisplayOptions.keptConnections) before the first request needs them. */
  warmUp(): Promise<void>;
  /**
   * The library changed a photo (hidden, a label or a face removed): its facts are asked again and no rendition or
   * clip URL of it is answered from memory without that check, so a hidden photo is refused at once, not within the
   * minute the facts are kept. Called by a host that runs the library in-process (the embedded stack).
   */
  forgetPhoto(ownerId: string, photoId: string): void;
  /** Stops background pre-rendering, drops caches and closes the database. */
  close(): Promise<void>;
}

/** The web app's pictures: square grid thumbnails (cropped to fill) and the photo page (whole photo). */
const WEBAPP_PICTURES = {
  thumb: { width: 480, height: 480, shape: 'RECTANGLE' },
  large: { width: 1600, height: 1200, shape: 'RECTANGLE' },
} as const;

/**
 * The PostgreSQL connections a display server keeps open while idle: its statements run one at a time per request
 * (a slideshow's page, a frame's settings), so two cover a request and the one that overlaps it.
 */
export const DISPLAY_KEPT_CONNECTIONS = 2;

/** Builds the display tier: applies database migrations first, then wires adapters into services. */
export async function createDisplay(options: DisplayOptions): Promise<Display> {
  const now = options.now ?? Date.now;
  const limits = resolveLimits(options.limits);
  const formats = resolveFormatSettings(options.formats);
  const sharpSettings = applySharpSettings(options.sharp);
  const signer = createRenditionUrlSigner({
    publicBaseUrl: options.publicBaseUrl,
    ...(options.signingKeys === undefined ? {} : { signingKeys: options.signingKeys }),
    ...(options.signingKey === undefined ? {} : { signingKey: options.signingKey }),
    ttlSeconds: options.urlTtlSeconds,
    now,
  });
  const db = openDatabase<DisplayDatabase>(
    options.database,
    options.keptConnections === undefined ? {} : { keptConnections: options.keptConnections },
  );
  try {
    await migrateDisplayDatabase(db, options.logger);
  } catch (error) {
    await db.destroy();
    throw error;
  }

  const logger = options.logger.child({ tier: 'display' });
  const libraryOriginals =
    options.originals ??
    new SchemeRoutingOriginalStore({
      'file:': new LocalFileOriginalStore(),
      ...(options.s3Client ? { 's3:': new S3OriginalStore(options.s3Client) } : {}),
    });
  const mediaTools = options.mediaTools ?? mediaToolsFromEnv();
  const videoLimits = resolveVideoLimits(options.videoLimits);
  const posters = new VideoPosters(libraryOriginals, mediaTools, videoLimits);
  // Clips' stills are their poster frames: the photo pipeline reads them as originals.
  const originals = new PosterOriginalStore(libraryOriginals, posters);
  const facts = new PhotoFactsCache(options.library);
  const metrics = new DisplayMetrics();
  const disk = new DiskRenditionStore(options.renditionsDir);
  const cache = new RenditionCache({
    disk,
    logger,
    metrics,
    ...(options.hotCacheBytes === undefined ? {} : { hotBytes: options.hotCacheBytes }),
  });
  const limiter = new RenderLimiter(sharpSettings.maxConcurrentRenders, renderThreadsFor(sharpSettings));
  const renditions = new RenditionService({
    signer,
    facts,
    cache,
    originals,
    limits,
    formats,
    limiter,
    metrics,
    now,
  });
  const handleRendition = createRenditionHandler(renditions, logger);
  const clipSigner = createClipUrlSigner({
    publicBaseUrl: options.publicBaseUrl,
    signingKeys: [
      ...(options.signingKeys ?? []),
      ...(options.signingKey === undefined ? [] : [options.signingKey]),
    ],
    ttlSeconds: options.urlTtlSeconds,
    now,
  });
  const clips = new ClipService({
    signer: clipSigner,
    facts,
    originals: libraryOriginals,
    tools: mediaTools,
    limits: videoLimits,
    dir: join(options.renditionsDir, 'clips'),
  });
  const handleClip = createClipHandler(clips, logger);
  const clipPrefix = `${DISPLAY_PATH_PREFIX}/clips/`;
  const renditionPrefix = `${DISPLAY_PATH_PREFIX}/renditions/`;
  const prerenderer = new Prerenderer(async (target) => {
    await renditions.prepare(target);
    // Then a clip's MP4, in the background on its own queue (one transcode at a time), not in a render slot; the
    // still's render has just looked the item up, so this asks the library nothing more.
    if (target.pairedPhotoId !== undefined) return;
    const { ownerId, photoId, width, height } = target;
    clips.prepare({ ownerId, photoId, width, height }).catch((error: unknown) => {
      logger.debug('clip not prepared ahead', { photoId, error });
    });
  }, logger);
  const repository = new SlideshowRepository(db);
  const retention = new SlideshowRetention(
    db,
    { ...DEFAULT_SLIDESHOW_RETENTION, ...options.retention },
    logger,
    now,
  );
  retention.start();
  const profiles = new FrameProfiles(db, options.library, now, options.ambientClipSharePercent);
  const slideshows = new SlideshowService({
    clips: { signer: clipSigner, capMs: videoLimits.clipCapMs },
    selectionFor: (ownerId, deviceId) => profiles.selectionFor(ownerId, deviceId),
    library: options.library,
    repository,
    ambient: new AmbientSlideshows({
      library: options.library,
      slideshows: repository,
      repository: new AmbientRepository(db),
      now,
      clipShareFor: (ownerId, deviceId) => profiles.clipShareFor(ownerId, deviceId),
    }),
    signer,
    prerenderer,
    logger,
    retention,
    now,
  });

  const frameAccess: FrameAccessOptions = { accounts: false, ownerId: 'local', ...options.frame };
  const frames = new FramePairings(frameAccess, new FramePairingRepository(db), now);

  const api: DisplayApi = {
    createSlideshow: (request) => slideshows.create(parseInput(createSlideshowRequestSchema, request)),
    getSlideshowPage: async (ownerId, slideshowId, start, count) => {
      const owner = parseInput(ownerIdSchema, ownerId, 'INVALID_OWNER');
      if (!slideshowIdSchema.safeParse(slideshowId).success) throw displayErrors.slideshowNotFound();
      const page = parseInput(pageRequestSchema, { start, count });
      return slideshows.getPage(owner, slideshowId, page.start, page.count);
    },
    startAmbient: (request) => slideshows.startAmbient(parseInput(startAmbientRequestSchema, request)),
    saveAmbientPosition: async (ownerId, slideshowId, index) => {
      const owner = parseInput(ownerIdSchema, ownerId, 'INVALID_OWNER');
      if (!slideshowIdSchema.safeParse(slideshowId).success) throw displayErrors.slideshowNotFound();
      const position = parseInput(ambientPositionRequestSchema, { index });
      return slideshows.saveAmbientPosition(owner, slideshowId, position.index);
    },
    linkFrame: async (ownerId, code) => {
      const owner = parseInput(ownerIdSchema, ownerId, 'INVALID_OWNER');
      // In-process callers are the tiers themselves (the skill's "link frame 4821").
      return frames.link(owner, parseInput(frameLinkRequestSchema, { code }).code, 'service');
    },
  };
  const bundles = new BrowserBundles();
  const frameServices = {
    display: api,
    library: options.library,
    pairings: frames,
    bundles,
    logger,
    now,
    renditionOrigin: new URL(options.publicBaseUrl).origin,
    sessions: new FrameSessions(options.session ?? {}, now),
    localOwnerId: frameAccess.ownerId,
    profiles,
  };

  return {
    router: createDisplayRouter({ slideshows, frames, handleRendition, handleClip, logger }),
    api,
    frameRouter: createFrameRouter(frameServices),
    previewRouter: createPreviewRouter(frameServices),
    pageSessionOwner: (req, res) => pageSessionOwner(req, res, frameServices),
    metrics,
    profiles,
    webAppRouter: (host) =>
      createWebAppRouter({
        ...host,
        sessions: frameServices.sessions,
        pairings: frames,
        profiles,
        bundles,
        logger,
        now,
        renditionOrigin: frameServices.renditionOrigin,
        pageOwner: (req, res) => pageSessionOwner(req, res, frameServices),
        pictureUrl: (ownerId, photoId, size) =>
          signer.sign({
            ownerId,
            photoId,
            ...snapToPreset(WEBAPP_PICTURES[size]),
            composition: size === 'thumb' ? 'cover' : 'contain',
          }),
      }),
    ready: () =>
      checkReadiness(
        {
          'database does not answer': () => repository.ping(),
          'renditions folder does not take writes': () => disk.assertWritable(),
          // A store that cannot fail apart from the process (local files) has no probe.
          'original store does not answer': () => originals.probe?.() ?? Promise.resolve(),
        },
        logger,
      ),
    warmUp: () => openKeptConnections(db, options.keptConnections ?? 0),
    forgetPhoto(ownerId, photoId) {
      facts.forget(ownerId, photoId);
      renditions.forgetRecentUrls();
    },
    handleRenditionRequest(req, res) {
      const url = req.url ?? '';
      if (url.startsWith(clipPrefix)) return handleClip(req, res, url.slice(DISPLAY_PATH_PREFIX.length));
      if (!url.startsWith(renditionPrefix)) return false;
      return handleRendition(req, res, url.slice(DISPLAY_PATH_PREFIX.length));
    },
    async close() {
      retention.stop();
      await retention.settled();
      await prerenderer.close();
      await clips.close();
      renditions.close();
      posters.close();
      await cache.close();
      facts.close();
      await db.destroy();
    },
  };
}
