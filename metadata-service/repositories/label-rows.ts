import type { Transaction } from 'kysely';
import type { LabelSource, LeftOut, LibraryDatabase } from '../database/schema';
import type { LabelParents } from './photo-filters';

export interface LabelRecord {
  label: string;
  source: LabelSource;
  confidence: number;
}

/** What the searchable join rows copy from their photo (see schema.ts). */
export interface JoinCopy {
  takenLocal: string | null;
  leftOut: LeftOut;
  shuffleKey: number;
}

/**
 * Stores where each of a photo's labels came from and files the photo under each label and every parent of it,
 * one searchable row per label. Returns the labels it is filed under (for search_key_months).
 */
export async function insertLabels(
  trx: Transaction<LibraryDatabase>,
  ownerId: string,
  photoId: string,
  copy: JoinCopy,
  labels: readonly LabelRecord[],
  parentsOf: LabelParents,
): Promise<string[]> {
  if (labels.length === 0) return [];
  await trx
    .insertInto('photo_label_sources')
    .values(
      dedupeLabels(labels).map((l) => ({
        photo_id: photoId,
        label: l.label,
        source: l.source,
        confidence: l.confidence,
      })),
    )
    .onConflict((oc) => oc.columns(['photo_id', 'label', 'source']).doNothing())
    .execute();
  return fileUnderLabels(trx, ownerId, photoId, copy, parentsOf);
}

/**
 * Rebuilds a photo's searchable label rows from its label sources (after sources were added or removed), so the
 * rows always equal "its labels and their parents". Returns the labels it is now filed under.
 */
export async function fileUnderLabels(
  trx: Transaction<LibraryDatabase>,
  ownerId: string,
  photoId: string,
  copy: JoinCopy,
  parentsOf: LabelParents,
): Promise<string[]> {
  const sources = await trx
    .selectFrom('photo_label_sources')
    .select('label')
    .where('photo_id', '=', photoId)
    .execute();
  const filed = [...new Set(sources.flatMap((s) => [s.label, ...parentsOf(s.label)]))];
  await trx.deleteFrom('photo_labels').where('photo_id', '=', photoId).execute();
  if (filed.length === 0) return [];
  await trx
    .insertInto('photo_labels')
    .values(
      filed.map((label) => ({
        photo_id: photoId,
        label,
        owner_id: ownerId,
        taken_local: copy.takenLocal,
        left_out: copy.leftOut,
        shuffle_key: copy.shuffleKey,
      })),
    )
    .execute();
  return filed;
}

/** One row per (label, source), the most confident: the primary key would reject a repeat. */
function dedupeLabels(labels: readonly LabelRecord[]): LabelRecord[] {
  const byKey = new Map<string, LabelRecord>();
  for (const label of labels) {
    const key = `${label.source}\u0000${label.label}`;
    const existing = byKey.get(key);
    if (!existing || existing.confidence < label.confidence) byKey.set(key, label);
  }
  return [...byKey.values()];
}
