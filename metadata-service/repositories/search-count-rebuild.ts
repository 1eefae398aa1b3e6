import type { QueryExecutorProvider } from 'kysely';
import { rebuildKeyMembers } from './key-member-fill';
import { rebuildKeyMonthCounts, rebuildMediaCounts } from './key-month-counts';
import { numberUnnumberedPhotos } from './photo-numbers';
import { rebuildPlaceMonthCounts } from './place-month-counts';

/**
 * Everything search counts from, rebuilt from the stored photos on today's schema: photo numbers where missing, the
 * per-month counts of every kind, then the member lists (migration 0021, bulk loads, and the tests that check what
 * writes maintain against a rebuild). Older migrations call the count rebuilds of their own time instead.
 */
export async function rebuildSearchCounts(db: QueryExecutorProvider): Promise<void> {
  await numberUnnumberedPhotos(db);
  await rebuildKeyMonthCounts(db);
  await rebuildMediaCounts(db);
  await rebuildPlaceMonthCounts(db);
  await rebuildKeyMembers(db);
}
