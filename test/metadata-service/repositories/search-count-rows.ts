import type { Kysely } from 'kysely';
import type { LibraryDatabase } from '../../../metadata-service/database/schema';
import { decodeMembers } from '../../../metadata-service/repositories/key-members';

/**
 * Every search_key_months row in key order, as a maintained-versus-rebuilt comparison needs it: counts as numbers
 * (PostgreSQL's bigint arrives as text) and member lists as the numbers they hold. Not as bytes: appends add
 * segments a rebuild writes as one (key-members.ts), the same numbers either way.
 */
export async function searchCountRows(db: Kysely<LibraryDatabase>) {
  const rows = await db
    .selectFrom('search_key_months')
    .selectAll()
    .orderBy('owner_id')
    .orderBy('kind')
    .orderBy('key')
    .orderBy('month')
    .orderBy('left_out')
    .execute();
  return rows.map((row) => ({
    ...row,
    photos: Number(row.photos),
    left_out: Number(row.left_out),
    members: row.members === null ? null : [...decodeMembers(row.members)],
  }));
}
