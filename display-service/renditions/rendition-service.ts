import type { RenditionLimits } from './limits';
import type { OriginalStore } from './original-store';
import type { PhotoFactsCache } from './photo-facts-cache';
import { renderRendition, PIPELINE_VERSION } from './pipeline/render-rendition';
import type { RenditionCache } from './rendition-cache';
import { renditionCacheKey } from './rendition-cache-key';
import type { ReceivedRenditionUrl, RenditionTarget, RenditionUrlSigner } from './rendition-url';

export interface RenditionServiceDependencies {
  signer: RenditionUrlSigner;
  facts: PhotoFactsCache;
  cache: RenditionCache;
  originals: OriginalStore;
  limits: RenditionLimits;
  /** ms clock */
  now: () => number;
}

/** Strong validator of one rendition's bytes, quoted as HTTP wants it. */
export type ETag = `"${string}"`;

export type RenditionResponse =
  | { kind: 'not-modified'; etag: ETag; maxAgeSeconds: number }
  | { kind: 'image'; etag: ETag; maxAgeSeconds: number; jpeg: Buffer };

const ONE_YEAR_SECONDS = 365 * 24 * 3600;

/** Signed URL in, device-exact JPEG out: verify → photo facts → cache → render. */
export class RenditionService {
  constructor(private readonly deps: RenditionServiceDependencies) {}

  /** Signature and expiry are checked before anything else; `ifNoneMatch` can answer 304 without touching pixels. */
  async serve(received: ReceivedRenditionUrl, ifNoneMatch: string | undefined): Promise<RenditionResponse> {
    const verified = this.deps.signer.verify(received);
    const { key, sourceUri } = await this.locate(verified);
    const etag: ETag = `"${key}"`;
    const maxAgeSeconds = Math.max(
      0,
      Math.min(ONE_YEAR_SECONDS, verified.expiresAt - Math.floor(this.deps.now() / 1000)),
    );
    if (ifNoneMatch !== undefined && matchesETag(ifNoneMatch, etag)) {
      return { kind: 'not-modified', etag, maxAgeSeconds };
    }
    const jpeg = await this.render(key, sourceUri, verified);
    return { kind: 'image', etag, maxAgeSeconds, jpeg };
  }

  /** Renders (or finds) a rendition ahead of the device asking for it; used by the slideshow pre-renderer. */
  async prepare(target: RenditionTarget): Promise<void> {
    const { key, sourceUri } = await this.locate(target);
    await this.render(key, sourceUri, target);
  }

  private async locate(target: RenditionTarget): Promise<{ key: string; sourceUri: string }> {
    const photo = await this.deps.facts.get(target.ownerId, target.photoId);
    const key = renditionCacheKey({
      contentHash: photo.source.contentHash,
      width: target.width,
      height: target.height,
      shape: target.shape,
      pipelineVersion: PIPELINE_VERSION,
    });
    return { key, sourceUri: photo.source.uri };
  }

  private render(key: string, sourceUri: string, target: RenditionTarget): Promise<Buffer> {
    const { originals, limits } = this.deps;
    return this.deps.cache.getOrRender(key, () =>
      renderRendition(
        { sourceUri, width: target.width, height: target.height, shape: target.shape },
        { originals, limits },
      ),
    );
  }
}

/** If-None-Match uses the weak comparison (RFC 9110 §13.1.2): `W/` prefixes are ignored, `*` matches anything. */
function matchesETag(header: string, etag: ETag): boolean {
  return header
    .split(',')
    .map((candidate) => candidate.trim().replace(/^W\//, ''))
    .some((candidate) => candidate === '*' || candidate === etag);
}
