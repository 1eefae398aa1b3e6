import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { openDatabase } from '../../../../common/database';
import { ancestorsOf } from '../../../../common/vocabulary';
import { migrateLibraryDatabase } from '../../../../metadata-service/database/migrations';
import type { LibraryDatabase } from '../../../../metadata-service/database/schema';
import { emptyFolderChanges } from '../../../../metadata-service/ingest/watch/folder-changes';
import { ingestWatchedChanges } from '../../../../metadata-service/ingest/watch/ingest-watched';
import { PhotoRepository } from '../../../../metadata-service/repositories/photo-repository';
import { makeTempDir, silentLogger, writeJpeg, type TempDir } from '../../support/fixtures';

const OWNER = 'owner-watched';

describe('ingest of watched changes as a queue job runs it', function () {
  this.timeout(20_000);
  let tmp: TempDir;

  beforeEach(async () => {
    tmp = await makeTempDir('pf-watched-');
  });
  afterEach(async () => {
    await tmp.cleanup();
  });

  it('stores a new photo and removes a deleted one, reading only the reported paths', async () => {
    const folder = join(tmp.path, 'photos');
    await writeJpeg(join(folder, 'Trip', 'a.jpg'), { seed: 1 });
    await writeJpeg(join(folder, 'Trip', 'untouched.jpg'), { seed: 2 });
    const db = openDatabase<LibraryDatabase>({ kind: 'sqlite', file: join(tmp.path, 'library.sqlite') });
    try {
      await migrateLibraryDatabase(db, silentLogger);
      const deps = {
        db,
        repository: new PhotoRepository(db, { labelParents: ancestorsOf }),
        logger: silentLogger,
      };
      const added = await ingestWatchedChanges(
        folder,
        { ...emptyFolderChanges(), changed: ['Trip/a.jpg'] },
        { ownerId: OWNER },
        deps,
      );
      assert.equal(added.report.added, 1);
      assert.equal(added.sourceRoot, folder);
      const stored = () =>
        db.selectFrom('photos').select('source_path').where('owner_id', '=', OWNER).execute();
      assert.deepEqual(await stored(), [{ source_path: 'Trip/a.jpg' }], 'only the reported path is read');

      await rm(join(folder, 'Trip', 'a.jpg'));
      const removed = await ingestWatchedChanges(
        folder,
        { ...emptyFolderChanges(), removed: ['Trip/a.jpg'] },
        { ownerId: OWNER },
        deps,
      );
      assert.equal(removed.report.removed, 1);
      assert.deepEqual(await stored(), []);
    } finally {
      await db.destroy();
    }
  });
});
