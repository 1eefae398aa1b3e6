import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { OWNER_HEADER, searchResponseSchema, slideshowPageSchema } from '../../../common/contracts';
import { createLogger } from '../../../common/logger';
import { createLibrary } from '../../../metadata-service/library';
import { standaloneLibraryConfigFromEnv } from '../../../metadata-service/standalone/config';
import { rawGet } from '../../support/raw-http';
import { SERVICE_AUTH, TEST_SERVICE_TOKEN, bearer } from '../../support/test-credentials';
import { startTierProcess, until, type TierProcess } from '../../support/tier-process';

/** How long a busy machine may take to start the workers and index two photos. */
const WAIT = { timeoutMs: 90_000, intervalMs: 250 };

/** A blue picture with a white square in one corner: two corners are two different photos, not near-duplicates. */
async function writePhoto(file: string, corner: { left: number; top: number }): Promise<void> {
  await sharp({ create: { width: 320, height: 240, channels: 3, background: '#2040d0' } })
    .composite([
      { input: { create: { width: 80, height: 80, channels: 3, background: '#ffffff' } }, ...corner },
    ])
    .jpeg()
    .toFile(file);
}

describe('standalone library server (npm run start:library)', function () {
  this.timeout(180_000);
  let dir: string;
  let child: TierProcess | undefined;
  let base: string;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pf-standalone-library-'));
    const photos = join(dir, 'photos');
    await mkdir(photos, { recursive: true });
    await writePhoto(join(photos, 'IMG_1.jpg'), { left: 0, top: 0 });
    await writePhoto(join(photos, 'IMG_2.jpg'), { left: 240, top: 160 });
    child = await startTierProcess({
      main: 'metadata-service/standalone/main.ts',
      stderr: 'capture',
      env: {
        HOST: '127.0.0.1',
        DATA_DIR: dir,
        DATABASE_URL: '',
        SERVICE_TOKENS: TEST_SERVICE_TOKEN,
        // Two workers: the primary ingests, the workers serve and learn its progress over IPC.
        LIBRARY_WORKERS: '2',
        PHOTOS_DIR: photos,
        VISION: 'false',
        LOG_LEVEL: 'warn',
      },
      readyTimeoutMs: WAIT.timeoutMs,
    });
    base = child.base;
  });

  after(async () => {
    await child?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  const people = (headers: Record<string, string>) =>
    fetch(`${base}/v1/library/people`, { headers: { [OWNER_HEADER]: 'local', ...headers } });

  it('answers /healthz and /readyz without a credential', async () => {
    const health = await fetch(`${base}/healthz`);
    assert.equal(health.status, 200);
    const body = (await health.json()) as { status: string; pid: number };
    assert.equal(body.status, 'ok');
    assert.equal(typeof body.pid, 'number');
    const ready = await fetch(`${base}/readyz`);
    assert.equal(ready.status, 200);
    assert.deepEqual(await ready.json(), { status: 'ready' });
  });

  it('serves /v1/library to a service credential and refuses a caller without one or with a forged one', async () => {
    const served = await people(SERVICE_AUTH);
    assert.equal(served.status, 200, child?.stderr());
    assert.deepEqual(await served.json(), { people: [] });
    const anonymous = await people({});
    assert.equal(anonymous.status, 401);
    assert.equal(((await anonymous.json()) as { error: { code: string } }).error.code, 'AUTH_REQUIRED');
    const forged = await people(bearer(`${TEST_SERVICE_TOKEN}-forged`));
    assert.equal(forged.status, 401);
    assert.equal(((await forged.json()) as { error: { code: string } }).error.code, 'AUTH_INVALID');
  });

  it('indexes PHOTOS_DIR once in the primary, and accepts owner credentials from its own database', async () => {
    const search = (headers: Record<string, string>) =>
      fetch(`${base}/v1/library/search`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ limit: 10 }),
      });
    const found = await until(
      'the startup ingest',
      async () => {
        const response = await search({ ...SERVICE_AUTH, [OWNER_HEADER]: 'local' });
        const result = searchResponseSchema.parse(await response.json());
        return result.total === 2 ? result : undefined;
      },
      WAIT,
    );
    assert.deepEqual(found.photos.map((photo) => photo.source.path).sort(), ['IMG_1.jpg', 'IMG_2.jpg']);
    // Every worker's /healthz reports the primary's ingest (fresh connections reach either worker).
    // A worker still starting (loading its modules on a busy machine) gets no connections yet: keep asking until
    // both have answered, each with the primary's finished ingest.
    const pids = new Set<number>();
    const giveUpAt = Date.now() + 60_000;
    for (let i = 0; pids.size < 2 && Date.now() < giveUpAt; i++) {
      if (i >= 6) await new Promise((resolveWait) => setTimeout(resolveWait, 200));
      const health = await until(
        'the ingest state on /healthz',
        async () => {
          // A connection of its own each time, so the cluster hands it to the next worker.
          const body = JSON.parse((await rawGet(`${base}/healthz`)).body.toString('utf8')) as {
            status: string;
            pid: number;
            ingest?: { state: string; done: number; total: number };
          };
          return body.ingest?.state === 'done' ? body : undefined;
        },
        WAIT,
      );
      assert.deepEqual(
        { status: health.status, ingest: health.ingest },
        {
          status: 'ok',
          ingest: { state: 'done', done: 2, total: 2 },
        },
      );
      pids.add(health.pid);
    }
    assert.equal(pids.size, 2, 'both workers answered');
    // The home page says the same, to anyone (it holds no owner data).
    const home = await fetch(`${base}/`);
    assert.equal(home.status, 200);
    assert.match(home.headers.get('content-type') ?? '', /^text\/html/);
    const html = await home.text();
    assert.match(html, /<dt>Startup ingest<\/dt><dd>done \(2 of 2\)<\/dd>/);
    assert.match(html, /<dt>Ready<\/dt><dd>yes<\/dd>/);
    assert.ok(html.includes('href="/v1/library/openapi.json"'));

    // A credential made the way `npm run credentials -- create` makes it, in the same SQLite file.
    const library = await createLibrary({
      database: { kind: 'sqlite', file: join(dir, 'library.sqlite') },
      logger: createLogger('silent'),
    });
    try {
      const { token } = await library.credentials.create({
        ownerId: 'local',
        scopes: ['library:read'],
        label: 'test',
      });
      const asOwner = await search(bearer(token));
      assert.equal(asOwner.status, 200);
      assert.equal(searchResponseSchema.parse(await asOwner.json()).total, 2);
      const other = await library.credentials.create({ ownerId: 'anna', scopes: ['owner'], label: 'test' });
      const foreign = await fetch(`${base}/v1/library/people`, {
        headers: { ...bearer(other.token), [OWNER_HEADER]: 'local' },
      });
      assert.equal(foreign.status, 403);
    } finally {
      await library.close();
    }
  });

  it('counts requests by route pattern, method and status on /metrics', async () => {
    const before = await fetch(`${base}/metrics`);
    assert.equal(before.status, 200);
    assert.match(before.headers.get('content-type') ?? '', /^text\/plain/);
    const count = (text: string, series: string): number => {
      const line = text.split('\n').find((l) => l.startsWith(`${series} `));
      return line === undefined ? 0 : Number(line.split(' ')[1]);
    };
    const okSeries =
      'photoframe_library_requests_total{route="/v1/library/people",method="GET",status="200"}';
    const refusedSeries =
      'photoframe_library_requests_total{route="/v1/library/*",method="GET",status="401"}';
    const text = await before.text();
    const ok = count(text, okSeries);
    const refused = count(text, refusedSeries);
    await people(SERVICE_AUTH);
    await people({});
    await people({});
    const after = await (await fetch(`${base}/metrics`)).text();
    assert.equal(count(after, okSeries), ok + 1);
    assert.equal(count(after, refusedSeries), refused + 2);
    assert.match(after, /# TYPE photoframe_library_request_seconds histogram/);
  });

  it('is the library of a display on its own (start:display pointed at it): slideshows and renditions', async () => {
    const display = await startTierProcess({
      main: 'display-service/standalone/main.ts',
      env: (displayBase) => ({
        DISPLAY_SQLITE_FILE: join(dir, 'display.sqlite'),
        DATABASE_URL: '',
        METADATA_SERVICE_URL: base,
        PUBLIC_BASE_URL: displayBase,
        RENDITION_SIGNING_KEYS: 'standalone-library-test-signing-key-0123456789',
        SERVICE_TOKENS: TEST_SERVICE_TOKEN,
        DISPLAY_RENDITIONS_DIR: join(dir, 'renditions'),
        DISPLAY_WORKERS: '1',
        LOG_LEVEL: 'silent',
      }),
    });
    try {
      const created = await fetch(`${display.base}/v1/display/slideshows`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...SERVICE_AUTH, [OWNER_HEADER]: 'local' },
        body: JSON.stringify({ ownerId: 'local', query: {}, viewport: { width: 1280, height: 800 } }),
      });
      assert.equal(created.status, 201);
      const page = slideshowPageSchema.parse(await created.json());
      assert.equal(page.total, 2);
      const first = page.items[0];
      assert.ok(first !== undefined);
      const image = await fetch(first.url);
      assert.equal(image.status, 200);
      const { width, height } = await sharp(Buffer.from(await image.arrayBuffer())).metadata();
      assert.deepEqual([width, height], [1280, 800]);
    } finally {
      await display.stop();
    }
  });

  it('reads its configuration from the environment, naming what is wrong', () => {
    const config = standaloneLibraryConfigFromEnv({
      SERVICE_TOKENS: TEST_SERVICE_TOKEN,
      DATA_DIR: '/srv/pf',
    });
    assert.deepEqual(config.database, { kind: 'sqlite', file: '/srv/pf/library.sqlite' });
    assert.equal(config.host, '127.0.0.1');
    assert.equal(config.port, 8082);
    assert.equal(config.photosDir, undefined);
    assert.equal(config.vision, undefined);
    const postgres = standaloneLibraryConfigFromEnv({
      SERVICE_TOKENS: `${TEST_SERVICE_TOKEN}, ${TEST_SERVICE_TOKEN}-next`,
      DATABASE_URL: 'postgres://pf@db.internal/photos',
      HOST: '0.0.0.0',
      PORT: '9000',
      LIBRARY_WORKERS: '3',
    });
    assert.deepEqual(postgres.database, { kind: 'postgres', url: 'postgres://pf@db.internal/photos' });
    assert.deepEqual(postgres.serviceTokens, [TEST_SERVICE_TOKEN, `${TEST_SERVICE_TOKEN}-next`]);
    assert.deepEqual([postgres.host, postgres.port, postgres.workers], ['0.0.0.0', 9000, 3]);
    assert.throws(
      () => standaloneLibraryConfigFromEnv({}),
      /SERVICE_TOKENS must name the service credentials/,
    );
    assert.throws(
      () => standaloneLibraryConfigFromEnv({ SERVICE_TOKENS: 'short' }),
      /SERVICE_TOKENS must be one or more comma-separated tokens of at least 32 characters/,
    );
    assert.throws(
      () => standaloneLibraryConfigFromEnv({ SERVICE_TOKENS: TEST_SERVICE_TOKEN, DATABASE_URL: 'mysql://x' }),
      /DATABASE_URL must be a postgres:\/\/ URL/,
    );
    assert.throws(
      () => standaloneLibraryConfigFromEnv({ SERVICE_TOKENS: TEST_SERVICE_TOKEN, HOST: 'not a host' }),
      /HOST must be an IP address/,
    );
  });
});
