import { runTool, ToolFailure, type MediaTools } from './media-tools';
import type { ProbedVideo } from './probe-video';
import { videoErrors } from './video-errors';
import type { VideoLimits } from './video-limits';

/**
 * Makes a clip's device rendition with ffmpeg: H.264 (High, level 4.1, at most 30 fps: what Echo Show and Fire TV
 * decode, `H_264_41`) and AAC stereo in an MP4 with its index first (faststart, so playback starts on the first
 * bytes), scaled to `size`, cut at the clip cap, and with no metadata of the original at all: `-map_metadata -1`
 * on the container and every stream, no chapters, no data tracks, so no GPS position or location atom survives.
 */
export async function transcodeClip(
  input: string,
  output: string,
  probed: ProbedVideo,
  size: { width: number; height: number },
  tools: MediaTools,
  limits: VideoLimits,
  signal?: AbortSignal,
): Promise<void> {
  const seconds = (Math.min(probed.durationMs, limits.clipCapMs) / 1000).toFixed(3);
  try {
    await runTool(
      tools.ffmpeg,
      [
        ...['-nostdin', '-v', 'error', '-y', '-i', input, '-t', seconds],
        ...['-map', '0:v:0', '-map', '0:a:0?', '-sn', '-dn', '-map_chapters', '-1'],
        ...['-map_metadata', '-1', '-map_metadata:s:v', '-1', '-map_metadata:s:a', '-1'],
        ...['-vf', `scale=${size.width}:${size.height},setsar=1,format=yuv420p`, '-fpsmax', '30'],
        ...['-c:v', 'libx264', '-preset', 'veryfast', '-crf', '23', '-profile:v', 'high', '-level:v', '4.1'],
        ...['-c:a', 'aac', '-b:a', '128k', '-ac', '2'],
        ...['-fflags', '+bitexact', '-flags:v', '+bitexact', '-flags:a', '+bitexact'],
        ...['-movflags', '+faststart', '-f', 'mp4', output],
      ],
      { timeoutMs: limits.transcodeTimeoutMs, maxOutputBytes: 1024 * 1024, ...(signal ? { signal } : {}) },
    );
  } catch (error) {
    if (error instanceof ToolFailure && error.reason === 'missing') throw videoErrors.toolMissing(error);
    if (error instanceof ToolFailure && error.reason === 'timeout') throw videoErrors.transcodeTimeout(error);
    if (error instanceof ToolFailure && error.reason === 'aborted') throw error;
    throw videoErrors.unreadable(error);
  }
}
