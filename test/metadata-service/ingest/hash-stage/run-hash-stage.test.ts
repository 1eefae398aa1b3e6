import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import sharp from 'sharp';
import { openDatabase } from '../../../../common/database';
import type { Kysely } from 'kysely';
import { migrateLibraryDatabase } from '../../../../metadata-service/database/migrations';
import type { LibraryDatabase } from '../../../../metadata-service/database/schema';
import { createFolderSource } from '../../../../metadata-service/ingest/folder-source';
import {
  BIG_ORIGINAL_BYTES,
  runHashStage,
} from '../../../../metadata-service/ingest/hash-stage/run-hash-stage';
import { runIngest } from '../../../../metadata-service/ingest/ingest-run';
import type { PhotoSource } from '../../../../metadata-service/ingest/photo-source';
import { readPhotoMetadata } from '../../../../metadata-service/ingest/readers/read-photo-metadata';
import { IngestSkip } from '../../../../metadata-service/ingest/skip-reasons';
import { photoQuerySchema } from '../../../../common/contracts';
import { PhotoRepository } from '../../../../metadata-service/repositories/photo-repository';
import { makeTempDir, silentLogger, writeJpeg, type TempDir } from '../../support/fixtures';

const OWNER = 'owner-hash';

describe('hash stage', () => {
  let tmp: TempDir;
  let folder: string;
  let db: Kysely<LibraryDatabase>;
  let repository: PhotoRepository;

  beforeEach(async () => {
    tmp = await makeTempDir('pf-hash-stage-');
    folder = join(tmp.path, 'photos');
    db = openDatabase<LibraryDatabase>({ kind: 'sqlite', file: join(tmp.path, 'library.sqlite') });
    await migrateLibraryDatabase(db, silentLogger);
    repository = new PhotoRepository(db);
  });
  afterEach(async () => {
    await db.destroy();
    await tmp.cleanup();
  });

  const deps = () => ({ repository, logger: silentLogger });
  const metadataPass = (source: PhotoSource = createFolderSource(folder)) =>
    runIngest(source, { ownerId: OWNER, hashStage: 'defer' }, deps());
  const hashes = async () =>
    new Map(
      (await db.selectFrom('photos').select(['source_path', 'perceptual_hash']).execute()).map((r) => [
        r.source_path,
        r.perceptual_hash,
      ]),
    );
  const searchPaths = async () =>
    (await repository.search(OWNER, photoQuerySchema.parse({}), { limit: 100, offset: 0 })).photos
      .map((p) => p.source.path)
      .sort();
  /** What reading the file with its decode at once (as before the stage) gives: its hash, or its skip. */
  const decodedAtRead = async (path: string) => {
    try {
      const meta = await readPhotoMetadata({
        absolutePath: join(folder, path),
        fileName: basename(path),
        modifiedAt: new Date(),
      });
      return { hash: meta.perceptualHash };
    } catch (error) {
      assert.ok(error instanceof IngestSkip);
      return { code: error.code, reason: error.message };
    }
  };

  it('the metadata pass stores stills without a hash; the stage stores the hash a decode at read gives', async () => {
    await writeJpeg(join(folder, 'a.jpg'), { seed: 1 });
    await writeJpeg(join(folder, 'b.jpg'), { seed: 2 });
    const report = await metadataPass();
    assert.equal(report.added, 2);
    assert.deepEqual([...(await hashes()).values()], [null, null]);
    assert.equal((await repository.listPendingHashes(OWNER, folder, undefined, 10)).length, 2);

    const stage = await runHashStage(createFolderSource(folder), { ownerId: OWNER }, deps());
    assert.deepEqual([stage.hashed, stage.unreadable, stage.leftPending], [2, [], 0]);
    const stored = await hashes();
    for (const path of ['a.jpg', 'b.jpg']) {
      assert.match(stored.get(path) ?? '', /^[0-9a-f]{16}$/);
      assert.equal(stored.get(path), (await decodedAtRead(path)).hash);
    }
    assert.deepEqual(await repository.listPendingHashes(OWNER, folder, undefined, 10), []);
  });

  it('a truncated JPEG found by the stage leaves search and is skipped with UNREADABLE_IMAGE and its reason', async () => {
    await writeJpeg(join(folder, 'good.jpg'), { seed: 1, width: 600, height: 400 });
    const good = await readFile(join(folder, 'good.jpg'));
    await writeFile(join(folder, 'truncated.jpg'), good.subarray(0, Math.floor(good.length / 2)));
    const expected = await decodedAtRead('truncated.jpg');
    assert.equal(expected.code, 'UNREADABLE_IMAGE');

    assert.equal((await metadataPass()).added, 2, 'its header segments are whole');
    // Searchable until the stage reaches it: the window the stage's running time bounds.
    assert.deepEqual(await searchPaths(), ['good.jpg', 'truncated.jpg']);
    const stage = await runHashStage(createFolderSource(folder), { ownerId: OWNER }, deps());
    assert.equal(stage.hashed, 1);
    assert.deepEqual(
      stage.unreadable.map((u) => [u.path, u.code, u.reason]),
      [['truncated.jpg', expected.code, expected.reason]],
    );
    assert.deepEqual(await searchPaths(), ['good.jpg']);
    assert.deepEqual(
      (await repository.listSkips(OWNER)).map((s) => [s.sourcePath, s.reasonCode, s.message]),
      [['truncated.jpg', expected.code, expected.reason]],
    );

    // The next run decodes the known-broken path as it reads it: it is never stored (nor searchable) again.
    const rerun = await metadataPass();
    assert.deepEqual([rerun.added, rerun.unchanged], [0, 1]);
    assert.deepEqual(
      rerun.skipped.map((s) => [s.path, s.code, s.reason]),
      [['truncated.jpg', expected.code, expected.reason]],
    );
    assert.deepEqual(await searchPaths(), ['good.jpg']);
  });

  it('a full run reports a photo its stage found undecodable as skipped, not added', async () => {
    await writeJpeg(join(folder, 'good.jpg'), { seed: 1, width: 600, height: 400 });
    const good = await readFile(join(folder, 'good.jpg'));
    await writeFile(join(folder, 'cut.jpg'), good.subarray(0, good.length - 200));
    const report = await runIngest(createFolderSource(folder), { ownerId: OWNER }, deps());
    assert.deepEqual(
      [report.added, report.skipped.map((s) => [s.path, s.code])],
      [1, [['cut.jpg', 'UNREADABLE_IMAGE']]],
    );
    assert.deepEqual(await searchPaths(), ['good.jpg']);
  });

  it('a full run reports the stage as its own progress phase, counted against the photos pending', async () => {
    for (let seed = 1; seed <= 3; seed++) await writeJpeg(join(folder, `p${seed}.jpg`), { seed });
    const seen: { phase: string; done: number; total: number }[] = [];
    await runIngest(
      createFolderSource(folder),
      { ownerId: OWNER, onProgress: ({ phase, done, total }) => seen.push({ phase, done, total }) },
      deps(),
    );
    assert.deepEqual(
      seen.filter((p) => p.phase === 'hashes'),
      [{ phase: 'hashes', done: 3, total: 3 }],
    );
    const hashesAt = seen.findIndex((p) => p.phase === 'hashes');
    assert.ok(
      seen.slice(0, hashesAt).every((p) => p.phase === 'metadata'),
      'after the metadata pass',
    );
    assert.deepEqual(seen[hashesAt - 1], { phase: 'metadata', done: 3, total: 3 });
  });

  it('a stage that dies mid-way is finished by the next run; an unchanged file is never decoded again', async () => {
    for (let seed = 1; seed <= 5; seed++) await writeJpeg(join(folder, `p${seed}.jpg`), { seed });
    await metadataPass();
    const real = createFolderSource(folder);
    let reads = 0;
    const failing: PhotoSource = {
      ...real,
      readContent: async (path) => {
        reads += 1;
        // The disk goes away after the first page: a storage failure, not a content problem.
        if (reads > 2) throw new Error('EIO: the disk went away');
        return real.readContent(path);
      },
    };
    await assert.rejects(runHashStage(failing, { ownerId: OWNER, page: 2, concurrency: 1 }, deps()), /EIO/);
    const afterCrash = [...(await hashes()).values()];
    assert.equal(afterCrash.filter((h) => h !== null).length, 2, 'the first page was committed');
    assert.equal((await repository.listPendingHashes(OWNER, folder, undefined, 10)).length, 3);

    let decoded = 0;
    const counting = (): PhotoSource => {
      const source = createFolderSource(folder);
      return { ...source, readContent: (path) => ((decoded += 1), source.readContent(path)) };
    };
    const resumed = await runIngest(counting(), { ownerId: OWNER }, deps());
    assert.deepEqual([resumed.added, resumed.unchanged, resumed.skipped], [0, 5, []]);
    assert.equal(decoded, 3, 'only the photos still pending');
    assert.ok([...(await hashes()).values()].every((h) => h !== null && /^[0-9a-f]{16}$/.test(h)));

    decoded = 0;
    await runIngest(counting(), { ownerId: OWNER }, deps());
    assert.equal(decoded, 0);
  });

  it('decodes big originals one at a time, small ones side by side', async () => {
    for (let seed = 1; seed <= 4; seed++) await writeJpeg(join(folder, `p${seed}.jpg`), { seed });
    const inFlight = async (bytes: number) => {
      await db.updateTable('photos').set({ perceptual_hash: null }).execute();
      const real = createFolderSource(folder);
      let now = 0;
      let most = 0;
      const source: PhotoSource = {
        ...real,
        readContent: async (path) => {
          most = Math.max(most, ++now);
          // Long enough for the other decodes in flight to start meanwhile.
          await new Promise((resolve) => setTimeout(resolve, 20));
          now -= 1;
          return real.readContent(path);
        },
      };
      const sized = {
        listPendingHashes: async (...args: Parameters<PhotoRepository['listPendingHashes']>) =>
          (await repository.listPendingHashes(...args)).map((p) => ({ ...p, bytes })),
        storePerceptualHashes: repository.storePerceptualHashes.bind(repository),
        deletePhotos: repository.deletePhotos.bind(repository),
        recordSkip: repository.recordSkip.bind(repository),
      };
      const report = await runHashStage(
        source,
        { ownerId: OWNER, concurrency: 4 },
        { repository: sized, logger: silentLogger },
      );
      assert.equal(report.hashed, 4);
      return most;
    };
    await metadataPass();
    assert.equal(await inFlight(BIG_ORIGINAL_BYTES + 1), 1);
    assert.equal(await inFlight(1000), 4);
  });

  it('near-duplicates are grouped once the stage has their hashes', async () => {
    await writeJpeg(join(folder, 'IMG_1.jpg'), {
      seed: 3,
      width: 400,
      height: 300,
      dateTimeOriginal: '2025:06:01 12:00:00',
    });
    // The same picture saved again smaller (other bytes), with the same EXIF capture time.
    const again = await sharp(join(folder, 'IMG_1.jpg')).jpeg({ quality: 40 }).keepExif().toBuffer();
    await writeFile(join(folder, 'IMG_1 copy.jpg'), again);
    // Another picture a minute later: a left-to-right ramp (every dHash bit set, where the flat one has few).
    const ramp = Buffer.alloc(400 * 300 * 3);
    for (let i = 0; i < ramp.length; i++) ramp[i] = Math.floor((((i / 3) % 400) / 400) * 255);
    await sharp(ramp, { raw: { width: 400, height: 300, channels: 3 } })
      .jpeg()
      .withExif({ IFD2: { DateTimeOriginal: '2025:06:01 12:01:00' } })
      .toFile(join(folder, 'other.jpg'));
    await metadataPass();
    const groups = async () =>
      new Map(
        (await db.selectFrom('photos').select(['source_path', 'duplicate_group_id']).execute()).map((r) => [
          r.source_path,
          r.duplicate_group_id,
        ]),
      );
    assert.deepEqual([...(await groups()).values()], [null, null, null]);

    await runHashStage(createFolderSource(folder), { ownerId: OWNER }, deps());
    const after = await groups();
    assert.ok(after.get('IMG_1.jpg'));
    assert.equal(after.get('IMG_1 copy.jpg'), after.get('IMG_1.jpg'));
    assert.equal(after.get('other.jpg'), null);
  });
});
