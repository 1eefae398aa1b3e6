import { sql, type Kysely, type Migration } from 'kysely';
import { ancestorsOf } from '../../common/vocabulary';
import { rebuildKeyMonthCounts } from '../repositories/key-month-counts';

/*
 * Issue 3 (search at a million photos) and issue 5 ("hide this"):
 * - `is_screenshot` becomes `left_out`, a small bit set of reasons a photo stays out of ordinary searches:
 *   1 = screenshot, 2 = hidden by its owner. "Screenshots excluded" is `left_out = 0`, "included" is
 *   `left_out in (0, 1)`; a hidden photo matches neither, so it never reaches a frame again, whatever the query.
 * - `photo_labels` becomes one searchable row per (photo, label), parents included ("dog" also files the photo
 *   under "animal"), so a label search never needs DISTINCT; where each label came from moves to
 *   `photo_label_sources`.
 * - Shuffle indexes: every driver table gains an index ordered by shuffle_key, which seeded shuffles walk in
 *   buckets (repositories/shuffle-page.ts) instead of sorting every match.
 * - `search_key_months`: photos per (owner, label/person/album/all, capture month, left_out), so a search counts
 *   a key's 300,000 matches by adding up ~120 month rows instead of reading 300,000 index entries.
 */
export const searchableRowsMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    for (const table of ['photos', 'photo_people', 'photo_albums']) {
      await db.schema.alterTable(table).renameColumn('is_screenshot', 'left_out').execute();
    }

    await db.schema
      .createTable('photo_label_sources')
      .addColumn('photo_id', 'text', (c) => c.notNull().references('photos.id').onDelete('cascade'))
      .addColumn('label', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('confidence', 'double precision', (c) => c.notNull())
      .addPrimaryKeyConstraint('photo_label_sources_pk', ['photo_id', 'label', 'source'])
      .execute();
    await sql`insert into photo_label_sources (photo_id, label, source, confidence)
      select photo_id, label, source, confidence from photo_labels`.execute(db);

    await db.schema.dropTable('photo_labels').execute();
    await db.schema
      .createTable('photo_labels')
      .addColumn('photo_id', 'text', (c) => c.notNull().references('photos.id').onDelete('cascade'))
      .addColumn('label', 'text', (c) => c.notNull())
      .addColumn('owner_id', 'text', (c) => c.notNull())
      .addColumn('taken_local', 'text')
      .addColumn('left_out', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('shuffle_key', 'bigint', (c) => c.notNull().defaultTo(0))
      .addPrimaryKeyConstraint('photo_labels_pk', ['photo_id', 'label'])
      .execute();
    const fileUnder = async (label: string, from: readonly string[]) => {
      await sql`insert into photo_labels (photo_id, label, owner_id, taken_local, left_out, shuffle_key)
        select distinct p.id, ${label}, p.owner_id, p.taken_local, p.left_out, p.shuffle_key
        from photo_label_sources s join photos p on p.id = s.photo_id
        where s.label in (${sql.join(from)})
        on conflict (photo_id, label) do nothing`.execute(db);
    };
    const stored = await sql<{ label: string }>`select distinct label from photo_label_sources`.execute(db);
    for (const { label } of stored.rows) {
      await fileUnder(label, [label]);
      for (const ancestor of ancestorsOf(label)) await fileUnder(ancestor, [label]);
    }

    // Chronological pages of one label (newest/oldest, with or without dates), from the index alone.
    await sql`create index photo_labels_owner_label_idx on photo_labels (owner_id, label, left_out, taken_local, photo_id, shuffle_key)`.execute(
      db,
    );
    // Seeded shuffles walk these in shuffle_key buckets.
    await sql`create index photo_labels_owner_label_shuffle_idx on photo_labels (owner_id, label, left_out, shuffle_key, photo_id, taken_local)`.execute(
      db,
    );
    await sql`create index photo_people_person_shuffle_idx on photo_people (person_id, left_out, shuffle_key, photo_id, taken_local)`.execute(
      db,
    );
    await sql`create index photo_albums_album_shuffle_idx on photo_albums (album_id, left_out, shuffle_key, photo_id, taken_local)`.execute(
      db,
    );
    await sql`create index photos_owner_shuffle_idx on photos (owner_id, left_out, shuffle_key, id, taken_local)`.execute(
      db,
    );

    await db.schema
      .createTable('search_key_months')
      .addColumn('owner_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('key', 'text', (c) => c.notNull())
      // `YYYY-MM` of taken_local; '' for undated photos.
      .addColumn('month', 'text', (c) => c.notNull())
      .addColumn('left_out', 'integer', (c) => c.notNull())
      .addColumn('photos', 'integer', (c) => c.notNull())
      .addColumn('first_taken', 'text')
      .addColumn('last_taken', 'text')
      .addPrimaryKeyConstraint('search_key_months_pk', ['owner_id', 'kind', 'key', 'month', 'left_out'])
      .execute();
    await rebuildKeyMonthCounts(db);
  },
  // No down: label provenance and searchable rows were split; going back would need the old 0002 columns rebuilt.
};
