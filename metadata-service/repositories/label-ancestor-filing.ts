import { sql, type QueryExecutorProvider } from 'kysely';
import { recountLabel } from './key-month-counts';

/** A label's broader labels, nearest first (the vocabulary's `ancestorsOf`). */
export type LabelAncestors = (label: string) => readonly string[];

/**
 * Files every stored photo under the ancestors its searchable labels have in today's vocabulary, and recounts each
 * label that gained photos (its month counts and member lists). Photos are filed under a label's parents when they
 * are written; this is for a vocabulary change that gives a label a new parent (dogs and cats became pets), so the
 * photos already stored answer the new parent as new ones do. Rows are only added, never removed, and a label the
 * owner removed from a photo is not filed again. Returns the labels that gained photos.
 */
export async function fileStoredLabelsUnderAncestors(
  db: QueryExecutorProvider,
  ancestorsOf: LabelAncestors,
): Promise<string[]> {
  const stored = await sql<{ label: string }>`select distinct label from photo_labels`.execute(db);
  const childrenOf = new Map<string, string[]>();
  for (const { label } of stored.rows) {
    for (const ancestor of ancestorsOf(label))
      childrenOf.set(ancestor, [...(childrenOf.get(ancestor) ?? []), label]);
  }
  const gained: string[] = [];
  for (const [ancestor, children] of [...childrenOf].sort(([a], [b]) => a.localeCompare(b))) {
    const filed =
      await sql`insert into photo_labels (photo_id, label, owner_id, taken_local, left_out, shuffle_key)
      select distinct l.photo_id, ${ancestor}, l.owner_id, l.taken_local, l.left_out, l.shuffle_key
      from photo_labels l join photos p on p.id = l.photo_id
      where l.label in (${sql.join(children)})
        and not exists (select 1 from label_suppressions s
          where s.owner_id = p.owner_id and s.label = ${ancestor}
            and (s.photo_id = p.id or (s.source_root = p.source_root and s.source_path = p.source_path)))
      on conflict (photo_id, label) do nothing`.execute(db);
    if ((filed.numAffectedRows ?? 0n) === 0n) continue;
    gained.push(ancestor);
    await recountLabel(db, ancestor);
  }
  return gained;
}
