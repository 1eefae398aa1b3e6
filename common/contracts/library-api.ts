import { z } from 'zod';
import { nothingFoundSchema } from './nothing-found';
import { localDateTimeSchema, photoQuerySchema } from './photo-query';
import { photoExplanationSchema, photoProvenanceSchema } from './provenance';

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
  source: z.enum(['keyword', 'folder', 'sidecar', 'vision', 'sun', 'capture']),
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
  /** Set for video clips only (absent: a still photo), so a slideshow can play them. */
  mediaKind: z.enum(['photo', 'video']).optional(),
  /** A clip's length as its container says (null when it does not); absent for photos. */
  durationMs: z.number().int().nonnegative().nullable().optional(),
  /**
   * Set for live photos only (a still with a short motion part: Apple Live Photo, Google/Samsung motion photo): how
   * long the motion lasts. Still a photo (never counted or searched as a video); a slideshow plays it once, briefly.
   */
  motion: z.object({ durationMs: z.number().int().nonnegative().nullable() }).optional(),
});
export type PhotoSummary = z.output<typeof photoSummarySchema>;

/** Where a capture time zone came from: the EXIF offset, the GPS position, or a Takeout sidecar. */
export const TIME_ZONE_SOURCES = ['exif-offset', 'gps', 'sidecar'] as const;

/**
 * Where a photo was taken. A person's name for it is city, region, country ("Santa Monica, California, United
 * States"); the other levels it is also found by are extra: a neighbourhood or spot (IPTC Sublocation), the
 * metropolitan city a suburb belongs to ("Los Angeles"), the county ("Los Angeles County").
 */
export const placeSchema = z.object({
  city: z.string().nullable(),
  region: z.string().nullable(),
  country: z.string().nullable(),
  /** ISO 3166-1 alpha-2. */
  countryCode: z.string().nullable(),
  sublocation: z.string().nullable().optional(),
  metro: z.string().nullable().optional(),
  county: z.string().nullable().optional(),
});

const namedRefSchema = z.object({ id: z.string(), name: z.string() });

/** Everything the library knows about one photo. */
export const photoFactsSchema = photoSummarySchema.extend({
  takenUtc: z.string().nullable(),
  /** Where the capture time came from, so a caller can tell a guess from a fact. */
  takenTimeSource: z.enum(TAKEN_TIME_SOURCES),
  /** IANA zone or fixed `±HH:MM` offset the photo was taken in, and where that came from. */
  timeZone: z.string().nullable(),
  timeZoneSource: z.enum(TIME_ZONE_SOURCES).nullable(),
  mediaKind: z.enum(['photo', 'video']),
  /** Videos only. */
  durationMs: z.number().int().nonnegative().nullable(),
  gps: z.object({ latitude: z.number(), longitude: z.number() }).nullable(),
  /** Reverse-geocoded from the GPS position (offline), or from the IPTC/XMP location names. */
  place: placeSchema.nullable(),
  camera: z.object({ make: z.string().nullable(), model: z.string().nullable() }).nullable(),
  title: z.string().nullable(),
  description: z.string().nullable(),
  favorite: z.boolean(),
  /** -1 rejected, 0 unrated, 1..5. */
  rating: z.number().int().min(-1).max(5).nullable(),
  labels: z.array(labelFactSchema),
  people: z.array(namedRefSchema),
  albums: z.array(namedRefSchema.extend({ source: z.enum(['folder', 'takeout']) })),
  /** Near-duplicates (bursts, edits) share a group; null when the photo has none. */
  duplicateGroupId: z.string().nullable(),
  /** Hidden by its owner ("hide this"): never returned by search, so never on a frame again. */
  hidden: z.boolean(),
  ingestedAt: z.string(),
  /** Every label and person with where it came from (GET /v1/library/photos/{id} always gives it). */
  provenance: photoProvenanceSchema.optional(),
  /**
   * A live photo's motion part, for the display tier to render: the video's bytes [offset, offset + bytes) in the
   * file at `uri` (the companion video, or the photo's own file for a motion photo). Null for other photos.
   */
  motionPart: z
    .object({
      kind: z.enum(['live-photo', 'motion-photo']),
      uri: z.string().regex(/^(file|s3):\/\//, 'must be a file:// or s3:// URI'),
      offset: z.number().int().nonnegative(),
      bytes: z.number().int().positive(),
      durationMs: z.number().int().nonnegative().nullable(),
    })
    .nullable()
    .optional(),
});
export type PhotoFacts = z.output<typeof photoFactsSchema>;

/** What a caption needs about one photo; `describePhotos` answers these in bulk for slideshows. */
export const photoCaptionFactsSchema = z.object({
  id: photoIdSchema,
  takenLocal: localDateTimeSchema.nullable(),
  place: z
    .object({ city: z.string().nullable(), region: z.string().nullable(), country: z.string().nullable() })
    .nullable(),
  /** Names of the people in the photo. */
  people: z.array(z.string()),
});
export type PhotoCaptionFacts = z.output<typeof photoCaptionFactsSchema>;

export const describePhotosRequestSchema = z
  .object({ ids: z.array(photoIdSchema).min(1).max(1000) })
  .strict();

export const describePhotosResponseSchema = z.object({ photos: z.array(photoCaptionFactsSchema) });

/** A label as the library stores it ("dog", "hospital"): lower-case words. */
export const labelNameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1)
  .max(64)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} '&-]*$/u, 'must be a label such as dog or birthday');

