import { AppError } from '../../../common/errors';

/**
 * Every error a clip (or a clip's poster) is refused with, with stable codes. Hostile or broken videos are 422
 * with a code that names what was wrong, decided by ffprobe before any decoding; a missing ffmpeg is the
 * server's fault (503), never the clip's.
 */
export const videoErrors = {
  unreadable: (cause: unknown): AppError =>
    new AppError({
      status: 422,
      code: 'VIDEO_UNREADABLE',
      publicMessage: 'Original is not a readable video',
      cause,
    }),
  tooManyPixels: (pixels: number, limit: number): AppError =>
    new AppError({
      status: 422,
      code: 'VIDEO_TOO_MANY_PIXELS',
      publicMessage: 'Video frames are too large to play',
      cause: new Error(`video frame has ${pixels} pixels, limit ${limit}`),
    }),
  tooLong: (durationMs: number | undefined, limit: number): AppError =>
    new AppError({
      status: 422,
      code: 'VIDEO_DURATION_INVALID',
      publicMessage: 'Video duration is missing or too long to play',
      cause: new Error(`video says ${durationMs ?? 'no'} ms, limit ${limit}`),
    }),
  tooLarge: (bytes: number, limit: number): AppError =>
    new AppError({
      status: 422,
      code: 'VIDEO_TOO_LARGE',
      publicMessage: 'Video file is too large to play',
      cause: new Error(`video is ${bytes} bytes, limit ${limit}`),
    }),
  probeTimeout: (cause: unknown): AppError =>
    new AppError({
      status: 422,
      code: 'VIDEO_PROBE_TIMEOUT',
      publicMessage: 'Video could not be examined in time',
      cause,
    }),
  transcodeTimeout: (cause: unknown): AppError =>
    new AppError({
      status: 503,
      code: 'VIDEO_TRANSCODE_TIMEOUT',
      publicMessage: 'Preparing the video took too long; try again',
      cause,
    }),
  toolMissing: (cause: unknown): AppError =>
    new AppError({
      status: 503,
      code: 'VIDEO_TOOLS_MISSING',
      publicMessage: 'This server cannot play videos (ffmpeg is not installed)',
      cause,
    }),
  notAVideo: (): AppError =>
    new AppError({ status: 404, code: 'CLIP_NOT_FOUND', publicMessage: 'This item is not a video clip' }),
  rangeNotSatisfiable: (): AppError =>
    new AppError({
      status: 416,
      code: 'RANGE_NOT_SATISFIABLE',
      publicMessage: "Range must lie within the clip's bytes (see Content-Range)",
    }),
};
