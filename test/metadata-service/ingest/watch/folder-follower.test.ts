import assert from 'node:assert/strict';
import { mkdir, rename } from 'node:fs/promises';
import { join } from 'node:path';
import {
  DEFAULT_FOLLOW_TUNING,
  FolderFollower,
  type FollowSettings,
} from '../../../../metadata-service/ingest/watch/folder-follower';
import { createLibrary, type Library } from '../../../../metadata-service/library';
import { makeTempDir, silentLogger, writeJpeg, type TempDir } from '../../support/fixtures';

const OWNER = 'owner-f';
const sleep = (ms: number): Promise<void> => new Promise((resolveSleep) => setTimeout(resolveSleep, ms));

describe('FolderFollower (a library following its folder)', function () {
  this.timeout(30_000);
  let tmp: TempDir;
  let photos: string;
  let library: Library;
  let follower: FolderFollower | undefined;
  let rescans: number;

  beforeEach(async () => {
    tmp = await makeTempDir('pf-follow-');
    photos = join(tmp.path, 'photos');
    await mkdir(photos);
    library = await createLibrary({
      database: { kind: 'sqlite', file: join(tmp.path, 'library.sqlite') },
      logger: silentLogger,
    });
    rescans = 0;
  });
  afterEach(async () => {
    await follower?.close();
    follower = undefined;
    await library.close();
    await tmp.cleanup();
  });

  const follow = (settings: FollowSettings): FolderFollower =>
    new FolderFollower(
      photos,
      settings,
      {
        ingestChanges: (changes) => library.ingestChanges(photos, changes, { ownerId: OWNER }),
        rescan: async () => {
          rescans += 1;
          await library.ingest(photos, { ownerId: OWNER });
        },
        logger: silentLogger,
        describe: (error) => (error instanceof Error ? error.message : String(error)),
      },
      { ...DEFAULT_FOLLOW_TUNING, stableMs: 200, quietMs: 400, rootCheckMs: 200, fallbackRescanMs: 500 },
    );
  const count = async () => (await library.api.search(OWNER, { query: { labels: [] }, limit: 100 })).total;

  async function until(check: () => boolean | Promise<boolean>, ms = 10_000): Promise<void> {
    const started = Date.now();
    while (!(await check())) {
      if (Date.now() - started > ms) assert.fail(`not reached; ${JSON.stringify(follower?.snapshot())}`);
      await sleep(50);
    }
  }

  it('notices an empty folder going away (no watcher event for that), keeps rescanning, and watches it again once back', async () => {
    follower = follow({ watch: true, rescanIntervalMs: 0 });
    await follower.ready();
    assert.equal(follower.snapshot().watcher, 'watching');
    assert.equal(follower.snapshot().rescanMinutes, null);

    await rename(photos, join(tmp.path, 'unplugged'));
    await until(() => follower?.snapshot().watcher === 'failed');
    const failed = follower.snapshot();
    assert.equal(failed.reason, 'the photo folder was removed');
    assert.equal(failed.rescanMinutes, 500 / 60_000, 'falls back to periodic rescans');
    await until(() => follower?.snapshot().lastError !== undefined);
    assert.match(follower.snapshot().lastError ?? '', /SOURCE_NOT_FOUND/);

    await rename(join(tmp.path, 'unplugged'), photos);
    await until(() => follower?.snapshot().watcher === 'watching');
    assert.equal(follower.snapshot().rescanMinutes, null, 'no fallback rescans once watching again');
    await writeJpeg(join(photos, 'back.jpg'), { seed: 2 });
    await until(async () => (await count()) === 1);
    assert.equal(follower.snapshot().lastError, undefined);
  });

  it('with watching off, only the periodic rescan follows the folder', async () => {
    follower = follow({ watch: false, rescanIntervalMs: 300 });
    await follower.ready();
    await writeJpeg(join(photos, 'a.jpg'), { seed: 3 });
    // The photo is searchable once its metadata is stored, before the rescan (and its hash stage) has finished.
    await until(async () => (await count()) === 1 && (follower?.snapshot().rescans ?? 0) >= 1);
    const snapshot = follower.snapshot();
    assert.equal(snapshot.watcher, 'off');
    assert.equal(snapshot.passes, 0);
    assert.ok(snapshot.rescans >= 1 && rescans >= 1);
  });

  it('runs passes only after the startup ingest, one at a time', async () => {
    let releaseStartup: () => void = () => undefined;
    const startup = new Promise<void>((resolveStartup) => {
      releaseStartup = resolveStartup;
    });
    follower = new FolderFollower(
      photos,
      { watch: true, rescanIntervalMs: 0 },
      {
        ingestChanges: (changes) => library.ingestChanges(photos, changes, { ownerId: OWNER }),
        rescan: () => Promise.resolve(),
        logger: silentLogger,
        describe: String,
      },
      { ...DEFAULT_FOLLOW_TUNING, stableMs: 200, quietMs: 300 },
      startup,
    );
    await follower.ready();
    await writeJpeg(join(photos, 'early.jpg'), { seed: 4 });
    await sleep(1_200);
    assert.equal(await count(), 0, 'nothing while the startup ingest runs');
    releaseStartup();
    await until(async () => (await count()) === 1);
    assert.equal(follower.snapshot().passes, 1);
  });
});
