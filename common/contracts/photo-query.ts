import { z } from 'zod';

/**
 * Capture-local date-times ("what the clock on the camera said where the photo was taken") as
 * `YYYY-MM-DDTHH:mm:ss`, with no zone: "photos from last summer" means local summer wherever each was taken.
 */
export const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/;
export const localDateTimeSchema = z
  .string()
  .regex(LOCAL_DATE_TIME, 'must be a local date-time YYYY-MM-DDTHH:mm:ss');

/** A label in the library's canonical vocabulary: lower-case words, e.g. "beach", "dog", "birthday party". */
export const labelSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9 '-]*$/, 'must be a lower-case label');

const dateRangeSchema = z
  .object({ from: localDateTimeSchema, to: localDateTimeSchema })
  .strict()
  .refine((r) => r.from < r.to, { message: 'from must be before to', path: ['to'] });

/** "On this day": the same month-day in any year, widened by ±days (wrapping across New Year). */
const monthDayWindowSchema = z
  .object({
    month: z.number().int().min(1).max(12),
    day: z.number().int().min(1).max(31),
    plusMinusDays: z.number().int().min(0).max(30).default(0),
  })
  .strict();

/** The levels a place is named at, narrowest first: "Schwabing", "Munich", "Munich" (metro), "Upper Bavaria", "Bavaria", "Germany". */
export const PLACE_LEVELS = ['sublocation', 'city', 'metro', 'county', 'region', 'country'] as const;
export const placeLevelSchema = z.enum(PLACE_LEVELS);
export type PlaceLevel = z.output<typeof placeLevelSchema>;
/**
 * The levels a place filter names: the stored ones, and a continent or UN world region ("Europe", "Southeast
 * Asia"), which a photo is in when its country is.
 */
export const PLACE_FILTER_LEVELS = [...PLACE_LEVELS, 'continent'] as const;
export const placeFilterLevelSchema = z.enum(PLACE_FILTER_LEVELS);

/**
 * A place at any level a person names it. `name` is the canonical English name as stored (city "Santa Monica",
 * metro "Los Angeles", county "Orange County", region "California", country "United States"); `level` omitted
 * matches a place of that name at any level ("Paris" finds photos in every Paris). A name may be qualified by the
 * area it lies in, after commas: "Paris, Texas" / "Paris, France" is Paris at the level asked (or any) whose county,
 * region or country is Texas / France.
 */
export const placeFilterSchema = z
  .object({
    name: z.string().trim().min(1).max(128),
    level: placeFilterLevelSchema.optional(),
  })
  .strict();

const idListSchema = z.array(z.string().min(1).max(64)).max(20).default([]);

/**
 * What the user asked for, after the skill (slots) or the free-text parser resolved it. Every filter narrows:
 * labels, people and albums must all be present; places match any of the listed ones; the capture-local time must be
 * in [takenFrom, takenTo) and, when given, inside one of `dateRanges` ("every Christmas") and one of the month-day
 * windows ("on this day").
 */
export const photoQuerySchema = z
  .object({
    labels: z.array(labelSchema).max(10).default([]),
    /** Person ids (`pe_…`) of the owner's people. */
    people: idListSchema,
    places: z.array(placeFilterSchema).max(10).default([]),
    /** Album ids (`al_…`) of the owner's albums. */
    albums: idListSchema,
    takenFrom: localDateTimeSchema.optional(),
    takenTo: localDateTimeSchema.optional(),
    dateRanges: z.array(dateRangeSchema).max(50).default([]),
    monthDays: z.array(monthDayWindowSchema).max(12).default([]),
    favoritesOnly: z.boolean().default(false),
    mediaKinds: z
      .array(z.enum(['photo', 'video']))
      .max(2)
      .default([]),
    exclude: z
      .object({
        people: idListSchema,
        albums: idListSchema,
        labels: z.array(labelSchema).max(10).default([]),
        /** Screenshots are left out unless asked for. */
        screenshots: z.boolean().default(true),
      })
      .strict()
      .default({ people: [], albums: [], labels: [], screenshots: true }),
    order: z.enum(['newest', 'oldest', 'shuffle']).default('oldest'),
    /** Shuffle seed: the same seed gives the same order on every page and every instance. */
    seed: z.string().max(64).optional(),
    /** One photo per near-duplicate group (burst shots, edits): what a frame wants. */
    collapseDuplicates: z.boolean().default(false),
  })
  .strict()
  .refine((q) => !q.takenFrom || !q.takenTo || q.takenFrom < q.takenTo, {
    message: 'takenFrom must be before takenTo',
    path: ['takenTo'],
  });

export type PhotoQuery = z.output<typeof photoQuerySchema>;
/** A query as a caller may write it: every field with a default may be left out. */
export type PhotoQueryInput = z.input<typeof photoQuerySchema>;

/** Owners (tenants) are opaque ids; every library and display call is scoped to exactly one. */
export const ownerIdSchema = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[A-Za-z0-9._:-]+$/, 'must be an owner id');
