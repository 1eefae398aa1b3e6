import { z } from 'zod';
import { personIdSchema, type PhotoQuery } from '../../common/contracts';
import { clipSharePercentSchema } from '../slideshows/ambient/clip-share';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const albumIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'must be an album id');

/** What a frame shows: the whole library (ambient), the owner's favourites, one person, one album, or free text. */
export const frameShowsSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('everything') }).strict(),
  z.object({ kind: z.literal('favourites') }).strict(),
  z.object({ kind: z.literal('person'), personId: personIdSchema }).strict(),
  z.object({ kind: z.literal('album'), albumId: albumIdSchema }).strict(),
  z.object({ kind: z.literal('query'), q: z.string().trim().min(1).max(500) }).strict(),
]);
export type FrameShows = z.output<typeof frameShowsSchema>;

/** The settings an owner gives one frame in the web app (the same ones the frame's own settings panel has). */
export const frameProfileSettingsSchema = z
  .object({
    shows: frameShowsSchema.default({ kind: 'everything' }),
    intervalSeconds: z.number().int().min(1).max(3600).default(10),
    captions: z.boolean().default(true),
    clock: z.boolean().default(false),
    /** Night dimming from `dimFrom` to `dimTo` (the frame's local time, may span midnight) down to `dimLevel`. */
    dim: z.boolean().default(false),
    dimFrom: z.string().regex(TIME, 'must be HH:MM').default('22:00'),
    dimTo: z.string().regex(TIME, 'must be HH:MM').default('07:00'),
    dimLevel: z.number().min(0).max(0.95).default(0.75),
    /** Share of the ambient frame's items that are clips (0 none, 100 clips only); absent: the display's default. */
    clipSharePercent: clipSharePercentSchema.optional(),
  })
  .strict();
export type FrameProfileSettings = z.output<typeof frameProfileSettingsSchema>;

/** A frame's stored profile: its settings, what `shows` became, in words, and a version that changes on each save. */
export interface FrameProfile extends FrameProfileSettings {
  deviceId: string;
  /**
   * The library filter `shows` became when it was saved (free text is read once, then kept: "last summer" stays
   * the summer it meant that day); null: the whole library. The ambient shuffle adds its own order and seed.
   */
  selection: PhotoQuery | null;
  /** What the frame shows, in words ("Photos of Anna", "beach last summer"). */
  showsText: string;
  version: string;
  updatedAt: string;
}
