import type { DisplayMetrics } from '../metrics/display-metrics';
import { BoundedMemoryCache } from './bounded-memory-cache';
import type { Composition } from './composition';
import type { RenditionLimits } from './limits';
import type { OriginalStore } from './original-store';
import { CONTENT_TYPES, negotiateFormat, type FormatSettings, type OutputFormat } from './output-formats';
import type { PhotoFactsCache } from './photo-facts-cache';
import { faceBoxesOf } from './face-boxes';
import type { FaceBox } from './pipeline/context';
import { renderRendition, PIPELINE_VERSION } from './pipeline/render-rendition';
import type { RenderLimiter } from './render-limiter';
import { RenditionDeadline } from './rendition-deadline';
import type { RenditionCache } from './rendition-cache';
import { renditionCacheKey } from './rendition-cache-key';
import { posterUriOf } from './video/poster-original-store';
import {
  photoIdsOf,
  type ReceivedRenditionUrl,
  type RenditionTarget,
  type RenditionUrlSigner,
} from './rendition-url';

export interface RenditionServiceDependencies {
  signer: RenditionUrlSigner;
  facts: PhotoFactsCache;
  cache: RenditionCache;
  originals: OriginalStore;
  limits: RenditionLimits;
  formats: FormatSettings;
  limiter: RenderLimiter;
  metrics: DisplayMetrics;
  /** ms clock */
  now: () => number;
}

/** Request headers that shape the answer. */
export interface RenditionRequestHeaders {
  accept?: string;
  ifNoneMatch?: string;
}

/** Strong validator of one rendition's bytes, quoted as HTTP wants it. */
export type ETag = `"${string}"`;

export type RenditionResponse =
  { kind: 'not-modified'; etag: ETag } | { kind: 'image'; etag: ETag; contentType: string; body: Buffer };

interface Located {
  key: string;
  sourceUris: string[];
  /** Face boxes per original, kept inside a crop. */
  faces: FaceBox[][];
  composition: Composition;
  format: OutputFormat;
}

/** A URL that verified recently, remembered with what it resolved to. */
interface RecentUrl {
  located: Located;
  expiresAt: number;
}

/**
 * How long a verified URL's resolution (photo facts → cache key) is reused without asking again: the same
 * staleness the photo facts cache already allows.
 */
const RECENT_URL_TTL_SECONDS = 60;
const RECENT_URLS = 20_000;

/** Signed URL in, device-exact image out: verify → photo facts → cache → render. */
export class RenditionService {
  private readonly recent = new BoundedMemoryCache<RecentUrl>({
    maxWeight: RECENT_URLS,
    ttlSeconds: RECENT_URL_TTL_SECONDS,
  });

  constructor(private readonly deps: RenditionServiceDependencies) {}

  /**
   * The fast path for a device re-fetching a rendition: when this exact URL (same bytes, so same signature) was
   * verified in the last minute, has not expired since, and its image is in memory, answer without parsing,
   * re-verifying or looking anything up. Undefined means "take the full path" (serve).
   */
  serveRecent(pathAndQuery: string, headers: RenditionRequestHeaders): RenditionResponse | undefined {
    const recent = this.recent.get(recentKey(pathAndQuery, headers.accept));
    if (!recent || recent.expiresAt * 1000 <= this.deps.now()) return undefined;
    const etag: ETag = `"${recent.located.key}"`;
    if (headers.ifNoneMatch !== undefined && matchesETag(headers.ifNoneMatch, etag)) {
      return this.answered({ kind: 'not-modified', etag });
    }
    const body = this.deps.cache.peek(recent.located.key);
    if (!body) return undefined;
    this.deps.metrics.cacheHit('memory');
    return this.answered({ kind: 'image', etag, contentType: CONTENT_TYPES[recent.located.format], body });
  }

