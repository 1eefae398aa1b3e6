import assert from 'node:assert/strict';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sql } from 'kysely';
import sharp from 'sharp';
import { photoQuerySchema } from '../../../common/contracts';
import { runCaptureBackfill } from '../../../metadata-service/ingest/capture-backfill';
import { createFolderSource } from '../../../metadata-service/ingest/folder-source';
import { runIngest } from '../../../metadata-service/ingest/ingest-run';
import { PhotoRepository } from '../../../metadata-service/repositories/photo-repository';
import { rebuildSearchCounts } from '../../../metadata-service/repositories/search-count-rebuild';
import { sceneSvg, writeImage } from '../fixtures/images';
import { describeOnEachEngine, type TestLibraryDatabase } from '../repositories/library-engines';
import { searchCountRows } from '../repositories/search-count-rows';
import { makeTempDir, silentLogger, type TempDir } from '../support/fixtures';

const OWNER = 'owner-a';

/**
 * A library ingested before capture labels: its files are there, its photos stored without the labels, and
 * migration 0026 listed them. The backfill reads the files once and files them as ingest now would.
 */
describeOnEachEngine('capture labels read for stills stored before', (engine) => {
  let tmp: TempDir;
  let database: TestLibraryDatabase;
  let repository: PhotoRepository;

  beforeEach(async () => {
    tmp = await makeTempDir();
    database = await engine.open();
    repository = new PhotoRepository(database.db);
    await writeImage(join(tmp.path, 'Camera/IMG_0001.jpg'), {
      make: 'Apple',
      model: 'iPhone 13',
      lensModel: 'iPhone 13 front camera 2.71mm f/2.2',
      dateTimeOriginal: '2024:05:01 10:00:00',
      scene: 'lisbon',
    });
    await writeImage(join(tmp.path, 'Camera/IMG_0002.jpg'), {
      make: 'Apple',
      model: 'iPhone 13',
      dateTimeOriginal: '2024:05:02 10:00:00',
      scene: 'harbour',
    });
    await sharp(Buffer.from(sceneSvg('checker', 200, 150)))
      .toColourspace('b-w')
      .jpeg()
      .toFile(join(tmp.path, 'Camera/scan.jpg'));
    await runIngest(createFolderSource(tmp.path), { ownerId: OWNER }, { repository, logger: silentLogger });
    // As the old ingest stored them: no capture labels, and every still listed by the migration.
    const ids = (await repository.listSources(OWNER, tmp.path)).map((p) => p.id);
    await repository.storeCaptureReadings(
      OWNER,
      ids.map((photoId) => ({ photoId, labels: [] })),
    );
    await database.db
      .insertInto('capture_pending')
      .values(ids.map((photo_id) => ({ photo_id })))
      .execute();
  });
  afterEach(async () => {
    await database.cleanup();
    await tmp.cleanup();
  });

  const found = async (label: string) =>
    (await repository.search(OWNER, photoQuerySchema.parse({ labels: [label] }), { limit: 10, offset: 0 }))
      .total;
  const pending = async () =>
    Number(
      (await sql<{ n: number }>`select count(*) as n from capture_pending`.execute(database.db)).rows[0]?.n,
    );

  it('finds the selfie and the greyscale scan, empties the list, and counts as a rebuild does', async () => {
    assert.equal(await found('selfie'), 0, 'stored before: no capture labels');

    const report = await runCaptureBackfill(createFolderSource(tmp.path), OWNER, {
      repository,
      logger: silentLogger,
    });

    assert.deepEqual(report, { read: 3, labelled: 2, leftPending: 0 });
    assert.equal(await found('selfie'), 1);
    assert.equal(await found('black and white'), 1);
    assert.equal(await pending(), 0);
    const maintained = await searchCountRows(database.db);
    await database.db.transaction().execute((trx) => rebuildSearchCounts(trx));
    assert.deepEqual(maintained, await searchCountRows(database.db));
  });

  it('leaves a photo whose file cannot be read now on the list, and the next run reads it', async () => {
    const selfie = join(tmp.path, 'Camera/IMG_0001.jpg');
    const bytes = await readFile(selfie);
    await rm(selfie);
    const backfill = () =>
      runCaptureBackfill(createFolderSource(tmp.path), OWNER, { repository, logger: silentLogger });
    assert.deepEqual(await backfill(), { read: 2, labelled: 1, leftPending: 1 });
    assert.equal(await pending(), 1);
    assert.equal(await found('selfie'), 0);

    await writeFile(selfie, bytes);
    assert.deepEqual(await backfill(), { read: 1, labelled: 1, leftPending: 0 });
    assert.equal(await found('selfie'), 1);
  });

  it('runs in a full ingest run: the unchanged files are not read as photos again, but their selfie is found', async () => {
    const report = await runIngest(
      createFolderSource(tmp.path),
      { ownerId: OWNER },
      { repository, logger: silentLogger },
    );
    assert.equal(report.unchanged, 3);
    assert.equal(await found('selfie'), 1);
    assert.equal(await pending(), 0);
  });

  it('a photo deleted meanwhile leaves the list with it', async () => {
    const [first] = await repository.listSources(OWNER, tmp.path);
    await repository.deletePhotos(OWNER, [first?.id ?? assert.fail('a photo')]);
    assert.equal(await pending(), 2);
  });
});
