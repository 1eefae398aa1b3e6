import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import sharp from 'sharp';
import { OWNER_HEADER, slideshowPageSchema } from '../../../common/contracts';
import { createLogger } from '../../../common/logger';
import { createLibrary, type Library } from '../../../metadata-service/library';
import { SERVICE_AUTH, TEST_SERVICE_TOKEN, authenticateV1, bearer } from '../../support/test-credentials';
import { standaloneDisplayConfigFromEnv } from '../../../display-service/standalone/config';
import { startTierProcess, until, type TierProcess } from '../../support/tier-process';

const SIGNING_KEY = 'standalone-display-test-key-0123456789';

/**
 * The pid that answered, on a TCP connection of its own each time (the cluster hands connections out round-robin).
 * A raw socket, not http.get: other suites load HTTP interceptors (nock, and virtual-alexa's old copy of it) that
 * patch node:http for the whole test process.
 */
function healthPid(base: string): Promise<number | undefined> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve) => {
    let answer = '';
    const socket = connect({ host: hostname, port: Number(port) }, () => {
      socket.write(`GET /healthz HTTP/1.1\r\nHost: ${hostname}\r\nConnection: close\r\n\r\n`);
    });
    socket.setEncoding('utf8');
    socket.setTimeout(2000, () => socket.destroy());
    socket.on('data', (chunk: string) => (answer += chunk));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      const body = answer.startsWith('HTTP/1.1 200') ? answer.slice(answer.indexOf('\r\n\r\n') + 4) : '';
      try {
        resolve(body === '' ? undefined : (JSON.parse(body) as { pid: number }).pid);
      } catch {
        resolve(undefined);
      }
    });
  });
}

