import type { Transaction } from 'kysely';
import type { LabelSource, LeftOut, LibraryDatabase } from '../database/schema';
import { suppressedLabelsOf } from '../labels/provenance/suppressions';
import { answersSearch } from '../labels/search-thresholds';
import type { LabelParents } from './photo-filters';

export interface LabelRecord {
  label: string;
  source: LabelSource;
  confidence: number;
  /** The source's own words: the keyword as written, the folder name, the sidecar text it was read from. */
  detail?: string;
}

/** What the searchable join rows copy from their photo (see schema.ts). */
export interface JoinCopy {
  takenLocal: string | null;
  leftOut: LeftOut;
  shuffleKey: number;
}

/** What a stored photo's searchable rows copy from it; undefined when the owner has no such photo. */
export async function joinCopyOf(
  trx: Transaction<LibraryDatabase>,
  ownerId: string,
  photoId: string,
): Promise<JoinCopy | undefined> {
  const photo = await trx
    .selectFrom('photos')
    .select(['taken_local', 'left_out', 'shuffle_key'])
    .where('owner_id', '=', ownerId)
    .where('id', '=', photoId)
    .executeTakeFirst();
  return photo && joinCopyOfRow(photo);
}

/** What a photo row's searchable join rows copy, from its columns as either engine returns them. */
export function joinCopyOfRow(photo: {
  taken_local: string | null;
  left_out: number | string;
  shuffle_key: number | string;
}): JoinCopy {
  return {
    takenLocal: photo.taken_local,
    leftOut: Number(photo.left_out),
    shuffleKey: Number(photo.shuffle_key),
  };
}

/**
 * Stores where each of these labels came from, with its confidence, and files the photo under each label that
 * answers a search (search-thresholds.ts) and every parent of it, one searchable row per label. Returns the labels
 * filed (for search_key_months). A photo that already had labels must be refiled with fileUnderLabels afterwards
 * (as a move does), which rebuilds its rows from all its sources. Labels the owner removed from the photo are
 * neither stored nor filed (labels/provenance/suppressions.ts), whichever source gives them again.
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
  const removed = await suppressedLabelsOf(trx, photoId);
  const kept = labels.filter((l) => !removed.has(l.label));
  if (kept.length === 0) return [];
  await trx
    .insertInto('photo_label_sources')
    .values(
      dedupeLabels(kept).map((l) => ({
        photo_id: photoId,
        label: l.label,
        source: l.source,
        confidence: l.confidence,
        detail: l.detail ?? null,
      })),
    )
    .onConflict((oc) => oc.columns(['photo_id', 'label', 'source']).doNothing())
    .execute();
  const filed = filedUnder(kept, parentsOf, removed);
  if (filed.length === 0) return [];
  await trx
    .insertInto('photo_labels')
    .values(filed.map((label) => searchableRow(ownerId, photoId, label, copy)))
    .onConflict((oc) => oc.columns(['photo_id', 'label']).doNothing())
    .execute();
  return filed;
}

/**
 * Rebuilds a photo's searchable label rows from its label sources (after sources were added or removed), so the
 * rows always equal "its labels that answer a search, and their parents". Returns the labels it is now filed under.
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
    .select(['label', 'source', 'confidence'])
    .where('photo_id', '=', photoId)
    .execute();
  const filed = filedUnder(sources, parentsOf, await suppressedLabelsOf(trx, photoId));
  await trx.deleteFrom('photo_labels').where('photo_id', '=', photoId).execute();
  if (filed.length === 0) return [];
  await trx
    .insertInto('photo_labels')
    .values(filed.map((label) => searchableRow(ownerId, photoId, label, copy)))
    .execute();
  return filed;
}

/**
 * Replaces the labels one source gave a photo (a move changes its folder labels, a new model its vision labels)
 * and refiles the photo under all its labels from every source.
 */
export async function replaceLabelsFrom(
  trx: Transaction<LibraryDatabase>,
  source: LabelSource,
  photo: { ownerId: string; photoId: string; copy: JoinCopy },
  labels: readonly LabelRecord[],
  parentsOf: LabelParents,
): Promise<void> {
  const { ownerId, photoId, copy } = photo;
  await trx
    .deleteFrom('photo_label_sources')
    .where('photo_id', '=', photoId)
    .where('source', '=', source)
    .execute();
  await insertLabels(trx, ownerId, photoId, copy, labels, parentsOf);
  await fileUnderLabels(trx, ownerId, photoId, copy, parentsOf);
}

/**
 * The labels a photo is filed under: each label some evidence makes answer a search, and every parent of each. A
 * label below its threshold stays in the sources only (it files no parent either: a 0.4 "dog" is no "animal").
 * A label the owner removed is not filed, not even as the parent of one kept ("not an animal" holds for a dog).
 */
function filedUnder(
  evidence: readonly LabelRecord[],
  parentsOf: LabelParents,
  removed: ReadonlySet<string>,
): string[] {
  const searchable = evidence.filter(answersSearch).map((e) => e.label);
  const filed = new Set(searchable.flatMap((label) => [label, ...parentsOf(label)]));
  return [...filed].filter((label) => !removed.has(label));
}

function searchableRow(ownerId: string, photoId: string, label: string, copy: JoinCopy) {
  return {
    photo_id: photoId,
    label,
    owner_id: ownerId,
    taken_local: copy.takenLocal,
    left_out: copy.leftOut,
    shuffle_key: copy.shuffleKey,
  };
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