  /**
   * Signature and expiry are checked before anything else; If-None-Match can answer 304 without touching pixels.
   * `pathAndQuery`, when given, is remembered once verified so serveRecent can answer it next time.
   */
  async serve(
    received: ReceivedRenditionUrl,
    headers: RenditionRequestHeaders,
    pathAndQuery?: string,
  ): Promise<RenditionResponse> {
    const verified = this.deps.signer.verify(received);
    const format = received.legacyJpeg ? 'jpeg' : negotiateFormat(headers.accept);
    const located = await this.locate(verified, format);
    if (pathAndQuery !== undefined) {
      this.recent.set(recentKey(pathAndQuery, headers.accept), { located, expiresAt: verified.expiresAt });
    }
    const etag: ETag = `"${located.key}"`;
    if (headers.ifNoneMatch !== undefined && matchesETag(headers.ifNoneMatch, etag)) {
      return this.answered({ kind: 'not-modified', etag });
    }
    const body = await this.render(located, verified);
    return this.answered({ kind: 'image', etag, contentType: CONTENT_TYPES[format], body });
  }

  private answered(response: RenditionResponse): RenditionResponse {
    this.deps.metrics.answered(response.kind, response.kind === 'image' ? response.body.length : 0);
    return response;
  }

  /**
   * Forgets every URL answered without a check (serveRecent): after a photo is hidden, its URLs must go through
   * the signature and the library's facts again. All of them, not the photo's only: hiding is rare, and a URL
   * costs one verification to be remembered again.
   */
  forgetRecentUrls(): void {
    this.recent.clear();
  }

  close(): void {
    this.recent.close();
  }

  /** Renders (or finds) a rendition ahead of the device asking for it; used by the slideshow pre-renderer. */
  async prepare(target: RenditionTarget, format: OutputFormat = 'jpeg'): Promise<void> {
    await this.render(await this.locate(target, format), target);
  }

  private async locate(target: RenditionTarget, format: OutputFormat): Promise<Located> {
    const photos = await Promise.all(
      photoIdsOf(target).map((photoId) => this.deps.facts.get(target.ownerId, photoId)),
    );
    const composition = target.composition ?? 'contain';
    const faces = photos.map(faceBoxesOf);
    const key = renditionCacheKey({
      contentHashes: photos.map((photo) => photo.source.contentHash),
      faces,
      width: target.width,
      height: target.height,
      shape: target.shape,
      composition,
      format,
      pipelineVersion: PIPELINE_VERSION,
    });
    // A clip's still is its poster frame, rendered as any photo is.
    const sourceUris = photos.map((p) =>
      p.mediaKind === 'video' ? posterUriOf(p.source.uri) : p.source.uri,
    );
    return { key, sourceUris, faces, composition, format };
  }

  private render(located: Located, target: RenditionTarget): Promise<Buffer> {
    const { originals, limits, formats, limiter } = this.deps;
    const job = {
      sourceUris: located.sourceUris,
      width: target.width,
      height: target.height,
      shape: target.shape,
      composition: located.composition,
      format: located.format,
      faces: located.faces,
    };
    return this.deps.cache.getOrRender(located.key, async () => {
      // Started before queueing for a slot: a device waits for queue and render together, so both count.
      const deadline = new RenditionDeadline(limits.renderTimeoutMs);
      try {
        return await deadline.race(
          limiter.run(
            () =>
              this.timed(() =>
                renderRendition(
                  job,
                  {
                    originals,
                    limits,
                    formats,
                    onStage: (stage, seconds) => this.deps.metrics.renderStage(stage, seconds),
                  },
                  deadline,
                ),
              ),
            deadline.signal,
          ),
        );
      } finally {
        deadline.clear();
      }
    });
  }

  private async timed(render: () => Promise<Buffer>): Promise<Buffer> {
    const started = this.deps.now();
    try {
      const image = await render();
      this.deps.metrics.rendered((this.deps.now() - started) / 1000);
      return image;
    } catch (error) {
      this.deps.metrics.renderFailed();
      throw error;
    }
  }
}

/** The negotiated format is part of the key: one URL answers differently per Accept header. */
function recentKey(pathAndQuery: string, accept: string | undefined): string {
  return `${negotiateFormat(accept)} ${pathAndQuery}`;
}

/** If-None-Match uses the weak comparison (RFC 9110 §13.1.2): `W/` prefixes are ignored, `*` matches anything. */
function matchesETag(header: string, etag: ETag): boolean {
  return header
    .split(',')
    .map((candidate) => candidate.trim().replace(/^W\//, ''))
    .some((candidate) => candidate === '*' || candidate === etag);
}
