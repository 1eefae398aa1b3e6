import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import sharp from 'sharp';
import { localStackConfigFromEnv } from '../../server/config';
import { startLocalStack, type LocalStack } from '../../server/local-stack';
import { createSmallFileSystem, smallFileSystemsUnavailable, type SmallFileSystem } from './small-filesystem';

/**
 * DATA_DIR faults on a real file system (a loop-mounted ext4): the disk fills up, and the file system turns
 * read-only under the running server. Each test states what the stack says while the fault lasts and shows that
 * nothing stored before it is lost, and that it recovers once the fault is repaired.
 */

interface Health {
  status: string;
  ingest: { state: string; reason?: string; retry?: { at: string; attempt: number } };
}

/** Distinct real JPEGs (noise, so no two are alike or near-duplicates). */
/** Photos added while the disk is full. */
const DURING = 300;

async function addPhotos(dir: string, prefix: string, count: number): Promise<void> {
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < count; i++) {
    const image = await sharp({
      create: {
        width: 96,
        height: 64,
        channels: 3,
        background: { r: 40 * i, g: 90, b: 160 },
        noise: { type: 'gaussian', mean: 120, sigma: 60 },
      },
    })
      .jpeg()
      .toBuffer();
    writeFileSync(join(dir, `${prefix}-${i}.jpg`), image);
  }
}

/**
 * Checkpoints the library's WAL and truncates the file, so no room is left in it from earlier commits: SQLite
 * writes into a WAL file's existing pages without growing it, so after migrations and the first pass it could take
 * a whole later pass on a full disk (CI once indexed all 300 photos there). Idle connections of the stack do not
 * stop it; a busy or partial checkpoint fails the test instead of letting it pass for the wrong reason.
 */
function emptyLibraryWal(dataDir: string): void {
  const db = new Database(join(dataDir, 'library.sqlite'));
  try {
    const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number }[];
    assert.deepEqual({ busy: result?.busy, log: result?.log }, { busy: 0, log: 0 });
  } finally {
    db.close();
  }
}

function startStack(dataDir: string, photosDir: string, retryDelaysMs: number[]): Promise<LocalStack> {
  const config = {
    // The stack follows PHOTOS_DIR by itself; here every pass is started by the test (rescan, as SIGHUP does).
    ...localStackConfigFromEnv({ VISION: 'false', WATCH_PHOTOS: 'false', WATCH_RESCAN_MINUTES: '0' }),
    port: 0,
    dataDir,
    photosDir,
    logLevel: 'silent' as const,
  };
  return startLocalStack(config, { ingestRetryDelaysMs: retryDelaysMs });
}

async function health(stack: LocalStack): Promise<Health> {
  return (await (await fetch(`${stack.url}/healthz`)).json()) as Health;
}

async function readiness(stack: LocalStack): Promise<{ status: number; reasons: string[] }> {
  const response = await fetch(`${stack.url}/readyz`);
  const body = (await response.json()) as { reasons?: string[] };
  return { status: response.status, reasons: body.reasons ?? [] };
}

async function photoIds(stack: LocalStack): Promise<string[]> {
  const response = await fetch(`${stack.url}/v1/library/search`, {
    method: 'POST',
    headers: { authorization: `Bearer ${stack.ownerToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ query: {}, limit: 500 }),
  });
  assert.equal(response.status, 200, await response.clone().text());
  const body = (await response.json()) as { total: number; photos: { id: string }[] };
  assert.equal(body.total, body.photos.length);
  return body.photos.map((photo) => photo.id).sort();
}

function setFavorite(stack: LocalStack, id: string, favorite: boolean): Promise<Response> {
  return fetch(`${stack.url}/v1/library/photos/${id}/flags`, {
    method: 'PATCH',
    headers: { authorization: `Bearer ${stack.ownerToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ favorite }),
  });
}

async function isFavorite(stack: LocalStack, id: string): Promise<boolean> {
  const response = await fetch(`${stack.url}/v1/library/photos/${id}`, {
    headers: { authorization: `Bearer ${stack.ownerToken}` },
  });
  assert.equal(response.status, 200);
  return ((await response.json()) as { favorite: boolean }).favorite;
}