/** `PATCH /v1/library/labels/{label}`: hide a label's photos from frames (searches that do not name it), or not. */
export const labelVisibilitySchema = z.object({ hidden: z.boolean() }).strict();

/** The labels an owner hid from frames. */
export const hiddenLabelsSchema = z.object({ hiddenLabels: z.array(z.string()) });

/** The owner's own marks on a photo ("favourite this", "hide this"); at least one must be given. */
export const photoFlagsSchema = z
  .object({ favorite: z.boolean().optional(), hidden: z.boolean().optional() })
  .strict()
  .refine((flags) => flags.favorite !== undefined || flags.hidden !== undefined, {
    message: 'give favorite and/or hidden',
  });
export type PhotoFlags = z.input<typeof photoFlagsSchema>;

export const MAX_SEARCH_PAGE = 1000;

/** Opaque: where the previous page ended, bound to the owner and query that produced it. */
export const searchCursorSchema = z
  .string()
  .min(1)
  .max(512)
  .regex(/^[A-Za-z0-9_-]+$/, 'must be a cursor returned by a previous search');

/** An IANA zone such as Europe/Berlin. */
export const timeZoneSchema = z.string().refine(
  (zone) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  },
  { message: 'must be an IANA time zone such as Europe/Berlin' },
);

/** Only these may accompany free text `q`: the text decides what matches, these how it is shown. */
const Q_COMPATIBLE_FIELDS = new Set(['order', 'seed', 'exclude', 'collapseDuplicates']);

export const searchRequestSchema = z
  .object({
    query: photoQuerySchema.default(photoQuerySchema.parse({})),
    /**
     * Free text ("beach photos from last summer in Santa Monica"), read against the owner's own labels, people,
     * albums and places; dates relative to `reference` in `timeZone` (seasons flip with `hemisphere`).
     */
    q: z.string().trim().min(1).max(500).optional(),
    /**
     * The language `q` is in. 'de': German words first ("Strand" is the beach, "See" a lake), holidays on German
     * dates. 'en', or none (a search box states no language): English, with German label words where no English
     * reading has them.
     */
    language: z.enum(['en', 'de']).optional(),
    timeZone: timeZoneSchema.optional(),
    hemisphere: z.enum(['N', 'S']).optional(),
    /** "Now" for relative dates in `q`; defaults to the server's clock. */
    reference: z.iso.datetime({ offset: true }).optional(),
    /**
     * Photos on the page. 0 counts only: the total, the span (and nothingFound) without a page, two statements
     * fewer for a caller that only says how many (the skill before a slideshow, a frame checking its selection).
     */
    limit: z.number().int().min(0).max(MAX_SEARCH_PAGE).default(100),
    /** Position by count; prefer `cursor`, which stays stable while photos are added. */
    offset: z.number().int().min(0).default(0),
    /** `nextCursor` of the previous page. */
    cursor: searchCursorSchema.optional(),
    /** Also say, per photo of the page, which constraint matched by what and from which source. */
    explain: z.boolean().optional(),
  })
  .strict()
  .refine((r) => r.cursor === undefined || r.offset === 0, {
    message: 'use either cursor or offset',
    path: ['offset'],
  });
export type SearchRequest = z.input<typeof searchRequestSchema>;

/** The filters a request's `query` sets to anything but their defaults, other than those that may accompany `q`. */
export function filtersBesideText(request: unknown): string[] {
  const query = (request as { query?: unknown } | null)?.query;
  const parsed = photoQuerySchema.safeParse(query ?? {});
  if (!parsed.success) return [];
  const defaults: Record<string, unknown> = photoQuerySchema.parse({});
  return Object.entries(parsed.data)
    .filter(
      ([field, value]) =>
        !Q_COMPATIBLE_FIELDS.has(field) && JSON.stringify(value) !== JSON.stringify(defaults[field]),
    )
    .map(([field]) => field);
}

