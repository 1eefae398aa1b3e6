import type { Kysely, Migration } from 'kysely';

/**
 * Issue 6: a label can be hidden for frames, like a person or an album ("never show the hospital photos"): photos
 * carrying it are left out of every search that does not ask for that label by name.
 */
export const hiddenLabelsMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('hidden_labels')
      .addColumn('owner_id', 'text', (c) => c.notNull())
      .addColumn('label', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('hidden_labels_pk', ['owner_id', 'label'])
      .execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('hidden_labels').execute();
  },
};
