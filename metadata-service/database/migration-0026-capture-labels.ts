import { PostgresAdapter, sql, type Kysely, type Migration } from 'kysely';
import { fileStoredCaptureLabels } from '../repositories/capture-label-filing';

/**
 * "Show my screenshots" and "show my selfies" found nothing: ingest now labels how a photo was made
 * (ingest/capture-labels.ts). The stills stored before are filed at once under what their columns show
 * (screenshots, panoramas), and listed in capture_pending for the next full ingest run to read their files for the
 * rest (a selfie's lens, a greyscale encoding: ingest/capture-backfill.ts).
 */
export const captureLabelsMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    if (db.getExecutor().adapter instanceof PostgresAdapter) {
      await sql`set local statement_timeout = 0`.execute(db);
    }
    await db.schema
      .createTable('capture_pending')
      .addColumn('photo_id', 'text', (c) => c.primaryKey())
      .execute();
    await sql`insert into capture_pending (photo_id) select id from photos where media_kind = 'photo'`.execute(
      db,
    );
    await fileStoredCaptureLabels(db);
  },
  // No down: the rows filed here cannot be told from rows ingest wrote.
};
