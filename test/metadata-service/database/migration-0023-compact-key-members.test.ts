import assert from 'node:assert/strict';
import { photoQuerySchema } from '../../../common/contracts';
import { ancestorsOf } from '../../../common/vocabulary';
import { migrateToLatest, openDatabase } from '../../../common/database';
import { LIBRARY_MIGRATIONS, migrateLibraryDatabase } from '../../../metadata-service/database/migrations';
import type { LibraryDatabase } from '../../../metadata-service/database/schema';
import { decodeMembers } from '../../../metadata-service/repositories/key-members';
import { PhotoRepository } from '../../../metadata-service/repositories/photo-repository';
import { scratchEngines } from '../../support/scratch-databases';
import { silentLogger } from '../support/fixtures';
import { keywords, photoRecord } from '../repositories/photo-records';

/** A list as migrations 0021-0022 wrote it: 4-byte big-endian numbers. */
function fourByteList(numbers: readonly number[]): Buffer {
  const bytes = Buffer.alloc(4 * numbers.length);
  numbers.forEach((number, i) => bytes.writeUInt32BE(number, 4 * i));
  return bytes;
}

for (const engine of scratchEngines()) {
  describe(`library migration 0023 (compact member lists) on lists written by 0022, ${engine.name}`, () => {
    it('rewrites every list as varint gaps, and intersections count as before', async () => {
      const scratch = await engine.create();
      const db = openDatabase<LibraryDatabase>(scratch.location);
      try {
        await migrateToLatest(
          db,
          'library',
          Object.fromEntries(Object.entries(LIBRARY_MIGRATIONS).filter(([name]) => name < '0023')),
        );
        // Filed under the parents as the library files them, so the migrations after 0023 have nothing to add.
        const repo = new PhotoRepository(db, { memberLists: false, labelParents: ancestorsOf });
        for (let i = 0; i < 30; i += 1) {
          await repo.insertPhoto(
            photoRecord(i % 4 === 3 ? 'bob' : 'alice', `ph_${i}`, {
              takenLocal: `2024-0${1 + (i % 3)}-1${i % 10}T10:00:00`,
            }),
            keywords(...(i % 2 === 0 ? ['dog', 'beach'] : ['dog'])),
          );
        }
        const rows = await db
          .selectFrom('search_key_months')
          .select(['owner_id', 'kind', 'key', 'month', 'left_out', 'members'])
          .where('members', 'is not', null)
          .execute();
        const listed = new Map(
          rows.map((row) => [
            JSON.stringify([row.owner_id, row.kind, row.key, row.month, row.left_out]),
            row,
          ]),
        );
        const dogAndBeach = photoQuerySchema.parse({ labels: ['dog', 'beach'] });
        // What the library answers before its lists are turned back into 0022's format.
        const before = await new PhotoRepository(db, { memberLists: false }).search('alice', dogAndBeach, {
          limit: 100,
          offset: 0,
        });

        // Every list back to the 0022 format, as a library written by 0022's code holds it.
        for (const row of rows) {
          await db
            .updateTable('search_key_months')
            .set({ members: fourByteList([...decodeMembers(row.members ?? new Uint8Array())]) })
            .where('owner_id', '=', row.owner_id)
            .where('kind', '=', row.kind)
            .where('key', '=', row.key)
            .where('month', '=', row.month)
            .where('left_out', '=', row.left_out)
            .execute();
        }
        await migrateLibraryDatabase(db, silentLogger);

        const after = await db
          .selectFrom('search_key_months')
          .select(['owner_id', 'kind', 'key', 'month', 'left_out', 'members'])
          .where('members', 'is not', null)
          .execute();
        assert.equal(after.length, rows.length);
        for (const row of after) {
          const original = listed.get(
            JSON.stringify([row.owner_id, row.kind, row.key, row.month, row.left_out]),
          );
          const stored = Buffer.from(row.members ?? []);
          assert.equal(stored[0], 0, `${row.kind} ${row.key} ${row.month}: a segment`);
          assert.deepEqual(
            [...decodeMembers(stored)],
            [...decodeMembers(original?.members ?? new Uint8Array())],
            `${row.kind} ${row.key} ${row.month}`,
          );
        }
        const found = await new PhotoRepository(db).search('alice', dogAndBeach, { limit: 100, offset: 0 });
        assert.deepEqual(found, before);
        assert.equal(found.total, 15, "every even photo is alice's and both dog and beach");
      } finally {
        await db.destroy();
        await scratch.drop();
      }
    });
  });
}
