import { z } from 'zod';
import { photoQuerySchema, slideshowCaptionSchema, viewportSchema } from '../../common/contracts';
import type { SlideshowItemTable, SlideshowTable } from '../database/schema';
import type { ItemPhotoIds, Slideshow, SlideshowEntry } from './slideshow';

/** Columns of slideshow_items read back into entries. */
export const ENTRY_COLUMNS = [
  'item_index',
  'photo_id',
  'paired_photo_id',
  'taken_local',
  'caption_json',
] as const;

export type EntryRow = Pick<SlideshowItemTable, (typeof ENTRY_COLUMNS)[number]>;

/** What an ambient item adds to its row: the bag epoch it was drawn in, and the bag state after it (or null). */
export interface BagColumns {
  bagEpoch: number | null;
  bagState: string | null;
}

export function toItemRow(
  slideshowId: string,
  entry: SlideshowEntry,
  bag: BagColumns = { bagEpoch: null, bagState: null },
): SlideshowItemTable {
  return {
    slideshow_id: slideshowId,
    item_index: entry.index,
    photo_id: entry.photoIds[0],
    paired_photo_id: entry.photoIds[1] ?? null,
    taken_local: entry.takenLocal,
    // The clip's facts ride in the same JSON (no migration): older rows simply have none.
    caption_json: JSON.stringify({
      ...entry.caption,
      ...(entry.clip ? { clip: entry.clip } : {}),
      ...(entry.motion ? { motion: entry.motion } : {}),
    }),
    bag_epoch: bag.bagEpoch,
    bag_state: bag.bagState,
  };
}

export function fromEntryRow(row: EntryRow): SlideshowEntry {
  const photoIds: ItemPhotoIds =
    row.paired_photo_id === null ? [row.photo_id] : [row.photo_id, row.paired_photo_id];
  const stored = row.caption_json === null ? {} : storedMovingOf(row.caption_json);
  return {
    ...(stored.clip ? { clip: stored.clip } : {}),
    ...(stored.motion ? { motion: stored.motion } : {}),
    // PostgreSQL drivers may return integers as strings; SQLite returns numbers.
    index: Number(row.item_index),
    photoIds,
    takenLocal: row.taken_local,
    caption:
      row.caption_json === null
        ? // Stored before captions existed: the date is all we know without asking the library.
          { takenLocal: row.taken_local, place: null, people: [] }
        : slideshowCaptionSchema.parse(JSON.parse(row.caption_json)),
  };
}

const storedMovingSchema = z.object({
  clip: z.object({ durationMs: z.number().int().nonnegative().nullable() }).optional(),
  motion: z.object({ durationMs: z.number().int().nonnegative().nullable() }).optional(),
});

function storedMovingOf(captionJson: string): Pick<SlideshowEntry, 'clip' | 'motion'> {
  const parsed = storedMovingSchema.safeParse(JSON.parse(captionJson));
  return parsed.success ? parsed.data : {};
}

export function toSlideshowRow(slideshow: Slideshow): SlideshowTable {
  return {
    id: slideshow.id,
    owner_id: slideshow.ownerId,
    query_json: JSON.stringify(slideshow.query),
    viewport_width: slideshow.viewport.width,
    viewport_height: slideshow.viewport.height,
    viewport_shape: slideshow.viewport.shape,
    device_id: slideshow.deviceId,
    total: slideshow.total,
    span_first: slideshow.span?.first ?? null,
    span_last: slideshow.span?.last ?? null,
    created_at: slideshow.createdAt,
    kind: slideshow.kind,
    photo_count: slideshow.photoCount,
    position: slideshow.ambient?.position ?? 0,
    memories: slideshow.ambient === null ? null : Number(slideshow.ambient.memories),
    time_zone: slideshow.ambient?.timeZone ?? null,
  };
}

export function fromSlideshowRow(row: SlideshowTable): Slideshow {
  const ambient = row.kind === 'ambient';
  return {
    id: row.id,
    ownerId: row.owner_id,
    kind: ambient ? 'ambient' : 'playlist',
    query: photoQuerySchema.parse(JSON.parse(row.query_json)),
    viewport: viewportSchema.parse({
      width: Number(row.viewport_width),
      height: Number(row.viewport_height),
      shape: row.viewport_shape,
    }),
    deviceId: row.device_id,
    total: Number(row.total),
    photoCount: Number(row.photo_count),
    span: row.span_first && row.span_last ? { first: row.span_first, last: row.span_last } : null,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at ?? null,
    ambient: ambient
      ? {
          memories: Number(row.memories) === 1,
          timeZone: row.time_zone ?? 'UTC',
          position: Number(row.position),
        }
      : null,
  };
}
