import type { Kysely } from 'kysely';
import type { LibraryDatabase } from '../database/schema';
import { recountAround } from './key-month-counts';
import { joinCopyOfRow, replaceLabelsFrom, type LabelRecord } from './label-rows';
import type { LabelParents } from './photo-filters';

/** What a photo's metadata says in words: what a sidecar edit (tags, a caption, stars) changes. */
export interface TextFacts {
  title: string | null;
  description: string | null;
  rating: number | null;
  /** Keyword labels (embedded and sidecar keywords, hierarchical ones included): replace the stored ones. */
  keywordLabels: readonly LabelRecord[];
  /** Labels read from the title and description: replace the stored ones. */
  textLabels: readonly LabelRecord[];
}

/**
 * Rewrites the text facts of a stored photo in one transaction, keeping everything else it has (id, flags, date,
 * place, people, albums, vision and folder labels): a photo's bytes are read once, but a tagging tool (digiKam,
 * darktable, Lightroom) keeps editing its XMP sidecar. Labels are refiled and the per-month counts of every key the
 * photo was or now is under are recounted, as a move does. False when the owner has no such photo.
 */
export async function refreshTextFacts(
  db: Kysely<LibraryDatabase>,
  labelParents: LabelParents,
  photo: { ownerId: string; photoId: string },
  facts: TextFacts,
): Promise<boolean> {
  const { ownerId, photoId } = photo;
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('photos')
      .select(['taken_local', 'left_out', 'shuffle_key'])
      .where('owner_id', '=', ownerId)
      .where('id', '=', photoId)
      .executeTakeFirst();
    if (!row) return false;
    await recountAround(trx, ownerId, [photoId], async () => {
      await trx
        .updateTable('photos')
        .set({ title: facts.title, description: facts.description, rating: facts.rating })
        .where('owner_id', '=', ownerId)
        .where('id', '=', photoId)
        .execute();
      const copy = joinCopyOfRow(row);
      const target = { ownerId, photoId, copy };
      await replaceLabelsFrom(trx, 'keyword', target, facts.keywordLabels, labelParents);
      await replaceLabelsFrom(trx, 'sidecar', target, facts.textLabels, labelParents);
    });
    return true;
  });
}
