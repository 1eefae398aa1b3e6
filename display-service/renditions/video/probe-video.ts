import { stat } from 'node:fs/promises';
import { z } from 'zod';
import { videoErrors } from './video-errors';
import type { VideoLimits } from './video-limits';
import { runTool, ToolFailure, type MediaTools } from './media-tools';

/** What ffprobe says about a clip, checked against the limits: its displayed size and its duration. */
export interface ProbedVideo {
  /** Displayed size (the container's rotation applied, as ffmpeg applies it when decoding). */
  width: number;
  height: number;
  durationMs: number;
  hasAudio: boolean;
  bytes: number;
}

// ffprobe's JSON, only the fields used; anything else it says is ignored, anything malformed is unreadable.
const numberText = z.union([z.string(), z.number()]).optional();
const ffprobeSchema = z.object({
  format: z.object({ duration: numberText }).passthrough().optional(),
  streams: z
    .array(
      z
        .object({
          codec_type: z.string().optional(),
          width: z.number().int().optional(),
          height: z.number().int().optional(),
          duration: numberText,
          tags: z.object({ rotate: numberText }).passthrough().optional(),
          side_data_list: z.array(z.object({ rotation: numberText }).passthrough()).optional(),
        })
        .passthrough(),
    )
    .default([]),
});

/** ffprobe's answer for a header is small; more than this is not a header we trust. */
const MAX_PROBE_OUTPUT_BYTES = 256 * 1024;

/**
 * Reads a video's header with ffprobe (bounded in time and output) and refuses it, with a stable code, when it
 * is too large, has too many pixels, claims no duration or an absurd one ("endless" all-ones headers), or is not
 * a video at all. Nothing is decoded before this has passed.
 */
export async function probeVideo(
  path: string,
  tools: MediaTools,
  limits: VideoLimits,
  signal?: AbortSignal,
): Promise<ProbedVideo> {
  const bytes = (await stat(path)).size;
  if (bytes > limits.maxBytes) throw videoErrors.tooLarge(bytes, limits.maxBytes);
  if (bytes === 0) throw videoErrors.unreadable(new Error('video file is empty'));
  let output: Buffer;
  try {
    output = await runTool(
      tools.ffprobe,
      ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', '-i', path],
      {
        timeoutMs: limits.probeTimeoutMs,
        maxOutputBytes: MAX_PROBE_OUTPUT_BYTES,
        ...(signal ? { signal } : {}),
      },
    );
  } catch (error) {
    throw refusalFor(error);
  }
  let parsed: z.output<typeof ffprobeSchema>;
  try {
    parsed = ffprobeSchema.parse(JSON.parse(output.toString('utf8')));
  } catch (error) {
    throw videoErrors.unreadable(error);
  }
  const video = parsed.streams.find((s) => s.codec_type === 'video' && s.width && s.height);
  if (!video?.width || !video.height) throw videoErrors.unreadable(new Error('no video stream with a size'));
  const pixels = video.width * video.height;
  if (pixels > limits.maxPixels) throw videoErrors.tooManyPixels(pixels, limits.maxPixels);
  const seconds = finite(parsed.format?.duration) ?? finite(video.duration);
  const durationMs = seconds === undefined ? undefined : Math.round(seconds * 1000);
  if (durationMs === undefined || durationMs <= 0 || durationMs > limits.maxDurationMs) {
    throw videoErrors.tooLong(durationMs, limits.maxDurationMs);
  }
  const quarterTurns = Math.round(rotationOf(video) / 90);
  const sideways = Math.abs(quarterTurns) % 2 === 1;
  return {
    width: sideways ? video.height : video.width,
    height: sideways ? video.width : video.height,
    durationMs,
    hasAudio: parsed.streams.some((s) => s.codec_type === 'audio'),
    bytes,
  };
}

/** A tool failure as the client sees it: the clip's fault (422) unless ffmpeg itself is missing. */
export function refusalFor(error: unknown): Error {
  if (error instanceof ToolFailure) {
    if (error.reason === 'missing') return videoErrors.toolMissing(error);
    if (error.reason === 'timeout') return videoErrors.probeTimeout(error);
    if (error.reason === 'aborted') return error;
  }
  return videoErrors.unreadable(error);
}

function rotationOf(stream: {
  tags?: { rotate?: string | number | undefined } | undefined;
  side_data_list?: { rotation?: string | number | undefined }[] | undefined;
}): number {
  const fromSideData = stream.side_data_list
    ?.map((entry) => finite(entry.rotation))
    .find((r) => r !== undefined);
  return fromSideData ?? finite(stream.tags?.rotate) ?? 0;
}

function finite(value: string | number | undefined): number | undefined {
  if (value === undefined) return undefined;
  const number = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(number) ? number : undefined;
}
