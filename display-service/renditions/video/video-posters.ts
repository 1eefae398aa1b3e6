import { BoundedMemoryCache } from '../bounded-memory-cache';
import type { OriginalStore } from '../original-store';
import { extractPoster } from './extract-poster';
import { withLocalVideoFile } from './local-video-file';
import type { MediaTools } from './media-tools';
import { probeVideo } from './probe-video';
import type { VideoLimits } from './video-limits';

/**
 * Poster frames of clips, probed and cut once and kept briefly in memory: a still rendition asks for a poster's
 * size and then its bytes, and a slideshow asks for several sizes of the same clip in a burst. The finished still
 * renditions themselves are cached by the rendition cache, so this only has to bridge one burst.
 */
export class VideoPosters {
  private readonly cache = new BoundedMemoryCache<Buffer>({
    maxWeight: 32 * 1024 * 1024,
    weigh: (jpeg) => jpeg.length,
    ttlSeconds: 120,
  });
  private readonly pending = new Map<string, Promise<Buffer>>();

  constructor(
    private readonly originals: OriginalStore,
    private readonly tools: MediaTools,
    private readonly limits: VideoLimits,
  ) {}

  /** The poster JPEG of the clip at `videoUri`; the same work is shared by callers asking at once. */
  async get(videoUri: string, signal: AbortSignal): Promise<Buffer> {
    const cached = this.cache.get(videoUri);
    if (cached) return cached;
    let running = this.pending.get(videoUri);
    if (!running) {
      // Not tied to the first caller's signal: a second caller may still want it; the tools' own timeouts bound it.
      running = this.cut(videoUri).finally(() => this.pending.delete(videoUri));
      this.pending.set(videoUri, running);
    }
    signal.throwIfAborted();
    return running;
  }

  close(): void {
    this.cache.close();
  }

  private async cut(videoUri: string): Promise<Buffer> {
    const { originals, tools, limits } = this;
    const signal = AbortSignal.timeout(limits.probeTimeoutMs + limits.posterTimeoutMs + 30_000);
    const poster = await withLocalVideoFile(
      videoUri,
      originals,
      { maxBytes: limits.maxBytes, signal },
      async (path) =>
        extractPoster(path, await probeVideo(path, tools, limits, signal), tools, limits, signal),
    );
    this.cache.set(videoUri, poster);
    return poster;
  }
}