/** How one part of free text was read, e.g. {kind: 'date', text: 'last summer', reading: 'summer 2026 […)'}. */
export const textReadingSchema = z.object({
  kind: z.enum(['label', 'person', 'album', 'place', 'date', 'on-this-day', 'favorites', 'video', 'order']),
  text: z.string(),
  reading: z.string(),
});

export const searchResponseSchema = z.object({
  total: z.number().int().nonnegative(),
  /** Earliest and latest capture-local time among all matches (not just this page). */
  span: z.object({ first: localDateTimeSchema, last: localDateTimeSchema }).nullable(),
  photos: z.array(photoSummarySchema),
  /** Pass as `cursor` for the next page; absent on the last page. */
  nextCursor: searchCursorSchema.optional(),
  /**
   * With `q`: the structured query the text became (hand it to a slideshow), how each part was understood in the
   * order the words appear, and the words nothing matched. An unmatched word is a failed constraint: the answer is
   * then empty (total 0, nothingFound says which words) and `query` is absent, since no structured query says
   * what the text asked for.
   */
  query: photoQuerySchema.optional(),
  understood: z.array(textReadingSchema).optional(),
  unmatched: z.array(z.string()).optional(),
  /**
   * Present exactly when `total` is 0 (structured queries and `q` alike): which constraints found nothing and why,
   * and at most one alternative that keeps every other constraint. Clients phrase it; none widens.
   */
  nothingFound: nothingFoundSchema.optional(),
  /** With `explain: true`: one per photo of this page, in page order. */
  explanations: z.array(photoExplanationSchema).optional(),
});
export type SearchResponse = z.output<typeof searchResponseSchema>;

const vocabularyEntrySchema = z.object({
  id: z.string(),
  name: z.string(),
  /** Other ways to say it: the normalized name (lower-case, no accents or punctuation), first name alone, … */
  synonyms: z.array(z.string()),
  photoCount: z.number().int().nonnegative(),
});

/** What to bias speech recognition and the free-text parser towards: the owner's own names and labels. */
export const vocabularySchema = z.object({
  people: z.array(vocabularyEntrySchema),
  albums: z.array(vocabularyEntrySchema),
  labels: z.array(z.object({ name: z.string(), photoCount: z.number().int().nonnegative() })),
});
export type Vocabulary = z.output<typeof vocabularySchema>;

export const personIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'must be a person id');

/**
 * A person of the owner's library: named by photo metadata or by the owner, or a face cluster not named yet
 * (name null: never spoken, never in the vocabulary, until named).
 */
export const personSchema = z.object({
  id: personIdSchema,
  name: z.string().nullable(),
  /** Hidden people's photos are left out of every search that does not name them (so never on a frame). */
  hidden: z.boolean(),
  photoCount: z.number().int().nonnegative(),
  /** Faces vision grouped into this person. */
  faceCount: z.number().int().nonnegative(),
});
export type Person = z.output<typeof personSchema>;

export const peopleResponseSchema = z.object({ people: z.array(personSchema) });

/**
 * Naming ("this is Mom") and hiding a person; at least one must be given. A name is the person's identity: naming
 * a cluster "Mom" when "Mom" exists merges the two, and the answer carries the id the person has afterwards.
 */
export const personUpdateSchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .regex(/[\p{L}\p{N}]/u, 'must contain a letter or digit')
      .optional(),
    hidden: z.boolean().optional(),
  })
  .strict()
  .refine((update) => update.name !== undefined || update.hidden !== undefined, {
    message: 'give name and/or hidden',
  });
export type PersonUpdate = z.input<typeof personUpdateSchema>;

/** Where a face is in a photo: fractions of the upright photo's width and height. */
export const faceBoxSchema = z.object({
  left: z.number(),
  top: z.number(),
  width: z.number().nonnegative(),
  height: z.number().nonnegative(),
});

/** The faces vision found in a photo, left to right, each with its person ("who is this?"). */
export const photoFacesSchema = z.object({
  photoId: photoIdSchema,
  faces: z.array(
    z.object({
      /** What DELETE /v1/library/photos/{id}/faces/{faceId} removes. */
      id: z.string().optional(),
      box: faceBoxSchema,
      score: z.number().min(0).max(1),
      /** Null while the face is not yet clustered; a person with name null is someone not named yet. */
      person: z.object({ id: personIdSchema, name: z.string().nullable(), hidden: z.boolean() }).nullable(),
    }),
  ),
});
export type PhotoFaces = z.output<typeof photoFacesSchema>;

/** Every error answer of every tier: `{error: {code, message}}`. */
export const errorResponseSchema = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
});
