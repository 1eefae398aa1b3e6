import assert from 'node:assert/strict';
import { join } from 'node:path';
import { sql } from 'kysely';
import { photoQuerySchema } from '../../../common/contracts';
import { migrateToLatest, openDatabase } from '../../../common/database';
import { LIBRARY_MIGRATIONS, migrateLibraryDatabase } from '../../../metadata-service/database/migrations';
import type { LibraryDatabase } from '../../../metadata-service/database/schema';
import { ancestorsOf } from '../../../common/vocabulary';
import { PhotoRepository } from '../../../metadata-service/repositories/photo-repository';
import { makeTempDir, silentLogger } from '../support/fixtures';

describe('library migration 0003 (searchable rows) on a library written by 0002', () => {
  it('keeps every label with its sources, files parents, carries screenshots over and counts per month', async () => {
    const tmp = await makeTempDir();
    const db = openDatabase<LibraryDatabase>({ kind: 'sqlite', file: join(tmp.path, 'library.sqlite') });
    try {
      const upTo0002 = Object.fromEntries(
        Object.entries(LIBRARY_MIGRATIONS).filter(([name]) => name < '0003'),
      );
      await migrateToLatest(db, 'library', upTo0002);
      // Rows as 0002's code wrote them: one photo_labels row per (photo, label, source), is_screenshot flags.
      const photo = (id: string, takenLocal: string | null, screenshot: number) =>
        sql`insert into photos (id, owner_id, content_hash, bytes, source_root, source_path, source_uri, media_type,
          width, height, orientation, taken_local, taken_utc, taken_time_source, file_mtime, ingested_at,
          is_screenshot, shuffle_key)
          values (${id}, 'alice', ${`sha-${id}`}, 1, '/p', ${`${id}.jpg`}, ${`file:///p/${id}.jpg`}, 'image/jpeg',
          4, 3, 1, ${takenLocal}, null, 'exif-local-only', 'x', 'x', ${screenshot}, 42)`.execute(db);
      await photo('ph_dog', '2019-07-14T10:00:00', 0);
      await photo('ph_shot', '2019-07-20T10:00:00', 1);
      const label = (id: string, name: string, source: string, takenLocal: string, screenshot: number) =>
        sql`insert into photo_labels (photo_id, label, source, confidence, owner_id, taken_local, is_screenshot, shuffle_key)
          values (${id}, ${name}, ${source}, 0.9, 'alice', ${takenLocal}, ${screenshot}, 42)`.execute(db);
      await label('ph_dog', 'dog', 'keyword', '2019-07-14T10:00:00', 0);
      await label('ph_dog', 'dog', 'folder', '2019-07-14T10:00:00', 0);
      await label('ph_shot', 'beach', 'keyword', '2019-07-20T10:00:00', 1);

      await migrateLibraryDatabase(db, silentLogger);

      const sources = await db
        .selectFrom('photo_label_sources')
        .select(['photo_id', 'label', 'source'])
        .orderBy('photo_id')
        .orderBy('label')
        .orderBy('source')
        .execute();
      assert.deepEqual(sources, [
        { photo_id: 'ph_dog', label: 'dog', source: 'folder' },
        { photo_id: 'ph_dog', label: 'dog', source: 'keyword' },
        { photo_id: 'ph_shot', label: 'beach', source: 'keyword' },
        // Migration 0026 files a stored screenshot under the label that asks for screenshots.
        { photo_id: 'ph_shot', label: 'screenshot', source: 'capture' },
      ]);
      const filed = await db
        .selectFrom('photo_labels')
        .select(['photo_id', 'label', 'left_out'])
        .orderBy('photo_id')
        .orderBy('label')
        .execute();
      assert.deepEqual(
        filed.map((r) => `${r.photo_id}:${r.label}:${r.left_out}`),
        [
          ...['dog', ...ancestorsOf('dog')].sort().map((l) => `ph_dog:${l}:0`),
          ...['beach', ...ancestorsOf('beach'), 'screenshot'].sort().map((l) => `ph_shot:${l}:1`),
        ],
      );
      const repository = new PhotoRepository(db, { labelParents: ancestorsOf });
      const search = (query: unknown) =>
        repository.search('alice', photoQuerySchema.parse(query), { limit: 10, offset: 0 });
      const animals = await search({ labels: ['animal'] });
      assert.equal(animals.total, 1);
      assert.deepEqual(
        animals.photos.map((p) => p.id),
        ['ph_dog'],
      );
      assert.equal((await search({ exclude: { screenshots: false } })).total, 2);
      assert.equal((await search({})).total, 1);
      assert.deepEqual((await search({})).span, {
        first: '2019-07-14T10:00:00',
        last: '2019-07-14T10:00:00',
      });
    } finally {
      await db.destroy();
      await tmp.cleanup();
    }
  });
});
