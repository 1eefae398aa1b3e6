import { z } from 'zod';
import { ownerIdSchema, photoQuerySchema, localDateTimeSchema } from './photo-query';
import { photoIdSchema, timeZoneSchema } from './library-api';

/** Largest screen we render for (Fire TV 4K); anything bigger is a hostile or broken client. */
export const MAX_VIEWPORT_EDGE = 3840;
export const MIN_VIEWPORT_EDGE = 64;

export const viewportSchema = z
  .object({
    width: z.number().int().min(MIN_VIEWPORT_EDGE).max(MAX_VIEWPORT_EDGE),
    height: z.number().int().min(MIN_VIEWPORT_EDGE).max(MAX_VIEWPORT_EDGE),
    shape: z.enum(['RECTANGLE', 'ROUND']).default('RECTANGLE'),
  })
  .strict();
export type Viewport = z.output<typeof viewportSchema>;

export const MAX_PAGE_SIZE = 100;

export const createSlideshowRequestSchema = z
  .object({
    ownerId: ownerIdSchema,
    query: photoQuerySchema,
    viewport: viewportSchema,
    deviceId: z.string().max(512).optional(),
    pageSize: z.number().int().min(1).max(MAX_PAGE_SIZE).default(10),
  })
  .strict();
export type CreateSlideshowRequest = z.input<typeof createSlideshowRequestSchema>;

export const slideshowIdSchema = z.string().regex(/^ss_[A-Za-z0-9_-]{10,64}$/, 'must be a slideshow id');

/**
 * What a caption says about the photo(s) in an item, as data: each client (APL, web frame) formats it in its own
 * locale. For a pair, the fields describe both photos (earliest date, shared place if any, everyone in either).
 */
export const slideshowCaptionSchema = z.object({
  /** Capture-local date/time of the (first) photo. */
  takenLocal: localDateTimeSchema.nullable(),
  /** Most specific place name known, e.g. "Santa Monica, California, United States" split into its parts. */
  place: z
    .object({ city: z.string().nullable(), region: z.string().nullable(), country: z.string().nullable() })
    .nullable(),
  /** Names of the people in the photo(s), most prominent first. */
  people: z.array(z.string()),
});
export type SlideshowCaption = z.output<typeof slideshowCaptionSchema>;

export const slideshowItemSchema = z.object({
  index: z.number().int().nonnegative(),
  /** Every photo visible in this item, so a client can always ask what is on screen. */
  photoIds: z.array(photoIdSchema).min(1),
  /** Signed, expiring, absolute rendition URL sized for the slideshow's viewport. */
  url: z.string().url(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  takenLocal: localDateTimeSchema.nullable(),
  /** 'pair' = two portrait photos side by side on a landscape screen (photoIds has both). */
  layout: z.enum(['single', 'pair']).default('single'),
  caption: slideshowCaptionSchema.default({ takenLocal: null, place: null, people: [] }),
  /**
   * A video clip: its device rendition (a signed MP4 at most the viewport's size, served with HTTP Range) and how
   * long it plays (the clip cap applied). `url` stays the clip's poster still, for loading and for screens that
   * cannot play video. Absent for photos.
   */
  clip: z.object({ url: z.string().url(), durationMs: z.number().int().nonnegative() }).optional(),
  /**
   * A live photo: its motion part as a clip rendition (same signed MP4 URLs as clips), played once, muted, when the
   * item comes on screen; the item then rests on its still (`url`) for the usual time. A client that cannot play
   * video ignores it and shows the still. Absent for other items.
   */
  motion: z.object({ url: z.string().url(), durationMs: z.number().int().nonnegative() }).optional(),
});
export type SlideshowItem = z.output<typeof slideshowItemSchema>;

export const slideshowPageSchema = z.object({
  slideshowId: slideshowIdSchema,
  /**
   * Items (not photos: a pair is one item showing two). For an endless slideshow, the items made so far: a lower
   * bound, since asking for a page beyond it makes more.
   */
  total: z.number().int().nonnegative(),
  /** Photos in the slideshow, counting both photos of each pair (what speech should say); absent when endless. */
  photoCount: z.number().int().nonnegative().optional(),
  span: z.object({ first: localDateTimeSchema, last: localDateTimeSchema }).nullable(),
  startIndex: z.number().int().nonnegative(),
  items: z.array(slideshowItemSchema),
  /** Ambient slideshows never end: there is no last index (leave the list's maximumExclusiveIndex open). */
  endless: z.literal(true).optional(),
  /** Ambient slideshows only: the index the device last said it was showing; startAmbient resumes there. */
  position: z.number().int().nonnegative().optional(),
});
export type SlideshowPage = z.output<typeof slideshowPageSchema>;

/**
 * Starts (or resumes) a device's ambient slideshow: an endless, no-repeat shuffle of the owner's whole library.
 * The same owner, device and screen preset always get the same slideshow, resumed at its saved position.
 */
export const startAmbientRequestSchema = z
  .object({
    ownerId: ownerIdSchema,
    deviceId: z.string().min(1).max(512),
    viewport: viewportSchema,
    /** Open each day with "memories": photos from this week in earlier years. */
    memories: z.boolean().default(true),
    /** The device's zone, which decides what "today" is for memories; UTC when not given. */
    timeZone: timeZoneSchema.optional(),
    pageSize: z.number().int().min(1).max(MAX_PAGE_SIZE).default(10),
  })
  .strict();
export type StartAmbientRequest = z.input<typeof startAmbientRequestSchema>;

/** Where a device is in its ambient slideshow, saved so the next start resumes there. */
export const ambientPositionRequestSchema = z.object({ index: z.number().int().min(0) }).strict();
export const ambientPositionSchema = z.object({
  slideshowId: slideshowIdSchema,
  position: z.number().int().nonnegative(),
});
export type AmbientPosition = z.output<typeof ambientPositionSchema>;

export const pageRequestSchema = z
  .object({
    start: z.coerce.number().int().min(0),
    count: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(10),
  })
  .strict();

/** Digits in the code a web frame shows until its owner links it ("Alexa, ask Photo Frame to link frame 4821"). */
export const FRAME_LINK_CODE_DIGITS = 4;

/** `POST /v1/display/frames/link` (owner header): links the web frame showing this code to the owner. */
export const frameLinkRequestSchema = z
  .object({
    code: z
      .string()
      .trim()
      .regex(
        new RegExp(`^\\d{${FRAME_LINK_CODE_DIGITS}}$`),
        `must be the ${FRAME_LINK_CODE_DIGITS}-digit code`,
      ),
  })
  .strict();
export type FrameLinkRequest = z.input<typeof frameLinkRequestSchema>;

/** A web frame now linked to an owner: from here on it only ever gets that owner's signed rendition URLs. */
export const linkedFrameSchema = z.object({
  frameId: z.string().regex(/^fr_[A-Za-z0-9_-]{10,64}$/, 'must be a frame id'),
  ownerId: ownerIdSchema,
  /** ISO-8601 UTC. */
  linkedAt: z.iso.datetime(),
});
export type LinkedFrame = z.output<typeof linkedFrameSchema>;
