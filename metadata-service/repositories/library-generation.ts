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
  return generationOf(row?.generation);
}

/**
 * The generation a read of library_generations found: 0 when the owner has no row (never written). The search reads
 * it in the same statement as its people and albums check (photo-repository.ts), so it may come back as text.
 */
export function generationOf(value: string | number | bigint | undefined): number {
  return value === undefined ? 0 : Number(value);
}
