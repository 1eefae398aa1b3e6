import { PostgresAdapter, sql, type Kysely, type Migration } from 'kysely';
import { ancestorsOf } from '../../common/vocabulary';
import { fileStoredLabelsUnderAncestors } from '../repositories/label-ancestor-filing';

/**
 * Dogs and cats became pets ("photos of my pets" found nothing in a library full of dogs): stored photos are filed
 * under the parents their labels have now, and the labels that gained photos are recounted.
 */
export const labelAncestorsMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    if (db.getExecutor().adapter instanceof PostgresAdapter) {
      await sql`set local statement_timeout = 0`.execute(db);
    }
    await fileStoredLabelsUnderAncestors(db, ancestorsOf);
  },
  // No down: rows filed under a parent cannot be told from rows written with it.
};
