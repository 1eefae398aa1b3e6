import { displayErrors } from '../../errors';
import type { OriginalStore } from '../original-store';
import type { VideoPosters } from './video-posters';

/**
 * Names a clip's poster frame as an original, so the still rendition pipeline renders a clip exactly as it
 * renders a photo (every size, shape and format; devices that cannot play video, and every existing client, get a
 * picture of it). `poster+file:///…/VID_1.mp4` is the poster of `file:///…/VID_1.mp4`.
 */
const POSTER_PREFIX = 'poster+';

export function posterUriOf(videoUri: string): string {
  return `${POSTER_PREFIX}${videoUri}`;
}

/** Answers poster URIs with the clip's poster JPEG and hands every other URI to the store it wraps. */
export class PosterOriginalStore implements OriginalStore {
  constructor(
    private readonly inner: OriginalStore,
    private readonly posters: VideoPosters,
  ) {}

  async size(uri: string, options?: { signal?: AbortSignal }): Promise<number> {
    const videoUri = videoUriOf(uri);
    if (videoUri === undefined) return this.inner.size(uri, options);
    return (await this.posters.get(videoUri, options?.signal ?? new AbortController().signal)).length;
  }

  async read(uri: string, options: { maxBytes: number; signal: AbortSignal }): Promise<Buffer> {
    const videoUri = videoUriOf(uri);
    if (videoUri === undefined) return this.inner.read(uri, options);
    const poster = await this.posters.get(videoUri, options.signal);
    if (poster.length > options.maxBytes) throw displayErrors.sourceTooLarge(poster.length, options.maxBytes);
    return poster;
  }

  probe(options?: { signal?: AbortSignal }): Promise<void> {
    return this.inner.probe?.(options) ?? Promise.resolve();
  }
}

function videoUriOf(uri: string): string | undefined {
  return uri.startsWith(POSTER_PREFIX) ? uri.slice(POSTER_PREFIX.length) : undefined;
}