function createSlideshow(stack: LocalStack): Promise<Response> {
  return fetch(`${stack.url}/v1/display/slideshows`, {
    method: 'POST',
    headers: { authorization: `Bearer ${stack.ownerToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      ownerId: 'local',
      query: {},
      viewport: { width: 1280, height: 800, shape: 'RECTANGLE' },
    }),
  });
}

async function eventually<T>(ms: number, probe: () => Promise<T>, check: (value: T) => boolean): Promise<T> {
  const started = Date.now();
  let last = await probe();
  while (!check(last)) {
    if (Date.now() - started > ms) assert.fail(`not within ${ms} ms; last seen ${JSON.stringify(last)}`);
    await new Promise((resolveWait) => setTimeout(resolveWait, 100));
    last = await probe();
  }
  return last;
}

describe('DATA_DIR faults (a real ext4 file system that fills up or turns read-only)', function () {
  this.timeout(120_000);
  let root: string;
  let disk: SmallFileSystem | undefined;
  let stack: LocalStack | undefined;

  before(function () {
    const missing = smallFileSystemsUnavailable();
    // CI sets FAULT_MOUNTS_REQUIRED: there these tests must run, never skip.
    if (missing !== undefined && process.env.FAULT_MOUNTS_REQUIRED === '1')
      throw new Error(`DATA_DIR fault tests cannot run: ${missing}`);
    if (missing !== undefined) this.skip();
  });

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'photoframe-datadir-'));
    disk = createSmallFileSystem(24);
  });

  afterEach(async () => {
    await stack?.close().catch(() => undefined);
    stack = undefined;
    disk?.destroy();
    disk = undefined;
    await rm(root, { recursive: true, force: true });
  });

  it('a full disk: ingest fails with the reason and is retried, reads go on, writes are 503, all recovers once space is freed', async () => {
    const fs = disk!;
    const photosDir = join(root, 'photos');
    const dataDir = join(fs.path, 'data');
    await addPhotos(photosDir, 'before', 5);
    stack = await startStack(dataDir, photosDir, [300]);
    await stack.ingestDone;
    const before = await photoIds(stack);
    assert.equal(before.length, 5);
    assert.equal((await setFavorite(stack, before[0]!, true)).status, 200);

    // More than the WAL file's room from earlier commits (SQLite reuses it after a checkpoint, so a few rows would
    // still fit on a full disk). 60 were enough while every photo was its own commit; a run now writes a few dozen
    // photos per transaction, which packs them into far fewer WAL pages.
    await addPhotos(photosDir, 'during', DURING);
    emptyLibraryWal(dataDir);
    await fs.fill();
    await stack.rescan();

    const failed = await health(stack);
    assert.equal(failed.status, 'degraded');
    assert.equal(failed.ingest.state, 'failed');
    assert.match(failed.ingest.reason ?? '', /^SQLITE_FULL: database or disk is full$/);
    assert.equal(failed.ingest.retry?.attempt, 1);
    assert.ok(Date.parse(failed.ingest.retry.at) > Date.now() - 5_000);
    assert.deepEqual(await readiness(stack), {
      status: 503,
      reasons: [
        'library: database disk is full (0 bytes free)',
        'display: renditions folder does not take writes',
      ],
    });
    // Reads go on: every photo indexed before the fault (and those the pass indexed before the disk ran out),
    // with its favourite.
    const during = await photoIds(stack);
    for (const id of before) assert.ok(during.includes(id), `photo ${id} is still found`);
    assert.ok(during.length < 5 + DURING, `the pass stopped at the full disk (${during.length} photos)`);
    assert.equal(await isFavorite(stack, before[0]!), true);
    // A small write may still fit in the room SQLite's WAL file already has; either it is done and says so, or it
    // is refused with a stable code and a time to come back and changes nothing. Never a 500, never a lie.
    const write = await setFavorite(stack, before[1]!, true);
    if (write.status === 503) {
      assert.equal(write.headers.get('retry-after'), '60');
      assert.equal(((await write.json()) as { error: { code: string } }).error.code, 'STORAGE_UNAVAILABLE');
      assert.equal(await isFavorite(stack, before[1]!), false);
    } else {
      assert.equal(write.status, 200, await write.text());
      assert.equal(await isFavorite(stack, before[1]!), true);
    }

    // Space freed: the next retry (no restart, no signal) indexes the rest.
    fs.unfill();
    const live = stack;
    await eventually(
      15_000,
      () => health(live),
      (h) => h.ingest.state === 'done',
    );
    assert.equal((await health(stack)).status, 'ok');
    assert.equal((await photoIds(stack)).length, 5 + DURING);
    assert.deepEqual(await readiness(stack), { status: 200, reasons: [] });
    assert.equal(await isFavorite(stack, before[0]!), true);
    assert.equal((await setFavorite(stack, before[1]!, true)).status, 200);
  });

  it('a file system that turns read-only under the server: reads and renditions go on, writes are 503, nothing is lost after repair', async () => {
    const fs = disk!;
    const photosDir = join(root, 'photos');
    const dataDir = join(fs.path, 'data');
    await addPhotos(photosDir, 'before', 5);
    stack = await startStack(dataDir, photosDir, [60_000]);
    await stack.ingestDone;
    const before = await photoIds(stack);
    assert.equal(before.length, 5);
    assert.equal((await setFavorite(stack, before[0]!, true)).status, 200);
    const created = await createSlideshow(stack);
    assert.equal(created.status, 201, await created.clone().text());
    const shown = (await created.json()) as { slideshowId: string; items: { url: string }[] };
    assert.equal(shown.items.length, 5);

    await addPhotos(photosDir, 'during', 5);
    fs.breakIntoReadOnly();
    await stack.rescan();

    const failed = await health(stack);
    assert.equal(failed.status, 'degraded');
    assert.equal(failed.ingest.state, 'failed');
    assert.match(failed.ingest.reason ?? '', /SQLITE_(READONLY|IOERR)/);
    assert.ok(failed.ingest.retry !== undefined, 'a retry is scheduled');
    const notReady = await readiness(stack);
    assert.equal(notReady.status, 503);
    assert.deepEqual(notReady.reasons, [
      'library: database refuses writes',
      'display: renditions folder does not take writes',
    ]);
    assert.deepEqual(await photoIds(stack), before);
    assert.equal(await isFavorite(stack, before[0]!), true);
    const refused = await setFavorite(stack, before[1]!, true);
    assert.equal(refused.status, 503);
    assert.ok(refused.headers.get('retry-after') !== null);
    assert.match(
      ((await refused.json()) as { error: { code: string } }).error.code,
      /^(STORAGE_UNAVAILABLE|SERVICE_UNAVAILABLE)$/,
    );

    // The frame keeps showing: the slideshow made before the fault pages, and its renditions are served (rendered
    // even though the cache file cannot be written). Making a new slideshow is a write: refused, never a 500.
    const page = await fetch(
      `${stack.url}/v1/display/slideshows/${shown.slideshowId}/items?start=0&count=10`,
      {
        headers: { authorization: `Bearer ${stack.ownerToken}` },
      },
    );
    assert.equal(page.status, 200, await page.clone().text());
    const paged = (await page.json()) as { items: { url: string; photoIds: string[] }[] };
    // Same photos in the same order (each answer signs its URLs afresh, so only the paths compare).
    const pathOf = (item: { url: string }): string => new URL(item.url).pathname;
    assert.deepEqual(paged.items.map(pathOf), shown.items.map(pathOf));
    for (const item of shown.items) {
      const image = await fetch(item.url);
      assert.equal(image.status, 200);
      assert.equal(image.headers.get('content-type'), 'image/jpeg');
      assert.ok((await image.arrayBuffer()).byteLength > 1000);
    }
    const another = await createSlideshow(stack);
    assert.equal(another.status, 503, await another.clone().text());

    // The operator's repair (stop, fsck, mount read-write, start): everything stored before is there, and the
    // photos added during the fault are indexed by the first pass.
    await stack.close();
    stack = undefined;
    fs.repair();
    stack = await startStack(dataDir, photosDir, [60_000]);
    await stack.ingestDone;
    assert.equal((await health(stack)).ingest.state, 'done');
    const after = await photoIds(stack);
    assert.equal(after.length, 10);
    for (const id of before) assert.ok(after.includes(id), `photo ${id} kept its identity`);
    assert.equal(await isFavorite(stack, before[0]!), true);
    assert.deepEqual(await readiness(stack), { status: 200, reasons: [] });
  });

  it('a DATA_DIR mounted read-only refuses to start, naming the variable and the cause', async () => {
    const fs = disk!;
    const photosDir = join(root, 'photos');
    await addPhotos(photosDir, 'p', 1);
    mkdirSync(join(fs.path, 'data'));
    fs.remountReadOnly();
    await assert.rejects(startStack(join(fs.path, 'data'), photosDir, [60_000]), (error: Error) => {
      assert.match(
        error.message,
        /^DATA_DIR .*\/data is on a read-only file system \(EROFS\): Photo Frame keeps its database/,
      );
      return true;
    });
  });
});
