import type { Transaction } from 'kysely';
import type { LibraryDatabase } from '../database/schema';
import { monthOf, type PhotoCountEntry } from '../repositories/key-month-counts';

/** Rows per statement when a change touches many photos: far below both engines' bound-parameter limits. */
export const CHUNK = 500;

export interface PhotoPerson {
  photoId: string;
  personId: string;
}

/**
 * Drops the photo_people rows that faces made for these photos (a re-analysis replaces their faces). Rows the
 * photos' own metadata made stay. The caller recounts search_key_months.
 */
export async function removeFaceLinks(
  trx: Transaction<LibraryDatabase>,
  photoIds: readonly string[],
): Promise<PhotoPerson[]> {
  const removed: PhotoPerson[] = [];
  for (const chunk of chunks(photoIds)) {
    const links = await trx
      .selectFrom('photo_people_by_face')
      .select(['photo_id', 'person_id'])
      .where('photo_id', 'in', chunk)
      .execute();
    for (const link of links) {
      await trx
        .deleteFrom('photo_people')
        .where('photo_id', '=', link.photo_id)
        .where('person_id', '=', link.person_id)
        .execute();
      removed.push({ photoId: link.photo_id, personId: link.person_id });
    }
    await trx.deleteFrom('photo_people_by_face').where('photo_id', 'in', chunk).execute();
  }
  return removed;
}

/**
 * Makes the face-made photo_people rows of these photos equal `desired` (photo → the people its faces belong to):
 * adds what is missing (unless the photo's metadata already links that person), removes what faces no longer
 * support. Returns the (person, month) counts that changed, for recountEntries.
 */
export async function syncFaceLinks(
  trx: Transaction<LibraryDatabase>,
  ownerId: string,
  desired: ReadonlyMap<string, ReadonlySet<string>>,
): Promise<PhotoCountEntry[]> {
  const changed = new Map<string, PhotoCountEntry>();
  const touch = (personId: string, takenLocal: string | null) => {
    const month = monthOf(takenLocal);
    changed.set(`${personId}\u0000${month}`, { ownerId, kind: 'person', key: personId, month });
  };
  for (const chunk of chunks([...desired.keys()])) {
    const [photos, byFace, linked] = await Promise.all([
      trx
        .selectFrom('photos')
        .select(['id', 'taken_local', 'left_out', 'shuffle_key'])
        .where('owner_id', '=', ownerId)
        .where('id', 'in', chunk)
        .execute(),
      trx
        .selectFrom('photo_people_by_face')
        .select(['photo_id', 'person_id'])
        .where('photo_id', 'in', chunk)
        .execute(),
      trx
        .selectFrom('photo_people')
        .select(['photo_id', 'person_id'])
        .where('photo_id', 'in', chunk)
        .execute(),
    ]);
    const exists = new Set(linked.map((l) => `${l.photo_id}\u0000${l.person_id}`));
    for (const photo of photos) {
      const wanted = desired.get(photo.id) ?? new Set<string>();
      for (const link of byFace.filter((l) => l.photo_id === photo.id && !wanted.has(l.person_id))) {
        await trx
          .deleteFrom('photo_people')
          .where('photo_id', '=', photo.id)
          .where('person_id', '=', link.person_id)
          .execute();
        await trx
          .deleteFrom('photo_people_by_face')
          .where('photo_id', '=', photo.id)
          .where('person_id', '=', link.person_id)
          .execute();
        touch(link.person_id, photo.taken_local);
      }
      const adding = [...wanted].filter((personId) => !exists.has(`${photo.id}\u0000${personId}`));
      if (adding.length === 0) continue;
      await trx
        .insertInto('photo_people')
        .values(
          adding.map((personId) => ({
            photo_id: photo.id,
            person_id: personId,
            taken_local: photo.taken_local,
            left_out: Number(photo.left_out),
            shuffle_key: Number(photo.shuffle_key),
          })),
        )
        .execute();
      await trx
        .insertInto('photo_people_by_face')
        .values(adding.map((personId) => ({ photo_id: photo.id, person_id: personId })))
        .execute();
      for (const personId of adding) touch(personId, photo.taken_local);
    }
  }
  return [...changed.values()];
}

export function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size) out.push(items.slice(start, start + size));
  return out;
}
