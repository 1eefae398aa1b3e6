import type { Kysely } from 'kysely';
import type { LibraryDatabase } from '../database/schema';

/**
 * The owner's library generation (migration 0018): the database bumps it in every transaction that changes what
 * free text reads (names, places, capture times, hidden state, photo counts). 0 for an owner never written. One
 * primary-key read.
 */
export async function libraryGeneration(db: Kysely<LibraryDatabase>, ownerId: string): Promise<number> {
  const row = await db
    .selectFrom('library_generations')
    .select('generation')
    .where('owner_id', '=', ownerId)
    .executeTakeFirst();
  return row === undefined ? 0 : Number(row.generation);
}
