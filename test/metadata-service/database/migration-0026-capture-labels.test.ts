import assert from 'node:assert/strict';
import { photoQuerySchema } from '../../../common/contracts';
import { ancestorsOf } from '../../../common/vocabulary';
import { migrateToLatest, openDatabase } from '../../../common/database';
import { LIBRARY_MIGRATIONS, migrateLibraryDatabase } from '../../../metadata-service/database/migrations';
import type { LibraryDatabase } from '../../../metadata-service/database/schema';
import { PhotoRepository } from '../../../metadata-service/repositories/photo-repository';
import { scratchEngines } from '../../support/scratch-databases';
import { silentLogger } from '../support/fixtures';
import { photoRecord } from '../repositories/photo-records';

for (const engine of scratchEngines()) {
  describe(`library migration 0026 (capture labels) on a library written before it, ${engine.name}`, () => {
    it('files the panoramas and screenshots at once, and lists every still for its file to be read', async () => {
      const scratch = await engine.create();
      const db = openDatabase<LibraryDatabase>(scratch.location);
      try {
        await migrateToLatest(
          db,
          'library',
          Object.fromEntries(Object.entries(LIBRARY_MIGRATIONS).filter(([name]) => name < '0026')),
        );
        const before = new PhotoRepository(db, { labelParents: ancestorsOf });
        const at = (day: number) => ({ takenLocal: `2024-03-0${day}T10:00:00` });
        await before.insertPhoto(
          photoRecord('alice', 'ph_pano', { ...at(1), width: 8000, height: 2000 }),
          [],
        );
        await before.insertPhoto(
          photoRecord('alice', 'ph_screen', { ...at(2), width: 1170, height: 2532, isScreenshot: true }),
          [],
        );
        await before.insertPhoto(photoRecord('alice', 'ph_plain', at(3)), []);
        await before.insertPhoto(
          photoRecord('alice', 'ph_clip', { ...at(4), mediaKind: 'video', durationMs: 4000 }),
          [],
        );

        await migrateLibraryDatabase(db, silentLogger);

        const after = new PhotoRepository(db, { labelParents: ancestorsOf });
        const found = async (label: string) =>
          (
            await after.search('alice', photoQuerySchema.parse({ labels: [label] }), { limit: 10, offset: 0 })
          ).photos.map((p) => p.id);
        assert.deepEqual(await found('panorama'), ['ph_pano']);
        assert.deepEqual(await found('screenshot'), ['ph_screen']);
        const listed = await db
          .selectFrom('capture_pending')
          .select('photo_id')
          .orderBy('photo_id')
          .execute();
        assert.deepEqual(
          listed.map((row) => row.photo_id),
          ['ph_pano', 'ph_plain', 'ph_screen'],
          'the stills, not the video',
        );
      } finally {
        await db.destroy();
        await scratch.drop();
      }
    });
  });
}
