import type { LibraryDatabase } from '../../database/schema';

/** A label the owner removed from one photo (provenance-migration.ts). */
export interface LabelSuppressionsTable {
  owner_id: string;
  photo_id: string;
  source_root: string;
  source_path: string;
  label: string;
  removed_at: string;
}

/** A face the owner removed from one photo: its box, so the same face found again is dropped too. */
export interface FaceSuppressionsTable {
  face_id: string;
  owner_id: string;
  photo_id: string;
  source_root: string;
  source_path: string;
  box_left: number;
  box_top: number;
  box_width: number;
  box_height: number;
  removed_at: string;
}

/** The library's tables with the removal tables (kept beside their migration, as photo_sun is). */
export interface ProvenanceDatabase extends LibraryDatabase {
  label_suppressions: LabelSuppressionsTable;
  face_suppressions: FaceSuppressionsTable;
}
