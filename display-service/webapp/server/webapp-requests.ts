import { z } from 'zod';
import { FRAME_LINK_CODE_DIGITS, personIdSchema, timeZoneSchema } from '../../../common/contracts';
import { frameProfileSettingsSchema } from '../../profiles/frame-profile';

/** Bodies and queries the web app's browser code sends, validated at the route. */
export const searchRequestSchema = z
  .object({
    q: z.string().trim().min(1).max(500).optional(),
    /** Browse instead of free text: one person, one album, favourites, or a year. */
    personId: personIdSchema.optional(),
    albumId: z
      .string()
      .min(1)
      .max(64)
      .regex(/^[A-Za-z0-9_-]+$/)
      .optional(),
    favourites: z.boolean().optional(),
    year: z.number().int().min(1826).max(2200).optional(),
    timeZone: timeZoneSchema.optional(),
    cursor: z.string().min(1).max(2000).optional(),
  })
  .strict()
  .refine(
    (r) =>
      [r.q, r.personId, r.albumId, r.favourites === true ? true : undefined, r.year].filter(
        (v) => v !== undefined,
      ).length === 1,
    { message: 'give exactly one of q, personId, albumId, favourites, year' },
  );
export type WebAppSearchRequest = z.output<typeof searchRequestSchema>;

export const linkRequestSchema = z
  .object({
    code: z
      .string()
      .trim()
      .regex(new RegExp(`^\\d{${FRAME_LINK_CODE_DIGITS}}$`), 'must be the code'),
  })
  .strict();

export const profileRequestSchema = z
  .object({
    deviceId: z.string().min(1).max(512),
    settings: frameProfileSettingsSchema,
    timeZone: timeZoneSchema.optional(),
  })
  .strict();

export const deviceQuerySchema = z.object({ deviceId: z.string().min(1).max(512) }).strict();
