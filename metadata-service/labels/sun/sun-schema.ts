import type { LibraryDatabase } from '../../database/schema';

/**
 * What the sun labeller did with a photo: 'labelled' (looked, with or without labels), 'no-time' (no capture time
 * or only the file's date), 'no-place' (no GPS and no city), 'unreadable' (the picture could not be decoded).
 */
export type SunOutcome = 'labelled' | 'no-time' | 'no-place' | 'unreadable';

/** One row per photo the sun labeller has looked at (sun-migration.ts). */
export interface PhotoSunTable {
  photo_id: string;
  owner_id: string;
  labeller_version: string;
  /** The capture facts the outcome was worked out from; a photo whose facts changed is looked at again. */
  inputs: string;
  outcome: SunOutcome;
  /** JSON SunEvidence[] plus the moment (see sun-repository.ts); null when no moment could be found. */
  evidence: string | null;
  labelled_at: string;
}

/** The library's tables with photo_sun (kept here, beside its migration, so the library schema stays as it was). */
export interface SunLabelDatabase extends LibraryDatabase {
  photo_sun: PhotoSunTable;
}
