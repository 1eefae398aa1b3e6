import { runTool, ToolFailure, type MediaTools } from './media-tools';
import type { ProbedVideo } from './probe-video';
import { videoErrors } from './video-errors';
import type { VideoLimits } from './video-limits';

/** A JPEG of a frame is at most a few MB even at 8K; this bounds ffmpeg's output in memory. */
const MAX_POSTER_BYTES = 64 * 1024 * 1024;
/** The poster is a frame one second in (past a fade-in or a shaky start), or a third of the way into a shorter clip. */
const POSTER_AT_MS = 1000;

/**
 * One frame of a probed clip as a JPEG at the clip's own displayed size, with no metadata (`-map_metadata -1`):
 * the still every device that does not play the clip shows, and the poster of those that do.
 */
export async function extractPoster(
  path: string,
  probed: ProbedVideo,
  tools: MediaTools,
  limits: VideoLimits,
  signal?: AbortSignal,
): Promise<Buffer> {
  const atMs = Math.min(POSTER_AT_MS, Math.floor(probed.durationMs / 3));
  let jpeg: Buffer;
  try {
    jpeg = await runTool(
      tools.ffmpeg,
      [
        ...['-nostdin', '-v', 'error', '-ss', (atMs / 1000).toFixed(3), '-i', path],
        ...['-map', '0:v:0', '-frames:v', '1', '-map_metadata', '-1', '-an', '-sn', '-dn'],
        ...['-c:v', 'mjpeg', '-q:v', '2', '-pix_fmt', 'yuvj420p', '-f', 'image2pipe', 'pipe:1'],
      ],
      { timeoutMs: limits.posterTimeoutMs, maxOutputBytes: MAX_POSTER_BYTES, ...(signal ? { signal } : {}) },
    );
  } catch (error) {
    if (error instanceof ToolFailure && error.reason === 'missing') throw videoErrors.toolMissing(error);
    if (error instanceof ToolFailure && error.reason === 'aborted') throw error;
    throw videoErrors.unreadable(error);
  }
  // A header with no decodable frame (a container without pictures) makes ffmpeg exit cleanly with nothing.
  if (jpeg.length === 0) throw videoErrors.unreadable(new Error('no frame could be decoded'));
  return jpeg;
}
