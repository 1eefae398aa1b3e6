import { sql, type QueryExecutorProvider, type Transaction } from 'kysely';
import type { LibraryDatabase } from '../database/schema';

/**
 * Photo numbers (migration 0021): each photo gets a number from its owner's counter, one greater than any before,
 * never reused. Member lists (key-members.ts) hold these numbers; because they only grow, appending a batch's new
 * numbers to a list keeps it ascending.
 *
 * On PostgreSQL the counter's row stays locked until the batch commits, so an owner's batches take and commit their
 * numbers in the same order: a batch that took larger numbers can never append them before a smaller batch's.
 */

/** Takes `count` numbers for the owner's new photos: the first of them (the rest follow it). */
export async function takePhotoNumbers(
  trx: Transaction<LibraryDatabase>,
  ownerId: string,
  count: number,
): Promise<number> {
  const row = await trx
    .insertInto('photo_numbers')
    .values({ owner_id: ownerId, last_number: count })
    .onConflict((oc) =>
      oc.column('owner_id').doUpdateSet({
        last_number: sql<number>`photo_numbers.last_number + excluded.last_number`,
      }),
    )
    .returning('last_number')
    .executeTakeFirstOrThrow();
  return Number(row.last_number) - count + 1;
}

/**
 * Numbers every photo without a number (photos stored before migration 0021, bulk loads), after the owner's
 * numbers so far and in (ingested_at, id) order, and sets the counters past them.
 */
export async function numberUnnumberedPhotos(db: QueryExecutorProvider): Promise<void> {
  await sql`update photos set photo_number = numbered.number
    from (
      select p.id, coalesce(c.last_number, 0) + row_number() over (partition by p.owner_id order by p.ingested_at, p.id) as number
      from photos p left join photo_numbers c on c.owner_id = p.owner_id
      where p.photo_number is null
    ) as numbered
    where photos.id = numbered.id`.execute(db);
  await sql`insert into photo_numbers (owner_id, last_number)
    select owner_id, max(photo_number) from photos group by owner_id
    on conflict (owner_id) do update set last_number = case
      when excluded.last_number > photo_numbers.last_number then excluded.last_number
      else photo_numbers.last_number end`.execute(db);
}
