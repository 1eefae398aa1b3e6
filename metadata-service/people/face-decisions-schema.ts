import type { LibraryDatabase } from '../database/schema';

/**
 * The owner's answer to "is this X?" for one face (face-decisions-migration.ts): `confirmed` puts the face in that
 * named person whatever clustering would say, `rejected` keeps it out of them for good. Remembered by photo and
 * box as well as face id, so a face found again by a new model version (a new face id) keeps the answer.
 */
export interface FaceDecisionsTable {
  owner_id: string;
  person_id: string;
  face_id: string;
  photo_id: string;
  box_left: number;
  box_top: number;
  box_width: number;
  box_height: number;
  decision: 'confirmed' | 'rejected';
  decided_at: string;
}

/** The library's tables with the face decisions (kept beside their migration, as photo_sun is). */
export interface FaceDecisionsDatabase extends LibraryDatabase {
  face_decisions: FaceDecisionsTable;
}
