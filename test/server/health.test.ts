import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { localStackConfigFromEnv } from '../../server/config';
import { startLocalStack, type LocalStack } from '../../server/local-stack';

/** The embedded stack on a fresh DATA_DIR and an (empty, so quick) PHOTOS_DIR, vision off. */
async function stackOn(dataDir: string, photosDir: string): Promise<Promise<LocalStack>> {
  const config = {
    ...localStackConfigFromEnv({ VISION: 'false' }),
    port: 0,
    dataDir,
    photosDir,
    logLevel: 'silent' as const,
  };
  return startLocalStack(config);
}

async function getJson(url: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(url);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('health endpoints of the local stack', function () {
  this.timeout(60_000);
  let root: string;
  let stack: LocalStack | undefined;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'photoframe-health-'));
  });

  afterEach(async () => {
    await stack?.close();
    stack = undefined;
    await rm(root, { recursive: true, force: true });
  });

  it('answers /readyz 503 naming the refused writes while another writer holds the database, 200 once it lets go', async () => {
    const photosDir = join(root, 'photos');
    mkdirSync(photosDir);
    stack = await stackOn(join(root, 'data'), photosDir);
    await stack.ingestDone;
    assert.deepEqual(await getJson(`${stack.url}/readyz`), { status: 200, body: { status: 'ready' } });

    // A real fault every write meets: another process holds SQLite's write lock (reads still work in WAL mode).
    const other = new Database(join(root, 'data', 'library.sqlite'));
    try {
      other.exec('BEGIN IMMEDIATE');
      const refused = await getJson(`${stack.url}/readyz`);
      assert.equal(refused.status, 503);
      assert.deepEqual(refused.body, { status: 'not-ready', reasons: ['library: database refuses writes'] });
      other.exec('ROLLBACK');
    } finally {
      other.close();
    }

    // Repaired: the next probe says so (no failed state is cached).
    assert.deepEqual(await getJson(`${stack.url}/readyz`), { status: 200, body: { status: 'ready' } });
  });

  it('answers /healthz "ok" after a good ingest and "degraded" with a PHOTOS_DIR-relative reason after a failed one', async () => {
    const goodPhotos = join(root, 'good');
    mkdirSync(goodPhotos);
    stack = await stackOn(join(root, 'good-data'), goodPhotos);
    await stack.ingestDone;
    const healthy = await getJson(`${stack.url}/healthz`);
    assert.equal(healthy.status, 200);
    const { watch, ...rest } = healthy.body;
    assert.deepEqual(rest, {
      status: 'ok',
      ingest: { state: 'done', done: 0, total: 0 },
      // VISION=false: vision says it is off (test/server/vision-health.vision.test.ts has it running).
      vision: { state: 'off', done: 0, total: 0, photosPerSecond: null },
    });
    // Following PHOTOS_DIR (test/server/follow-photos.e2e.test.ts): nothing changed yet, hourly rescans.
    assert.deepEqual(
      { ...(watch as object), watcher: 'any' },
      {
        watcher: 'any',
        rescanMinutes: 60,
        passes: 0,
        rescans: 0,
        pending: 0,
      },
    );
    await stack.close();

    // The folder exists when the stack starts (the startup check passes), then goes away like an unplugged disk.
    const photosDir = join(root, 'unplugged');
    mkdirSync(photosDir);
    const starting = stackOn(join(root, 'data'), photosDir);
    rmSync(photosDir, { recursive: true });
    stack = await starting;
    await stack.ingestDone;
    const degraded = await getJson(`${stack.url}/healthz`);
    assert.equal(degraded.status, 200);
    assert.equal(degraded.body.status, 'degraded', JSON.stringify(degraded.body));
    const ingest = degraded.body.ingest as { state: string; reason: string };
    assert.equal(ingest.state, 'failed');
    assert.equal(ingest.reason, 'SOURCE_NOT_FOUND: Photo folder PHOTOS_DIR does not exist or cannot be read');
    assert.ok(!ingest.reason.includes(root), `reason leaks an absolute path: ${ingest.reason}`);
  });

  it('refuses to start on a PHOTOS_DIR that does not exist, naming the variable', async () => {
    const missing = join(root, 'no-such-folder');
    await assert.rejects(stackOn(join(root, 'data'), missing), (error: Error) => {
      assert.match(
        error.message,
        /^PHOTOS_DIR .*no-such-folder does not exist or cannot be read \(ENOENT\)$/,
      );
      return true;
    });
  });

  it('refuses to start on a PHOTOS_DIR that is a file', async () => {
    const file = join(root, 'photos.txt');
    writeFileSync(file, 'not a folder');
    await assert.rejects(
      stackOn(join(root, 'data'), file),
      /^Error: PHOTOS_DIR .*photos\.txt is not a folder$/,
    );
  });
});
