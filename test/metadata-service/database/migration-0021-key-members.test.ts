import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { photoQuerySchema, type PhotoQueryInput } from '../../../common/contracts';
import { migrateToLatest, openDatabase } from '../../../common/database';
import { LIBRARY_MIGRATIONS, migrateLibraryDatabase } from '../../../metadata-service/database/migrations';
import type { LibraryDatabase, SearchKeyKind } from '../../../metadata-service/database/schema';
import { decodeMembers } from '../../../metadata-service/repositories/key-members';
import { PhotoRepository } from '../../../metadata-service/repositories/photo-repository';
import { rebuildKeyMonthCounts } from '../../../metadata-service/repositories/key-month-counts';
import { rebuildPlaceMonthCounts } from '../../../metadata-service/repositories/place-month-counts';
import { scratchEngines } from '../../support/scratch-databases';
import { silentLogger } from '../support/fixtures';
import { keywords, photoRecord } from '../repositories/photo-records';

for (const engine of scratchEngines()) {
  describe(`library migrations 0021-0022 (member lists, media counts) on a library written by 0020, ${engine.name}`, () => {
    it('numbers every photo, lists the members of every key and counts intersections as the index did', async () => {
      const scratch = await engine.create();
      const db = openDatabase<LibraryDatabase>(scratch.location);
      try {
        const upTo0020 = Object.fromEntries(
          Object.entries(LIBRARY_MIGRATIONS).filter(([name]) => name < '0021'),
        );
        await migrateToLatest(db, 'library', upTo0020);
        // Rows as 0020's code wrote them: no numbers, counts without member lists.
        const photo = (
          id: string,
          owner: string,
          ingestedAt: string,
          kind: 'photo' | 'video',
          city: string,
        ) =>
          sql`insert into photos (id, owner_id, content_hash, bytes, source_root, source_path, source_uri, media_type,
            width, height, orientation, taken_local, taken_utc, taken_time_source, file_mtime, ingested_at,
            media_kind, place_city, shuffle_key, taken_month_day, left_out, favorite)
            values (${id}, ${owner}, ${`sha-${id}`}, 1, '/p', ${`${id}.jpg`}, ${`file:///p/${id}.jpg`}, 'image/jpeg',
            4, 3, 1, '2019-07-14T10:00:00', null, 'exif-local-only', 'x', ${ingestedAt}, ${kind}, ${city}, 42,
            '07-14', 0, 0)`.execute(db);
        const label = (id: string, owner: string, name: string) =>
          sql`insert into photo_labels (photo_id, label, owner_id, taken_local, left_out, shuffle_key)
            values (${id}, ${name}, ${owner}, '2019-07-14T10:00:00', 0, 42)`.execute(db);
        await photo('ph_c', 'alice', '2026-01-03', 'photo', 'Lisbon');
        await photo('ph_a', 'alice', '2026-01-01', 'video', 'Lisbon');
        await photo('ph_b', 'alice', '2026-01-02', 'photo', 'Porto');
        await photo('ph_z', 'bob', '2026-01-01', 'photo', 'Lisbon');
        for (const [id, owner, name] of [
          ['ph_a', 'alice', 'dog'],
          ['ph_a', 'alice', 'beach'],
          ['ph_b', 'alice', 'dog'],
          ['ph_c', 'alice', 'dog'],
          ['ph_c', 'alice', 'beach'],
          ['ph_z', 'bob', 'dog'],
          ['ph_z', 'bob', 'beach'],
        ] as const) {
          await label(id, owner, name);
        }
        await rebuildKeyMonthCounts(db);
        await rebuildPlaceMonthCounts(db);

        await migrateLibraryDatabase(db, silentLogger);

        const numbers = await db.selectFrom('photos').select(['id', 'photo_number']).orderBy('id').execute();
        // Per owner, in the order the photos were stored.
        assert.deepEqual(
          numbers.map((row) => [row.id, row.photo_number]),
          [
            ['ph_a', 1],
            ['ph_b', 2],
            ['ph_c', 3],
            ['ph_z', 1],
          ],
        );
        const members = async (kind: SearchKeyKind, key: string) => {
          const row = await db
            .selectFrom('search_key_months')
            .select('members')
            .where('owner_id', '=', 'alice')
            .where('kind', '=', kind)
            .where('key', '=', key)
            .executeTakeFirstOrThrow();
          assert.ok(row.members !== null, `${kind} ${key} has a member list`);
          return [...decodeMembers(row.members)];
        };
        assert.deepEqual(await members('label', 'dog'), [1, 2, 3]);
        assert.deepEqual(await members('label', 'beach'), [1, 3]);
        assert.deepEqual(await members('place_city', 'lisbon'), [1, 3]);
        assert.deepEqual(await members('media', 'video'), [1]);
        assert.deepEqual(await members('media', 'photo'), [2, 3]);

        const repository = new PhotoRepository(db);
        const total = async (query: PhotoQueryInput) =>
          (await repository.search('alice', photoQuerySchema.parse(query), { limit: 10, offset: 0 })).total;
        assert.equal(await total({ labels: ['dog', 'beach'] }), 2);
        assert.equal(await total({ labels: ['dog'], places: [{ name: 'Lisbon', level: 'city' }] }), 2);
        assert.equal(await total({ labels: ['dog'], mediaKinds: ['video'] }), 1);
        // A photo stored after the migration takes the owner's next number and joins the lists.
        await repository.insertPhoto(
          photoRecord('alice', 'ph_d', { takenLocal: '2019-07-15T10:00:00' }),
          keywords('beach'),
        );
        assert.deepEqual(await members('label', 'beach'), [1, 3, 4]);
      } finally {
        await db.destroy();
        await scratch.drop();
      }
    });
  });
}
