import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import sharp from 'sharp';
import { makeTempDir, type TempDir } from '../support/fixtures';

const PHOTO_COUNT = 60;
const REPO_ROOT = resolve(__dirname, '../../..');

const WIDTH = 1600;
const HEIGHT = 1200;

/**
 * Large noisy JPEGs (about 2 MB): slow enough to hash and decode that the run can be caught half-way, yet quick
 * to make: one block of random pixels, each file with its own first row so every file has its own bytes.
 */
async function writeNoisyJpeg(path: string, pixels: Buffer, seed: number): Promise<void> {
  const own = Buffer.from(pixels);
  own.fill(seed % 256, 0, WIDTH * 3);
  await sharp(own, { raw: { width: WIDTH, height: HEIGHT, channels: 3 } })
    .jpeg({ quality: 90 })
    .toFile(path);
}

function spawnIngest(folder: string, dataDir: string): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'metadata-service/cli/ingest.ts', folder], {
    cwd: REPO_ROOT,
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', PHOTO_OWNER_ID: 'kill-test' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Photos stored so far, read the way another process would see them (read-only, WAL-aware). */
function countStored(file: string): number | undefined {
  if (!existsSync(file)) return undefined;
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM photos').get() as { n: number }).n;
  } catch {
    return undefined; // not migrated yet
  } finally {
    db.close();
  }
}

describe('resumable ingest (kill test)', function () {
  this.timeout(120_000);
  let tmp: TempDir;

  beforeEach(async () => {
    tmp = await makeTempDir('pf-kill-');
  });
  afterEach(async () => {
    await tmp.cleanup();
  });

  it('a SIGKILLed ingest loses nothing, and the rerun adds exactly the missing photos', async () => {
    const folder = join(tmp.path, 'photos');
    await mkdir(join(folder, 'Trip'), { recursive: true });
    const paths: string[] = [];
    const pixels = randomBytes(WIDTH * HEIGHT * 3);
    for (let i = 0; i < PHOTO_COUNT; i += 1) {
      const path = `Trip/IMG_${String(i).padStart(3, '0')}.jpg`;
      await writeNoisyJpeg(join(folder, path), pixels, i);
      paths.push(path);
    }
    const dataDir = join(tmp.path, 'data');
    const dbFile = join(dataDir, 'library.sqlite');

    const first = spawnIngest(folder, dataDir);
    const firstExit = once(first, 'exit');
    let seen: number | undefined;
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline && first.exitCode === null) {
      seen = countStored(dbFile);
      if (seen !== undefined && seen > 0) break;
      await new Promise((r) => setTimeout(r, 5));
    }
    first.kill('SIGKILL');
    const [, signal] = (await firstExit) as [number | null, NodeJS.Signals | null];
    assert.equal(
      signal,
      'SIGKILL',
      'the first run finished before it could be killed: make the fixtures slower',
    );

    const storedAtKill = countStored(dbFile) ?? 0;
    assert.ok(storedAtKill > 0, 'nothing was stored before the kill');
    assert.ok(storedAtKill < PHOTO_COUNT, `all ${PHOTO_COUNT} were stored before the kill`);

    const second = spawnIngest(folder, dataDir);
    let stdout = '';
    second.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const [code] = (await once(second, 'exit')) as [number | null, NodeJS.Signals | null];
    assert.equal(code, 0, stdout);
    const counts = /indexed (\d+), unchanged (\d+), updated (\d+), removed (\d+), skipped (\d+)/.exec(stdout);
    assert.ok(counts, stdout);
    assert.deepEqual(counts.slice(1).map(Number), [PHOTO_COUNT - storedAtKill, storedAtKill, 0, 0, 0]);

    const db = new Database(dbFile, { readonly: true });
    try {
      assert.equal(
        (db.prepare('PRAGMA integrity_check').get() as { integrity_check: string }).integrity_check,
        'ok',
      );
      const rows = db
        .prepare('SELECT id, content_hash, source_path FROM photos ORDER BY source_path')
        .all() as {
        id: string;
        content_hash: string;
        source_path: string;
      }[];
      assert.deepEqual(
        rows.map((r) => r.source_path),
        paths,
      );
      assert.equal(new Set(rows.map((r) => r.id)).size, PHOTO_COUNT);
      assert.equal(new Set(rows.map((r) => r.content_hash)).size, PHOTO_COUNT);
      const skips = db.prepare('SELECT count(*) AS n FROM ingest_skips').get() as { n: number };
      assert.equal(skips.n, 0);
    } finally {
      db.close();
    }
  });
});
