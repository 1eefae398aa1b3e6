import type { Kysely, Transaction } from 'kysely';
import type { LibraryDatabase } from '../../database/schema';
import type { ProvenanceDatabase } from './provenance-schema';

/** A face box in fractions of the upright photo. */
export interface SuppressedBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Boxes overlapping this much (intersection over union) are the same face found again. */
export const SAME_FACE_OVERLAP = 0.5;

type AnyLibrary = Kysely<LibraryDatabase> | Transaction<LibraryDatabase>;

/** The removal tables are declared beside their migration; the rows live in the library's own database. */
function withRemovals(db: AnyLibrary): Kysely<ProvenanceDatabase> {
  return db as unknown as Kysely<ProvenanceDatabase>;
}

/**
 * Labels the owner removed from this photo (by its id, or by its place in the library: a changed file is a new id
 * at the same path). Empty for a photo that is not stored.
 */
export async function suppressedLabelsOf(db: AnyLibrary, photoId: string): Promise<Set<string>> {
  const rows = await withRemovals(db)
    .selectFrom('label_suppressions as s')
    .innerJoin('photos as p', (join) => join.onRef('p.owner_id', '=', 's.owner_id'))
    .select('s.label')
    .where('p.id', '=', photoId)
    .where((eb) =>
      eb.or([
        eb('s.photo_id', '=', eb.ref('p.id')),
        eb.and([
          eb('s.source_root', '=', eb.ref('p.source_root')),
          eb('s.source_path', '=', eb.ref('p.source_path')),
        ]),
      ]),
    )
    .execute();
  return new Set(rows.map((row) => row.label));
}

/** Boxes of the faces the owner removed from this photo (by id or by path, as for labels). */
export async function suppressedFaceBoxesOf(db: AnyLibrary, photoId: string): Promise<SuppressedBox[]> {
  const rows = await withRemovals(db)
    .selectFrom('face_suppressions as s')
    .innerJoin('photos as p', (join) => join.onRef('p.owner_id', '=', 's.owner_id'))
    .select(['s.box_left', 's.box_top', 's.box_width', 's.box_height'])
    .where('p.id', '=', photoId)
    .where((eb) =>
      eb.or([
        eb('s.photo_id', '=', eb.ref('p.id')),
        eb.and([
          eb('s.source_root', '=', eb.ref('p.source_root')),
          eb('s.source_path', '=', eb.ref('p.source_path')),
        ]),
      ]),
    )
    .execute();
  return rows.map((row) => ({
    left: Number(row.box_left),
    top: Number(row.box_top),
    width: Number(row.box_width),
    height: Number(row.box_height),
  }));
}

/** The faces that are not a removed face found again (overlap at least SAME_FACE_OVERLAP with a removed box). */
export function withoutSuppressedFaces<Face extends { box: SuppressedBox }>(
  faces: readonly Face[],
  removed: readonly SuppressedBox[],
): Face[] {
  if (removed.length === 0) return [...faces];
  return faces.filter((face) => !removed.some((box) => overlap(face.box, box) >= SAME_FACE_OVERLAP));
}

/** Intersection over union of two boxes; 0 when either is empty. */
export function overlap(a: SuppressedBox, b: SuppressedBox): number {
  const width = Math.min(a.left + a.width, b.left + b.width) - Math.max(a.left, b.left);
  const height = Math.min(a.top + a.height, b.top + b.height) - Math.max(a.top, b.top);
  if (width <= 0 || height <= 0) return 0;
  const intersection = width * height;
  const union = a.width * a.height + b.width * b.height - intersection;
  return union > 0 ? intersection / union : 0;
}
