import { createHash, randomUUID } from 'node:crypto';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { PhotoFactsCache } from '../photo-facts-cache';
import type { OriginalStore } from '../original-store';
import { RenderLimiter } from '../render-limiter';
import { clipSizeFor } from './clip-size';
import type { ClipTarget, ClipUrlSigner, ReceivedClipUrl } from './clip-url';
import { withLocalVideoFile } from './local-video-file';
import type { MediaTools } from './media-tools';
import { withMotionVideoFile } from './motion-video-file';
import { probeVideo } from './probe-video';
import { transcodeClip } from './transcode-clip';
import { videoErrors } from './video-errors';
import type { VideoLimits } from './video-limits';

/** Part of every clip's cache key: bump it whenever the transcode changes what a clip looks like. */
export const CLIP_PIPELINE_VERSION = 'clip-v1.h264-41.aac.faststart';

export interface ClipServiceDependencies {
  signer: ClipUrlSigner;
  facts: PhotoFactsCache;
  originals: OriginalStore;
  tools: MediaTools;
  limits: VideoLimits;
  /** Finished clips, one MP4 file per cache key (served from there with Range requests). */
  dir: string;
}

/** A finished device rendition on disk; `etag` names its content. */
export interface ClipFile {
  path: string;
  etag: string;
}

/**
 * Signed clip URL in, device rendition file out: verify → the library's facts (a video of this owner, not
 * hidden) → the disk cache → otherwise probe (limits first), transcode once, keep. One transcode runs at a time:
 * ffmpeg uses every core it is given, and photo renditions share the machine.
 */
export class ClipService {
  private readonly limiter = new RenderLimiter(1);
  private readonly pending = new Map<string, Promise<void>>();
  /** Aborted on close: a transcode still running (one made ahead) is killed rather than left writing files. */
  private readonly closing = new AbortController();

  constructor(private readonly deps: ClipServiceDependencies) {}

  async locate(received: ReceivedClipUrl): Promise<ClipFile> {
    return this.fileFor(this.deps.signer.verify(received));
  }

  /**
   * Makes a clip's rendition ahead of the device asking (the slideshow pre-renderer calls it for every item it
   * prepares): a transcode takes seconds to tens of seconds, which the device would otherwise wait for. Photos
   * are left alone; failures only mean the device's own request will be answered with the reason.
   */
  async prepare(target: ClipTarget): Promise<void> {
    const facts = await this.deps.facts.get(target.ownerId, target.photoId);
    if (facts.mediaKind === 'video' || facts.motionPart) await this.fileFor(target);
  }

  private async fileFor(target: ClipTarget): Promise<ClipFile> {
    const facts = await this.deps.facts.get(target.ownerId, target.photoId);
    // A live photo's clip is its motion part (motion-video-file.ts), rendered exactly as a clip is.
    const motion = facts.mediaKind === 'video' ? undefined : facts.motionPart;
    if (facts.mediaKind !== 'video' && !motion) throw videoErrors.notAVideo();
    const key = createHash('sha256')
      .update(
        [
          CLIP_PIPELINE_VERSION,
          facts.source.contentHash,
          target.width,
          target.height,
          this.deps.limits.clipCapMs,
          ...(motion ? ['motion', motion.kind, motion.uri, motion.offset, motion.bytes] : []),
        ].join('\n'),
      )
      .digest('hex')
      .slice(0, 32);
    const path = join(this.deps.dir, key.slice(0, 2), `${key}.mp4`);
    const { originals, limits } = this.deps;
    const withInput = <T>(signal: AbortSignal, use: (input: string) => Promise<T>): Promise<T> =>
      motion
        ? withMotionVideoFile(motion, originals, { maxBytes: limits.maxBytes, signal }, use)
        : withLocalVideoFile(facts.source.uri, originals, { maxBytes: limits.maxBytes, signal }, use);
    if (!(await exists(path))) await this.makeOnce(key, () => this.make(withInput, target, path));
    return { path, etag: `"${key}"` };
  }

  /** Stops every transcode and waits until they are gone. */
  async close(): Promise<void> {
    this.closing.abort();
    await Promise.allSettled([...this.pending.values()]);
  }

  /** Everyone asking for the same clip at once waits for the one transcode. */
  private makeOnce(key: string, make: () => Promise<void>): Promise<void> {
    let running = this.pending.get(key);
    if (!running) {
      running = this.limiter.run(make).finally(() => this.pending.delete(key));
      this.pending.set(key, running);
    }
    return running;
  }

  private async make(
    withInput: (signal: AbortSignal, use: (input: string) => Promise<void>) => Promise<void>,
    box: { width: number; height: number },
    path: string,
  ): Promise<void> {
    if (await exists(path)) return;
    const { tools, limits } = this.deps;
    const signal = AbortSignal.any([
      AbortSignal.timeout(limits.probeTimeoutMs + limits.transcodeTimeoutMs + 30_000),
      this.closing.signal,
    ]);
    signal.throwIfAborted();
    await mkdir(dirname(path), { recursive: true });
    // A crash mid-transcode never leaves half a clip under the key: written aside, renamed into place.
    const partial = `${path}.${randomUUID()}.partial.mp4`;
    try {
      await withInput(signal, async (input) => {
        const probed = await probeVideo(input, tools, limits, signal);
        await transcodeClip(input, partial, probed, clipSizeFor(probed, box), tools, limits, signal);
      });
      await rename(partial, path);
    } finally {
      await rm(partial, { force: true });
    }
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
