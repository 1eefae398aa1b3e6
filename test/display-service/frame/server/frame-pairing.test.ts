import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import express from 'express';
import { createDisplayHttpClient } from '../../../../common/clients/display-client';
import { createLogger } from '../../../../common/logger';
import { isAppError } from '../../../../common/errors';
import { createDisplay, type Display, type FrameAccessOptions } from '../../../../display-service/display';
import { describeOnEachEngine, type TestDatabase } from '../../helpers/display-engines';
import { TEST_SIGNING_KEY } from '../../helpers/display-harness';
import { fakeSummary, makeTempDir } from '../../helpers/image-fixtures';
import { InMemoryLibrary } from '../../helpers/in-memory-library';

const ALICE = 'alice';
const BOB = 'bob';
const VIEWPORT = { width: 1280, height: 800, shape: 'RECTANGLE' as const };
const MINUTE = 60_000;

interface Running {
  display: Display;
  url: string;
  close(): Promise<void>;
}

/** The display with its frame router at /frame, as the local stack mounts it, on an injectable clock. */
async function startFrameDisplay(
  database: TestDatabase,
  dir: string,
  frame: Partial<FrameAccessOptions>,
  clock: { now: number },
): Promise<Running> {
  const library = new InMemoryLibrary();
  for (let i = 0; i < 6; i++) {
    library.add(ALICE, fakeSummary(`alice_${i}`, `2024-05-0${i + 1}T10:00:00`));
    library.add(BOB, fakeSummary(`bob_${i}`, `2024-06-0${i + 1}T10:00:00`));
  }
  const app = express();
  const server: Server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const display = await createDisplay({
    database: database.location,
    library,
    renditionsDir: join(dir, 'renditions'),
    publicBaseUrl: url,
    signingKey: TEST_SIGNING_KEY,
    urlTtlSeconds: 3600,
    logger: createLogger('silent'),
    now: () => clock.now,
    frame,
  });
  app.use('/v1/display', display.router);
  app.use('/frame', display.frameRouter);
  return {
    display,
    url,
    async close() {
      await display.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describeOnEachEngine('web frame pairing', (engine) => {
  let database: TestDatabase;
  let cleanupDir: () => Promise<void>;
  let running: Running;
  const clock = { now: Date.UTC(2026, 6, 14, 12) };

  async function start(frame: Partial<FrameAccessOptions>): Promise<Running> {
    const { dir, cleanup } = await makeTempDir();
    cleanupDir = cleanup;
    running = await startFrameDisplay(database, dir, frame, clock);
    return running;
  }

  beforeEach(async () => {
    database = await engine.open();
    clock.now = Date.UTC(2026, 6, 14, 12);
  });
  afterEach(async () => {
    await running?.close();
    await cleanupDir?.();
    await database.cleanup();
  });

  it('accounts off: every frame shows the local owner, and linking is refused with 409 FRAME_ACCOUNTS_OFF', async () => {
    const { url, display } = await start({ accounts: false, ownerId: ALICE });
    assert.deepEqual((await post(`${url}/frame/api/session`, {})).body, { status: 'ready', frameId: null });
    const page = await post(
      `${url}/frame/api/ambient`,
      { viewport: VIEWPORT },
      { 'x-frame-device': 'kitchen-tablet-1' },
    );
    assert.equal(page.status, 200);
    const items = page.body.items as { url: string; photoIds: string[] }[];
    assert.ok(items.length > 0);
    for (const item of items) {
      assert.equal(new URL(item.url).searchParams.get('owner'), ALICE);
      assert.ok(item.photoIds.every((id) => id.startsWith('alice_')));
    }
    await assert.rejects(
      display.api.linkFrame(ALICE, '1234'),
      (e) => isAppError(e) && e.code === 'FRAME_ACCOUNTS_OFF',
    );
  });

  it('accounts on: an unlinked frame gets a 4-digit code and no photos; once its owner links it, only that owner’s', async () => {
    const { url } = await start({ accounts: true, ownerId: 'local' });
    const first = await post(`${url}/frame/api/session`, {});
    assert.equal(first.body.status, 'unlinked');
    assert.match(String(first.body.code), /^\d{4}$/);
    assert.match(String(first.body.token), /^[A-Za-z0-9_-]{43}$/);
    const token = String(first.body.token);
    const headers = { 'x-frame-token': token };

    // The same frame asking again keeps its code (and never gets its token twice).
    const again = await post(`${url}/frame/api/session`, {}, headers);
    assert.equal(again.body.code, first.body.code);
    assert.equal(again.body.token, undefined);

    // Nothing to show before it is linked, whatever device id it claims.
    const refused = await post(`${url}/frame/api/ambient`, { viewport: VIEWPORT }, headers);
    assert.equal(refused.status, 401);
    assert.equal((refused.body.error as { code: string }).code, 'FRAME_NOT_LINKED');

    // Bob links it over HTTP with the owner header; the code is used up.
    const client = createDisplayHttpClient(`${url}/v1/display`);
    const linked = await client.linkFrame(BOB, String(first.body.code));
    assert.equal(linked.ownerId, BOB);
    assert.equal(linked.frameId, first.body.frameId);
    await assert.rejects(client.linkFrame(ALICE, String(first.body.code)), /FRAME_CODE_INVALID|404/);

    assert.deepEqual((await post(`${url}/frame/api/session`, {}, headers)).body, {
      status: 'ready',
      frameId: first.body.frameId,
    });
    const page = await post(`${url}/frame/api/ambient`, { viewport: VIEWPORT }, headers);
    assert.equal(page.status, 200);
    const items = page.body.items as { url: string; photoIds: string[] }[];
    assert.ok(items.length > 0);
    for (const item of items) {
      assert.equal(new URL(item.url).searchParams.get('owner'), BOB);
      assert.ok(item.photoIds.every((id) => id.startsWith('bob_')));
    }
    // The frame's own slideshow, never another owner's: Alice's ambient slideshow id is not found through it.
    const alicePage = await running.display.api.startAmbient({
      ownerId: ALICE,
      deviceId: 'echo',
      viewport: VIEWPORT,
    });
    const foreign = await fetch(
      `${url}/frame/api/slideshows/${alicePage.slideshowId}/items?start=0&count=5`,
      {
        headers,
      },
    );
    assert.equal(foreign.status, 404);
  });

  it('codes expire: an old code no longer links, and the frame is shown a fresh one', async () => {
    const { url, display } = await start({ accounts: true, ownerId: 'local', codeTtlSeconds: 600 });
    const first = await post(`${url}/frame/api/session`, {});
    const headers = { 'x-frame-token': String(first.body.token) };
    clock.now += 10 * MINUTE + 1000;
    await assert.rejects(
      display.api.linkFrame(ALICE, String(first.body.code)),
      (e) => isAppError(e) && e.status === 404,
    );
    const renewed = await post(`${url}/frame/api/session`, {}, headers);
    assert.equal(renewed.body.status, 'unlinked');
    assert.equal(renewed.body.frameId, first.body.frameId);
    assert.ok(Date.parse(String(renewed.body.expiresAt)) > clock.now + 9 * MINUTE);
    const linked = await display.api.linkFrame(ALICE, String(renewed.body.code));
    assert.equal(linked.ownerId, ALICE);
  });

  it('wrong codes are rate-limited per owner (429 even for the right code), and the limit lifts after the window', async () => {
    const { url, display } = await start({ accounts: true, ownerId: 'local', maxFailuresPerOwner: 3 });
    const frame = await post(`${url}/frame/api/session`, {});
    const code = String(frame.body.code);
    const wrong = code === '0000' ? '0001' : '0000';
    for (let i = 0; i < 3; i++) {
      await assert.rejects(
        display.api.linkFrame(BOB, wrong),
        (e) => isAppError(e) && e.code === 'FRAME_CODE_INVALID',
      );
    }
    const limited = await post(`${url}/v1/display/frames/link`, { code }, { 'x-photo-owner': BOB });
    assert.equal(limited.status, 429);
    assert.equal((limited.body.error as { code: string }).code, 'FRAME_LINK_RATE_LIMITED');
    // Another owner is not held up by Bob's guesses.
    clock.now += 11 * MINUTE;
    const renewed = await post(`${url}/frame/api/session`, {}, { 'x-frame-token': String(frame.body.token) });
    const linked = await display.api.linkFrame(BOB, String(renewed.body.code));
    assert.equal(linked.ownerId, BOB);
  });

  it('validates the code: 400 for anything but four digits, 400 without an owner header', async () => {
    const { url } = await start({ accounts: true, ownerId: 'local' });
    const bad = await post(`${url}/v1/display/frames/link`, { code: '12a4' }, { 'x-photo-owner': BOB });
    assert.equal(bad.status, 400);
    const anonymous = await post(`${url}/v1/display/frames/link`, { code: '1234' });
    assert.equal(anonymous.status, 400);
    assert.equal((anonymous.body.error as { code: string }).code, 'OWNER_HEADER_REQUIRED');
  });
});