describe('standalone display server (npm run start:display): worker processes sharing one port', function () {
  this.timeout(120_000);
  let dir: string;
  let library: Library;
  let libraryServer: Server;
  let display: TierProcess | undefined;
  let base: string;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pf-standalone-display-'));
    const photos = join(dir, 'photos');
    await mkdir(photos, { recursive: true });
    // Two different pictures (a white square in different corners), so they are not near-duplicates of each other.
    for (const [i, corner] of [
      { left: 0, top: 0 },
      { left: 480, top: 320 },
    ].entries()) {
      await sharp({ create: { width: 640, height: 480, channels: 3, background: '#2040d0' } })
        .composite([
          { input: { create: { width: 160, height: 160, channels: 3, background: '#ffffff' } }, ...corner },
        ])
        .jpeg()
        .toFile(join(photos, `IMG_${i}.jpg`));
    }
    library = await createLibrary({
      database: { kind: 'sqlite', file: join(dir, 'library.sqlite') },
      logger: createLogger('silent'),
    });
    await library.ingest(photos, { ownerId: 'local' });
    const app = express();
    authenticateV1(app, library.credentials);
    app.use('/v1/library', library.router);
    libraryServer = app.listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => libraryServer.once('listening', resolve));
    const libraryPort = (libraryServer.address() as AddressInfo).port;

    display = await startTierProcess({
      main: 'display-service/standalone/main.ts',
      env: (url) => ({
        DISPLAY_SQLITE_FILE: join(dir, 'display.sqlite'),
        DATABASE_URL: '',
        METADATA_SERVICE_URL: `http://127.0.0.1:${libraryPort}`,
        PUBLIC_BASE_URL: url,
        RENDITION_SIGNING_KEYS: SIGNING_KEY,
        SERVICE_TOKENS: `${TEST_SERVICE_TOKEN},${TEST_SERVICE_TOKEN}-next`,
        DISPLAY_RENDITIONS_DIR: join(dir, 'renditions'),
        DISPLAY_WORKERS: '2',
        LOG_LEVEL: 'silent',
      }),
      ready: healthPid,
    });
    base = display.base;
  });

  after(async () => {
    await display?.stop();
    await new Promise<void>((resolve) => libraryServer.close(() => resolve()));
    await library.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('makes slideshows over the library served elsewhere and serves their renditions', async () => {
    const created = await fetch(`${base}/v1/display/slideshows`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...SERVICE_AUTH, [OWNER_HEADER]: 'local' },
      body: JSON.stringify({ ownerId: 'local', query: {}, viewport: { width: 1280, height: 800 } }),
    });
    assert.equal(created.status, 201);
    const page = slideshowPageSchema.parse(await created.json());
    assert.equal(page.total, 2);
    for (const item of page.items) {
      assert.ok(item.url.startsWith(`${base}/v1/display/renditions/`), item.url);
      const image = await fetch(item.url);
      assert.equal(image.status, 200);
      const { width, height, format } = await sharp(Buffer.from(await image.arrayBuffer())).metadata();
      assert.deepEqual({ width, height, format }, { width: 1280, height: 800, format: 'jpeg' });
    }
    assert.equal((await fetch(`${base}/readyz`)).status, 200);
  });

  it("refuses callers without a credential or with a forged one, and checks a person's credential with the library", async () => {
    const create = (headers: Record<string, string>) =>
      fetch(`${base}/v1/display/slideshows`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ ownerId: 'local', query: {}, viewport: { width: 1280, height: 800 } }),
      });
    const codeOf = async (response: Response) =>
      `${response.status} ${((await response.json()) as { error: { code: string } }).error.code}`;
    assert.equal(await codeOf(await create({ [OWNER_HEADER]: 'local' })), '401 AUTH_REQUIRED');
    assert.equal(
      await codeOf(await create({ ...bearer(`${TEST_SERVICE_TOKEN}-forged`), [OWNER_HEADER]: 'local' })),
      '401 AUTH_INVALID',
    );
    // The second service token is accepted too (rotation).
    assert.equal(
      (await create({ ...bearer(`${TEST_SERVICE_TOKEN}-next`), [OWNER_HEADER]: 'local' })).status,
      201,
    );
    const { token } = await library.credentials.create({
      ownerId: 'local',
      scopes: ['display'],
      label: 'test',
    });
    assert.equal((await create(bearer(token))).status, 201);
    const other = await library.credentials.create({
      ownerId: 'someone-else',
      scopes: ['owner'],
      label: 'test',
    });
    assert.equal(await codeOf(await create(bearer(other.token))), '403 OWNER_FORBIDDEN');
  });

  it("serves the web app at / behind the owner's sign-in, its API talking to the library tier", async () => {
    const bare = await fetch(`${base}/`, { redirect: 'manual' });
    assert.equal(bare.status, 303);
    assert.equal(bare.headers.get('location'), '/frame/sign-in?next=%2F');
    assert.equal((await fetch(`${base}/app/api/status`)).status, 401);
    assert.equal((await fetch(`${base}/frame/sign-in?next=%2F`)).status, 200);

    const signIn = (token: string) =>
      fetch(`${base}/frame/sign-in`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ token, next: '/' }).toString(),
      });
    assert.equal((await signIn('pf_not-a-real-credential-at-all-0123456789')).status, 401);
    const { token } = await library.credentials.create({
      ownerId: 'local',
      scopes: ['owner'],
      label: 'web app test',
    });
    const signedIn = await signIn(token);
    assert.equal(signedIn.status, 303);
    assert.equal(signedIn.headers.get('location'), '/');
    const cookie = (signedIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    assert.match(cookie, /^pf_session=/);

    // Either worker process reads the session (one key for every instance).
    for (let i = 0; i < 2; i++) {
      const shell = await fetch(`${base}/`, { headers: { cookie } });
      assert.equal(shell.status, 200);
      assert.match(await shell.text(), /<script src="\/app\.js\?v=/);
      const status = await fetch(`${base}/app/api/status`, { headers: { cookie } });
      assert.equal(status.status, 200);
      assert.equal(((await status.json()) as { photoCount: number }).photoCount, 2);
    }
    // The people page's call goes through the web app's library client to the library tier's /people.
    const people = await fetch(`${base}/app/api/people`, { headers: { cookie } });
    assert.equal(people.status, 200, await people.clone().text());
    assert.deepEqual(((await people.json()) as { people: unknown[] }).people, []);

    // A session from a credential revoked in the library ends: the page asks for a sign-in again.
    const other = await library.credentials.create({ ownerId: 'local', scopes: ['owner'], label: 'revoked' });
    const otherCookie = ((await signIn(other.token)).headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    await library.credentials.revoke(other.credential.id);
    assert.equal(
      (await fetch(`${base}/`, { redirect: 'manual', headers: { cookie: otherCookie } })).status,
      303,
    );
    // The tier's own status page moved to /status, linked to the web app.
    const statusPage = await (await fetch(`${base}/status`)).text();
    assert.ok(statusPage.includes('href="/"'));
  });

  it('spreads connections over two worker processes and replaces one that dies', async () => {
    const pids = async () => {
      const seen = new Set<number>();
      for (let i = 0; i < 20; i++) {
        const pid = await healthPid(base);
        if (pid !== undefined) seen.add(pid);
      }
      return seen;
    };
    const before = await pids();
    assert.equal(before.size, 2, `expected two workers, saw ${[...before].join(', ')}`);
    const [victim] = before;
    process.kill(victim ?? 0, 'SIGKILL');
    const after = await until('a replacement worker', async () => {
      const seen = await pids();
      return seen.size === 2 && !seen.has(victim ?? 0) ? seen : undefined;
    });
    assert.equal(after.size, 2);
  });

  it('reads its configuration from the environment, naming what is wrong', () => {
    const valid = {
      DISPLAY_SQLITE_FILE: 'display.sqlite',
      METADATA_SERVICE_URL: 'http://library.internal:8080',
      PUBLIC_BASE_URL: 'https://photos.example.com/',
      RENDITION_SIGNING_KEYS: `${SIGNING_KEY}, ${SIGNING_KEY}-old`,
      SERVICE_TOKENS: TEST_SERVICE_TOKEN,
    };
    const config = standaloneDisplayConfigFromEnv(valid);
    assert.equal(config.publicBaseUrl, 'https://photos.example.com');
    assert.deepEqual(config.signingKeys, [SIGNING_KEY, `${SIGNING_KEY}-old`]);
    assert.ok(config.workers >= 1);
    assert.throws(
      () => standaloneDisplayConfigFromEnv({ ...valid, RENDITION_SIGNING_KEYS: 'short' }),
      /RENDITION_SIGNING_KEYS must be one or more comma-separated keys/,
    );
    assert.throws(
      () => standaloneDisplayConfigFromEnv({ ...valid, DISPLAY_SQLITE_FILE: undefined }),
      /DATABASE_URL or DISPLAY_SQLITE_FILE/,
    );
    assert.throws(
      () => standaloneDisplayConfigFromEnv({ ...valid, SERVICE_TOKENS: 'short' }),
      /SERVICE_TOKENS must be one or more comma-separated tokens/,
    );
    assert.deepEqual(standaloneDisplayConfigFromEnv(valid).serviceTokens, [TEST_SERVICE_TOKEN]);
  });
});
