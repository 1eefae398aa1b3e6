import type { TakenTimeSource } from '../../common/contracts';

export type { TakenTimeSource };
export type LabelSource = 'keyword' | 'folder' | 'sidecar' | 'vision';

/** Row types for Kysely. Times are ISO-8601 text so both SQLite and PostgreSQL store and compare them alike. */
export interface PhotosTable {
  id: string;
  owner_id: string;
  content_hash: string;
  bytes: number;
  /** Absolute folder the photo was ingested from. */
  source_root: string;
  /** Relative to source_root, '/'-separated. */
  source_path: string;
  source_uri: string;
  media_type: string;
  /** Displayed size: EXIF orientation applied. */
  width: number;
  height: number;
  orientation: number;
  /** Capture-local `YYYY-MM-DDTHH:mm:ss`. */
  taken_local: string | null;
  taken_utc: string | null;
  taken_time_source: TakenTimeSource;
  latitude: number | null;
  longitude: number | null;
  camera_make: string | null;
  camera_model: string | null;
  file_mtime: string;
  ingested_at: string;
}

export interface PhotoLabelsTable {
  photo_id: string;
  label: string;
  source: LabelSource;
  confidence: number;
}

export interface IngestSkipsTable {
  owner_id: string;
  source_root: string;
  source_path: string;
  reason_code: string;
  message: string;
  seen_at: string;
}

export interface LibraryDatabase {
  photos: PhotosTable;
  photo_labels: PhotoLabelsTable;
  ingest_skips: IngestSkipsTable;
}
