import { z } from 'zod';
import { localDateTimeSchema, photoQuerySchema } from './photo-query';

/**
 * Where a capture time came from, best first: EXIF with its offset; EXIF local time placed in the zone of its GPS
 * position; a Google Takeout sidecar's timestamp; a video container's creation time (UTC); EXIF local time with no
 * zone; the file's modification time (a guess).
 */
export const TAKEN_TIME_SOURCES = [
  'exif-with-offset',
  'exif-with-gps-zone',
  'sidecar',
  'video-container',
  'exif-local-only',
  'file-modified',
] as const;
export type TakenTimeSource = (typeof TAKEN_TIME_SOURCES)[number];

/** HTTP header naming the tenant on every library call. */
export const OWNER_HEADER = 'x-photo-owner';

export const photoIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'must be a photo id');

export const labelFactSchema = z.object({
  name: z.string(),
  source: z.enum(['keyword', 'folder', 'sidecar', 'vision']),
  confidence: z.number().min(0).max(1),
});

/** Enough to show a photo: where its original is and how big it looks once upright. */
export const photoSummarySchema = z.object({
  id: photoIdSchema,
  takenLocal: localDateTimeSchema.nullable(),
  /** Displayed size: EXIF orientation already applied. */
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  orientation: z.number().int().min(1).max(8),
  source: z.object({
    /** Relative to the library root, '/'-separated. */
    path: z.string().min(1),
    /** Where the original lives, for the display tier to fetch it: `file:///abs/path` or `s3://bucket/key`. */
    uri: z.string().regex(/^(file|s3):\/\//, 'must be a file:// or s3:// URI'),
    contentHash: z.string().min(1),
    bytes: z.number().int().nonnegative(),
  }),
});
export type PhotoSummary = z.output<typeof photoSummarySchema>;

/** Everything the library knows about one photo. */
export const photoFactsSchema = photoSummarySchema.extend({
  takenUtc: z.string().nullable(),
  /** Where the capture time came from, so a caller can tell a guess from a fact. */
  takenTimeSource: z.enum(TAKEN_TIME_SOURCES),
  gps: z.object({ latitude: z.number(), longitude: z.number() }).nullable(),
  camera: z.object({ make: z.string().nullable(), model: z.string().nullable() }).nullable(),
  labels: z.array(labelFactSchema),
  ingestedAt: z.string(),
});
export type PhotoFacts = z.output<typeof photoFactsSchema>;

export const MAX_SEARCH_PAGE = 1000;

export const searchRequestSchema = z
  .object({
    query: photoQuerySchema,
    limit: z.number().int().min(1).max(MAX_SEARCH_PAGE).default(100),
    offset: z.number().int().min(0).default(0),
  })
  .strict();
export type SearchRequest = z.input<typeof searchRequestSchema>;

export const searchResponseSchema = z.object({
  total: z.number().int().nonnegative(),
  /** Earliest and latest capture-local time among all matches (not just this page). */
  span: z.object({ first: localDateTimeSchema, last: localDateTimeSchema }).nullable(),
  photos: z.array(photoSummarySchema),
});
export type SearchResponse = z.output<typeof searchResponseSchema>;
