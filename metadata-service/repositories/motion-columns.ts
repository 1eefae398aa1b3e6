import type { PhotoFacts } from '../../common/contracts';
import type { PhotosTable } from '../database/schema';
import type { MotionPart } from '../ingest/live-photos/motion-part';

type MotionColumns = Pick<
  PhotosTable,
  'motion_kind' | 'motion_uri' | 'motion_path' | 'motion_offset' | 'motion_bytes' | 'motion_duration_ms'
>;

/** A live photo's motion part as photos columns (migration 0012); all null for other photos. */
export function motionColumns(motion: MotionPart | undefined): MotionColumns {
  return {
    motion_kind: motion?.kind ?? null,
    motion_uri: motion?.uri ?? null,
    motion_path: motion?.path ?? null,
    motion_offset: motion?.offset ?? null,
    motion_bytes: motion?.bytes ?? null,
    motion_duration_ms: motion?.durationMs ?? null,
  };
}

/**
 * The facts' motion part: a motion photo's video is inside the photo's own file, so its URI is the photo's (and
 * follows it when the photo moves). PostgreSQL returns bigint columns as strings.
 */
export function motionFacts(row: MotionColumns & Pick<PhotosTable, 'source_uri'>): PhotoFacts['motionPart'] {
  if (row.motion_kind === null || row.motion_offset === null || row.motion_bytes === null) return null;
  return {
    kind: row.motion_kind,
    uri: row.motion_uri ?? row.source_uri,
    offset: Number(row.motion_offset),
    bytes: Number(row.motion_bytes),
    durationMs: row.motion_duration_ms === null ? null : Number(row.motion_duration_ms),
  };
}
