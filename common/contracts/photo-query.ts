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

/** What the user asked for, after the skill resolved the slots. Date range is [takenFrom, takenTo). */
export const photoQuerySchema = z
  .object({
    labels: z.array(labelSchema).max(10).default([]),
    takenFrom: localDateTimeSchema.optional(),
    takenTo: localDateTimeSchema.optional(),
  })
  .strict()
  .refine((q) => !q.takenFrom || !q.takenTo || q.takenFrom < q.takenTo, {
    message: 'takenFrom must be before takenTo',
    path: ['takenTo'],
  });

export type PhotoQuery = z.output<typeof photoQuerySchema>;

/** Owners (tenants) are opaque ids; every library and display call is scoped to exactly one. */
export const ownerIdSchema = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[A-Za-z0-9._:-]+$/, 'must be an owner id');
