import assert from 'node:assert/strict';
import { createServer, get as httpGet, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import express from 'express';
import type { CredentialRepository } from '../../../../common/auth/credential-repository';
import { createDisplayHttpClient } from '../../../../common/clients/display-client';
import { createLogger } from '../../../../common/logger';
import { isAppError } from '../../../../common/errors';
import { createDisplay, type Display, type FrameAccessOptions } from '../../../../display-service/display';
import { describeOnEachEngine, type TestDatabase } from '../../helpers/display-engines';
import { TEST_SIGNING_KEY } from '../../helpers/display-harness';
import { fakeSummary, makeTempDir } from '../../helpers/image-fixtures';
import { InMemoryLibrary } from '../../helpers/in-memory-library';
import {
  SERVICE_AUTH,
  TEST_SERVICE_TOKEN,
  authenticateV1,
  bearer,
  openTestCredentials,
  testAuthenticator,
} from '../../../support/test-credentials';
import { httpTarget } from '../../../support/http-target';

const ALICE = 'alice';
const BOB = 'bob';
const VIEWPORT = { width: 1280, height: 800, shape: 'RECTANGLE' as const };
const MINUTE = 60_000;

interface Running {
  display: Display;
  url: string;
  credentials: CredentialRepository;
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
  const { credentials, close: closeCredentials } = await openTestCredentials(database.location);
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
    session: { authenticator: testAuthenticator(credentials) },
  });
  authenticateV1(app, credentials);
  app.use('/v1/display', display.router);
  app.use('/frame', display.frameRouter);
  return {
    display,
    url,
    credentials,
    async close() {
      await display.close();
      await closeCredentials();
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

function codeOf(body: Record<string, unknown>): string {
  return (body.error as { code: string }).code;
}

/** A GET on node:http, which (unlike fetch) sends the Host header it is given. */
function rawGet(
  url: string,
  headers: Record<string, string>,
): Promise<{ status: number; location?: string; setCookie?: string[] }> {
  return new Promise((resolve, reject) => {
    const request = httpGet({ ...httpTarget(url), headers }, (response) => {
      response.resume();
      resolve({
        status: response.statusCode ?? 0,
        location: response.headers.location,
        setCookie: response.headers['set-cookie'],
      });
    });
    request.on('error', reject);
  });
}

/** The session cookie a page response sets (name=value), or undefined. */
function sessionCookie(response: Response): string | undefined {
  return response.headers.get('set-cookie')?.split(';')[0];
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

  async function personToken(ownerId: string, scopes: ('owner' | 'display' | 'library:read')[] = ['owner']) {
    return (await running.credentials.create({ ownerId, scopes, label: 'test' })).token;
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

  it('accounts off: a page opened on this machine gets a session for the local owner; without one nothing is shown', async () => {
    const { url, display } = await start({ accounts: false, ownerId: ALICE });
    const anonymous = await post(`${url}/frame/api/ambient`, { viewport: VIEWPORT });
    assert.deepEqual([anonymous.status, codeOf(anonymous.body)], [401, 'SESSION_REQUIRED']);
    assert.equal((await post(`${url}/frame/api/session`, {})).status, 401);

    const pageResponse = await fetch(`${url}/frame`);
    assert.equal(pageResponse.status, 200);
    const setCookie = pageResponse.headers.get('set-cookie') ?? '';
    assert.match(setCookie, /^pf_session=[^;]+;.*HttpOnly/);
    assert.match(setCookie, /SameSite=Strict/);
    const cookie = { cookie: sessionCookie(pageResponse) ?? '' };
    assert.deepEqual((await post(`${url}/frame/api/session`, {}, cookie)).body, {
      status: 'ready',
      frameId: null,
    });
    const page = await post(
      `${url}/frame/api/ambient`,
      { viewport: VIEWPORT },
      { ...cookie, 'x-frame-device': 'kitchen-tablet-1' },
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

  it('accounts off: a page reached through a proxy or another host name must sign in; a forged cookie is no session', async () => {
    const { url } = await start({ accounts: false, ownerId: ALICE });
    for (const headers of [{ 'x-forwarded-for': '203.0.113.9' }, { host: 'photos.example.com' }] as Record<
      string,
      string
    >[]) {
      const response = await rawGet(`${url}/frame?clock=1`, headers);
      assert.equal(response.status, 303);
      assert.equal(response.location, '/frame/sign-in?next=%2Fframe%3Fclock%3D1');
      assert.equal(response.setCookie, undefined);
    }
    const loopback = sessionCookie(await fetch(`${url}/frame`)) ?? '';
    const [name, value] = loopback.split('=');
    const [payload, signature] = (value ?? '').split('.');
    const forgedPayload = Buffer.from(
      JSON.stringify({ o: BOB, c: 'loopback', e: clock.now + 3_600_000 }),
    ).toString('base64url');
    for (const forged of [`${name}=${forgedPayload}.${signature}`, `${name}=${payload}.${signature}x`]) {
      const refused = await post(`${url}/frame/api/ambient`, { viewport: VIEWPORT }, { cookie: forged });
      assert.deepEqual([refused.status, codeOf(refused.body)], [401, 'SESSION_REQUIRED']);
    }
  });

  it("signing in with an owner's credential (a form POST, never a URL) starts a session for that owner, until it is revoked", async () => {
    const { url } = await start({ accounts: false, ownerId: ALICE });
    const { token, credential } = await running.credentials.create({
      ownerId: BOB,
      scopes: ['display'],
      label: 'living room',
    });
    const form = (fields: Record<string, string>) =>
      fetch(`${url}/frame/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': '203.0.113.9' },
        body: new URLSearchParams(fields).toString(),
        redirect: 'manual',
      });
    const wrong = await form({ token: 'pf_' + 'A'.repeat(43), next: '/frame' });
    assert.equal(wrong.status, 401);
    assert.equal(wrong.headers.get('set-cookie'), null);
    const readOnly = await personToken(BOB, ['library:read']);
    assert.equal((await form({ token: readOnly })).status, 403);
    // A service credential is not a person's: it never signs a browser in.
    assert.equal((await form({ token: TEST_SERVICE_TOKEN })).status, 401);

    const signedIn = await form({ token, next: 'https://evil.example/frame' });
    assert.equal(signedIn.status, 303);
    assert.equal(signedIn.headers.get('location'), '/frame', 'only same-origin frame/preview paths');
    const cookie = { cookie: sessionCookie(signedIn) ?? '' };
    const page = await post(`${url}/frame/api/ambient`, { viewport: VIEWPORT }, cookie);
    assert.equal(page.status, 200);
    const items = page.body.items as { photoIds: string[] }[];
    assert.ok(items.length > 0 && items.every((item) => item.photoIds.every((id) => id.startsWith('bob_'))));

    assert.equal(await running.credentials.revoke(credential.id), true);
    const revoked = await post(`${url}/frame/api/ambient`, { viewport: VIEWPORT }, cookie);
    assert.deepEqual([revoked.status, codeOf(revoked.body)], [401, 'SESSION_REQUIRED']);
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
    assert.equal(codeOf(refused.body), 'FRAME_NOT_LINKED');

    // A tier links it for Bob with its service credential; the code is used up.
    const client = createDisplayHttpClient(`${url}/v1/display`, { credential: TEST_SERVICE_TOKEN });
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

  it("a person's credential links for its own owner only (never the header's), and the owner can undo it; both audited", async () => {
    const { url } = await start({ accounts: true, ownerId: 'local' });
    const bobToken = await personToken(BOB, ['display']);
    const aliceToken = await personToken(ALICE);
    const frame = await post(`${url}/frame/api/session`, {});
    const frameHeaders = { 'x-frame-token': String(frame.body.token) };
    const code = String(frame.body.code);

    const impersonating = await post(
      `${url}/v1/display/frames/link`,
      { code },
      { ...bearer(bobToken), 'x-photo-owner': ALICE },
    );
    assert.deepEqual([impersonating.status, codeOf(impersonating.body)], [403, 'OWNER_FORBIDDEN']);
    const linked = await post(`${url}/v1/display/frames/link`, { code }, bearer(bobToken));
    assert.equal(linked.status, 200);
    assert.equal(linked.body.ownerId, BOB);
    const frameId = String(linked.body.frameId);

    // Alice cannot unlink Bob's frame: to her it does not exist.
    const foreign = await fetch(`${url}/v1/display/frames/${frameId}/link`, {
      method: 'DELETE',
      headers: bearer(aliceToken),
    });
    assert.equal(foreign.status, 404);
    assert.equal(codeOf((await foreign.json()) as Record<string, unknown>), 'FRAME_NOT_FOUND');

    clock.now += MINUTE;
    const undone = await fetch(`${url}/v1/display/frames/${frameId}/link`, {
      method: 'DELETE',
      headers: bearer(bobToken),
    });
    assert.equal(undone.status, 204);
    const after = await post(`${url}/frame/api/ambient`, { viewport: VIEWPORT }, frameHeaders);
    assert.deepEqual([after.status, codeOf(after.body)], [401, 'FRAME_NOT_LINKED']);
    const session = await post(`${url}/frame/api/session`, {}, frameHeaders);
    assert.equal(session.body.status, 'unlinked');
    assert.match(String(session.body.code), /^\d{4}$/);

    const audit = await fetch(`${url}/v1/display/frames/audit`, { headers: bearer(bobToken) });
    const bobCredential = (await running.credentials.list(BOB))[0]?.id;
    assert.deepEqual(((await audit.json()) as { events: unknown[] }).events, [
      { frameId, action: 'unlinked', actor: bobCredential, at: new Date(clock.now).toISOString() },
      { frameId, action: 'linked', actor: bobCredential, at: new Date(clock.now - MINUTE).toISOString() },
    ]);
    const aliceAudit = await fetch(`${url}/v1/display/frames/audit`, { headers: bearer(aliceToken) });
    assert.deepEqual(await aliceAudit.json(), { events: [] });
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

  it('wrong codes are rate-limited per owner (429 even for the right code), other owners are not held up, and the limit lifts after the window', async () => {
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
    const limited = await post(
      `${url}/v1/display/frames/link`,
      { code },
      { ...SERVICE_AUTH, 'x-photo-owner': BOB },
    );
    assert.equal(limited.status, 429);
    assert.equal(codeOf(limited.body), 'FRAME_LINK_RATE_LIMITED');
    // Another owner is not held up by Bob's guesses.
    const other = await post(`${url}/frame/api/session`, {});
    assert.equal((await display.api.linkFrame(ALICE, String(other.body.code))).ownerId, ALICE);
    clock.now += 11 * MINUTE;
    const renewed = await post(`${url}/frame/api/session`, {}, { 'x-frame-token': String(frame.body.token) });
    const linked = await display.api.linkFrame(BOB, String(renewed.body.code));
    assert.equal(linked.ownerId, BOB);
  });

  it('wrong guesses at one code value are limited whoever makes them; other codes stay open', async () => {
    const { display } = await start({ accounts: true, ownerId: 'local', maxFailuresPerCode: 2 });
    const guess = (owner: string, code: string) =>
      display.api.linkFrame(owner, code).then(
        () => 'linked',
        (e: unknown) => (isAppError(e) ? e.code : String(e)),
      );
    assert.equal(await guess('guesser-1', '4321'), 'FRAME_CODE_INVALID');
    assert.equal(await guess('guesser-2', '4321'), 'FRAME_CODE_INVALID');
    assert.equal(await guess('guesser-3', '4321'), 'FRAME_LINK_RATE_LIMITED');
    assert.equal(await guess('guesser-3', '4322'), 'FRAME_CODE_INVALID');
  });

  it('validates the code and the caller: 400 for anything but four digits, 401 without a credential, 400 for a service naming no owner', async () => {
    const { url } = await start({ accounts: true, ownerId: 'local' });
    const bad = await post(
      `${url}/v1/display/frames/link`,
      { code: '12a4' },
      { ...SERVICE_AUTH, 'x-photo-owner': BOB },
    );
    assert.equal(bad.status, 400);
    const anonymous = await post(`${url}/v1/display/frames/link`, { code: '1234' }, { 'x-photo-owner': BOB });
    assert.deepEqual([anonymous.status, codeOf(anonymous.body)], [401, 'AUTH_REQUIRED']);
    const ownerless = await post(`${url}/v1/display/frames/link`, { code: '1234' }, SERVICE_AUTH);
    assert.deepEqual([ownerless.status, codeOf(ownerless.body)], [400, 'OWNER_HEADER_REQUIRED']);
  });
});
