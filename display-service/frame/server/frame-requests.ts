import { z } from 'zod';
import { MAX_PAGE_SIZE, timeZoneSchema, viewportSchema } from '../../../common/contracts';

/** Bodies the frame and preview pages send, validated at the route. */
export const ambientFrameRequestSchema = z
  .object({
    viewport: viewportSchema,
    timeZone: timeZoneSchema.optional(),
    pageSize: z.number().int().min(1).max(MAX_PAGE_SIZE).default(10),
  })
  .strict();

export const queryFrameRequestSchema = z
  .object({
    q: z.string().trim().min(1).max(500),
    viewport: viewportSchema,
    timeZone: timeZoneSchema.optional(),
    shuffle: z.boolean().default(false),
    pageSize: z.number().int().min(1).max(MAX_PAGE_SIZE).default(10),
  })
  .strict();

export const previewRequestSchema = z
  .object({
    device: z.string().trim().min(1).max(64),
    q: z.string().trim().min(1).max(500).optional(),
    timeZone: timeZoneSchema.optional(),
  })
  .strict();

export const framePositionRequestSchema = z.object({ index: z.number().int().min(0) }).strict();
