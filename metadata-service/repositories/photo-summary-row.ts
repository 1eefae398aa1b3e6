import type { PhotoSummary } from '../../common/contracts';
import type { PhotosTable } from '../database/schema';

/** The columns a PhotoSummary is read from (search pages select only these). */
export const PHOTO_SUMMARY_COLUMNS = [
  'id',
  'taken_local',
  'width',
  'height',
  'orientation',
  'source_path',
  'source_uri',
  'content_hash',
  'bytes',
  'media_kind',
  'duration_ms',
  'motion_kind',
  'motion_duration_ms',
] as const;

export type PhotoSummaryRow = Pick<PhotosTable, (typeof PHOTO_SUMMARY_COLUMNS)[number]>;

/** One mapping from a photos row to the contract's summary, for search pages and facts alike. */
export function toPhotoSummary(row: PhotoSummaryRow): PhotoSummary {
  return {
    id: row.id,
    takenLocal: row.taken_local,
    width: row.width,
    height: row.height,
    orientation: row.orientation,
    // PostgreSQL returns bigint columns as strings.
    source: {
      path: row.source_path,
      uri: row.source_uri,
      contentHash: row.content_hash,
      bytes: Number(row.bytes),
    },
    // Only clips say so: a photo's summary stays as it always was.
    ...(row.media_kind === 'video'
      ? { mediaKind: 'video' as const, durationMs: row.duration_ms === null ? null : Number(row.duration_ms) }
      : {}),
    // Live photos say so too (migration 0012); rows read before it have no such column.
    ...(row.motion_kind === 'live-photo' || row.motion_kind === 'motion-photo'
      ? { motion: { durationMs: row.motion_duration_ms === null ? null : Number(row.motion_duration_ms) } }
      : {}),
  };
}
