import { z } from 'zod';
import { photoQuerySchema, type PhotoQuery } from '../../common/contracts';
import { isValidTimeZone } from '../../common/calendar';
import type { ListLedger } from '../apl/list-ledger';

/** Bounds of the slideshow interval ("faster"/"slower" move within them). */
export const MIN_INTERVAL_SECONDS = 3;
export const MAX_INTERVAL_SECONDS = 300;

/** What a user has chosen once and expects every screen to remember. */
export interface UserSettings {
  /** How long each photo stays on screen. */
  intervalSeconds: number;
  shuffle: boolean;
  loop: boolean;
  /** Overrides the locale's hemisphere for seasons; absent = the locale decides. */
  hemisphere?: 'northern' | 'southern';
  /** The user's IANA zone as last read from a device's Alexa settings; absent until one was read. */
  timeZone?: string;
  /** Where the ambient slideshow was when the user last left it, to resume there. */
  ambientPosition?: { slideshowId: string; index: number };
  /**
   * The slideshow the user last started, and what it shows: "shuffle on/off" restarts the same photos in the other
   * order. An ambient slideshow has no query (it is the whole library).
   */
  lastSlideshow?: LastSlideshow;
  /**
   * When the owner's people and albums were first sent as dynamic entities (set once). Absent means this owner's
   * first session since linking, which gets them even when it starts with a one-shot request.
   */
  dynamicEntitiesSentAt?: string;
  /**
   * The device lists (rendered slideshows) the skill last answered, newest first: the listVersion each is at and
   * which items were deleted from it. Kept here because those lists outlive their sessions (the frame ends its
   * session at once and the device keeps loading pages without one), so session attributes would lose the count.
   */
  slideshowLists?: ListLedger[];
}

export type LastSlideshow =
  { kind: 'query'; slideshowId: string; query: PhotoQuery } | { kind: 'ambient'; slideshowId: string };

export const DEFAULT_USER_SETTINGS: Readonly<UserSettings> = Object.freeze({
  intervalSeconds: 8,
  shuffle: false,
  loop: true,
});

const intervalSchema = z.number().int().min(MIN_INTERVAL_SECONDS).max(MAX_INTERVAL_SECONDS);
const hemisphereSchema = z.enum(['northern', 'southern']);
const timeZoneSchema = z.string().min(1).max(64).refine(isValidTimeZone, 'must be an IANA time zone');
const slideshowIdSchema = z.string().min(1).max(128);
const instantSchema = z.iso.datetime();
const ambientPositionSchema = z.object({
  slideshowId: slideshowIdSchema,
  index: z.number().int().nonnegative(),
});
/** Lists still worth tracking per owner: a few screens, each showing one slideshow at a time. */
export const MAX_TRACKED_LISTS = 8;
/** A slideshow is at most a few thousand items and a user hides a handful of them while watching. */
const MAX_REMOVED_PER_LIST = 1000;
const listLedgerSchema = z
  .object({
    listId: slideshowIdSchema,
    version: z.number().int().nonnegative(),
    removed: z.array(z.number().int().nonnegative()).max(MAX_REMOVED_PER_LIST),
  })
  .strict();
const slideshowListsSchema = z.array(listLedgerSchema).max(MAX_TRACKED_LISTS);
const lastSlideshowSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('query'), slideshowId: slideshowIdSchema, query: photoQuerySchema }),
  z.object({ kind: z.literal('ambient'), slideshowId: slideshowIdSchema }),
]);

/** Writes are validated strictly: a handler saving an impossible value is a bug, not user data. */
export const userSettingsSchema = z
  .object({
    intervalSeconds: intervalSchema,
    shuffle: z.boolean(),
    loop: z.boolean(),
    hemisphere: hemisphereSchema.optional(),
    timeZone: timeZoneSchema.optional(),
    ambientPosition: ambientPositionSchema.optional(),
    lastSlideshow: lastSlideshowSchema.optional(),
    dynamicEntitiesSentAt: instantSchema.optional(),
    slideshowLists: slideshowListsSchema.optional(),
  })
  .strict();

/**
 * Reads are forgiving, field by field: stored data may come from an older or newer version of the skill, or be
 * damaged. A field that does not validate falls back to its default on its own, so one bad value never costs the
 * user the rest of their settings, and nothing stored can make a request fail.
 */
const storedSettingsSchema = z.object({
  intervalSeconds: intervalSchema.catch(DEFAULT_USER_SETTINGS.intervalSeconds),
  shuffle: z.boolean().catch(DEFAULT_USER_SETTINGS.shuffle),
  loop: z.boolean().catch(DEFAULT_USER_SETTINGS.loop),
  hemisphere: hemisphereSchema.optional().catch(undefined),
  timeZone: timeZoneSchema.optional().catch(undefined),
  ambientPosition: ambientPositionSchema.optional().catch(undefined),
  lastSlideshow: lastSlideshowSchema.optional().catch(undefined),
  dynamicEntitiesSentAt: instantSchema.optional().catch(undefined),
  slideshowLists: slideshowListsSchema.optional().catch(undefined),
});

export function parseStoredSettings(stored: unknown): UserSettings {
  const source = typeof stored === 'object' && stored !== null && !Array.isArray(stored) ? stored : {};
  return withoutUndefined(storedSettingsSchema.parse(source));
}

/** Settings as a plain record for a store: absent optional fields are left out, not stored as null. */
export function withoutUndefined(settings: UserSettings): UserSettings {
  return Object.fromEntries(
    Object.entries(settings).filter(([, value]) => value !== undefined),
  ) as unknown as UserSettings;
}
