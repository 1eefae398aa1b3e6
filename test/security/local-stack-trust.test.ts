import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { newPersonToken } from '../../common/auth/tokens';
import { slideshowPageSchema, searchResponseSchema } from '../../common/contracts';
import { runCredentialsCli } from '../../server/cli/credentials';
import { localSecretsFile, readLocalSecrets } from '../../server/local-secrets';
import { localStackConfigFromEnv, startLocalStack, type LocalStack } from '../../server/local-stack';
import type { MountedRoute } from '../../server/route-table';
import { httpTarget } from '../support/http-target';

const TODAY = new Date('2026-11-25T12:00:00Z');
const VICTIM = 'local';
const MALLORY = 'mallory';
/** A well-formed service credential nobody configured. */
const FORGED_SERVICE = 'forged-service-credential-0123456789abcdefghij';

interface Answer {
  status: number;
  code: string | undefined;
  text: string;
}

/** One request on node:http, which sends exactly the Host header it is given (fetch would not). */
function call(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: unknown } = {},
): Promise<Answer> {
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        ...httpTarget(url),
        method: options.method ?? 'GET',
        headers: {
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...options.headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, code: errorCode(text), text });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

function errorCode(text: string): string | undefined {
  try {
    const parsed = JSON.parse(text) as { error?: { code?: unknown } };
    return typeof parsed.error?.code === 'string' ? parsed.error.code : undefined;
  } catch {
    return undefined;
  }
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('trust: the embedded stack (issue 12)', function () {
  this.timeout(180_000);
  let dataDir: string;
  let stack: LocalStack;
  let malloryToken: string;
  let victimPhotoId: string;
  let victimSlideshowId: string;
  let victimAmbientId: string;

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'photoframe-trust-'));
    const config = {
      ...localStackConfigFromEnv({ FRAME_ACCOUNTS: 'true' }),
      port: 0,
      dataDir,
      logLevel: 'silent' as const,
    };
    stack = await startLocalStack(config, { today: TODAY });
    const out: string[] = [];
    const code = await runCredentialsCli(
      ['create', '--owner', MALLORY, '--json'],
      { DATA_DIR: dataDir },
      { out: (text) => out.push(text) },
    );
    assert.equal(code, 0);
    malloryToken = (JSON.parse(out.join('')) as { token: string }).token;

    const owner = bearer(stack.ownerToken);
    const search = await call(`${stack.url}/v1/library/search`, {
      method: 'POST',
      headers: owner,
      body: { query: {} },
    });
    assert.equal(search.status, 200, search.text);
    victimPhotoId =
      searchResponseSchema.parse(JSON.parse(search.text)).photos[0]?.id ?? assert.fail('a photo');
    const viewport = { width: 1280, height: 800, shape: 'RECTANGLE' };
    const slideshow = await call(`${stack.url}/v1/display/slideshows`, {
      method: 'POST',
      headers: owner,
      body: { ownerId: VICTIM, query: {}, viewport },
    });
    assert.equal(slideshow.status, 201, slideshow.text);
    victimSlideshowId = slideshowPageSchema.parse(JSON.parse(slideshow.text)).slideshowId;
    const ambient = await call(`${stack.url}/v1/display/ambient`, {
      method: 'POST',
      headers: owner,
      body: { ownerId: VICTIM, deviceId: 'kitchen', viewport },
    });
    assert.equal(ambient.status, 200, ambient.text);
    victimAmbientId = slideshowPageSchema.parse(JSON.parse(ambient.text)).slideshowId;
  });

  after(async () => {
    await stack?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  /** A concrete URL and a body that passes validation, for any route in the table. */
  function requestFor(route: MountedRoute): { url: string; body: unknown } {
    const path = route.path
      .replace(/\/photos\/:id/, `/photos/${victimPhotoId}`)
      .replace(/\/people\/:id/, '/people/pe_someone')
      .replace(/\/ambient\/:slideshowId/, `/ambient/${victimAmbientId}`)
      .replace(/:slideshowId/, victimSlideshowId)
      .replace(/:label/, 'beach')
      .replace(/:frameId/, 'fr_AAAAAAAAAAAAAAAA')
      .replace(/:[A-Za-z]+/g, 'x');
    const query = route.path.endsWith('/items') ? '?start=0&count=5' : '';
    const viewport = { width: 1280, height: 800, shape: 'RECTANGLE' };
    const bodies: Record<string, unknown> = {
      'POST /v1/library/search': { query: {} },
      'POST /v1/library/photos/describe': { ids: [victimPhotoId] },
      'PATCH /v1/library/photos/:id/flags': { hidden: true },
      'PATCH /v1/library/labels/:label': { hidden: true },
      'PATCH /v1/library/people/:id': { name: 'Renamed' },
      'PUT /v1/library/people/:id/suggestions/:faceId': { answer: 'yes' },
      'POST /v1/display/slideshows': { ownerId: VICTIM, query: {}, viewport },
      'POST /v1/display/ambient': { ownerId: VICTIM, deviceId: 'kitchen', viewport },
      'POST /v1/display/ambient/:slideshowId/position': { index: 0 },
      'POST /v1/display/frames/link': { code: '1234' },
    };
    const key = `${route.method} ${route.path}`;
    const body = bodies[key] ?? (['POST', 'PATCH', 'PUT'].includes(route.method) ? {} : undefined);
    return { url: `${stack.url}${path}${query}`, body };
  }

  it('reads the route table from the routers themselves (so a new route is covered the day it is added)', () => {
    const routes = stack.apiRoutes.map((r) => `${r.method} ${r.path}`);
    for (const known of [
      'POST /v1/library/search',
      'GET /v1/library/photos/:id',
      'PATCH /v1/library/people/:id',
      'GET /v1/library/people/:id/face',
      'POST /v1/display/slideshows',
      'GET /v1/display/slideshows/:slideshowId/items',
      'POST /v1/display/frames/link',
      'DELETE /v1/display/frames/:frameId/link',
    ]) {
      assert.ok(routes.includes(known), `${known} in ${routes.join(', ')}`);
    }
    assert.ok(routes.every((r) => / \/v1\/(library|display)\//.test(r)));
  });

  it('refuses every /v1 route without a credential: 401 AUTH_REQUIRED', async () => {
    for (const route of stack.apiRoutes) {
      const { url, body } = requestFor(route);
      const answer = await call(url, { method: route.method, headers: { 'x-photo-owner': VICTIM }, body });
      assert.deepEqual([answer.status, answer.code], [401, 'AUTH_REQUIRED'], `${route.method} ${route.path}`);
    }
  });

  it("refuses every /v1 route to another owner's credential naming the victim: 403 OWNER_FORBIDDEN", async () => {
    for (const route of stack.apiRoutes) {
      const { url, body } = requestFor(route);
      const answer = await call(url, {
        method: route.method,
        headers: { ...bearer(malloryToken), 'x-photo-owner': VICTIM },
        body,
      });
      assert.deepEqual(
        [answer.status, answer.code],
        [403, 'OWNER_FORBIDDEN'],
        `${route.method} ${route.path}`,
      );
    }
  });

  it("never shows another owner's credential the victim's photos or slideshows, even naming them by id", async () => {
    for (const route of stack.apiRoutes) {
      const { url, body } = requestFor(route);
      const answer = await call(url, { method: route.method, headers: bearer(malloryToken), body });
      const where = `${route.method} ${route.path}: ${answer.status} ${answer.text.slice(0, 200)}`;
      assert.ok(answer.status < 500, where);
      assert.ok(!answer.text.includes(victimPhotoId), where);
      assert.ok(!answer.text.includes(victimSlideshowId) && !answer.text.includes(victimAmbientId), where);
      if (route.path.includes(':id') || route.path.includes(':slideshowId') || route.method === 'DELETE') {
        assert.ok([403, 404].includes(answer.status), where);
      }
    }
    // Nothing Mallory did changed the victim's library: the photo she tried to hide is still there.
    const photo = await call(`${stack.url}/v1/library/photos/${victimPhotoId}`, {
      headers: bearer(stack.ownerToken),
    });
    assert.equal(photo.status, 200);
    assert.equal((JSON.parse(photo.text) as { hidden?: boolean }).hidden ?? false, false);
  });

  it('refuses forged credentials on every /v1 route: 401 AUTH_INVALID', async () => {
    for (const route of stack.apiRoutes) {
      const { url, body } = requestFor(route);
      for (const forged of [FORGED_SERVICE, newPersonToken(), 'not a bearer token at all']) {
        const answer = await call(url, {
          method: route.method,
          headers: { authorization: `Bearer ${forged}`, 'x-photo-owner': VICTIM },
          body,
        });
        assert.deepEqual(
          [answer.status, answer.code],
          [401, 'AUTH_INVALID'],
          `${route.method} ${route.path}`,
        );
      }
      const basic = await call(url, {
        method: route.method,
        headers: { authorization: 'Basic bG9jYWw6bG9jYWw=', 'x-photo-owner': VICTIM },
        body,
      });
      assert.deepEqual([basic.status, basic.code], [401, 'AUTH_INVALID'], `${route.method} ${route.path}`);
    }
  });

  it("refuses the frame's and the preview's API to a browser that is neither signed in nor a linked frame", async () => {
    const api = stack.pageRoutes.filter((route) => route.path.includes('/api/'));
    const paths = api.map((route) => `${route.method} ${route.path}`);
    for (const known of [
      'POST /frame/api/ambient',
      'POST /frame/api/slideshows',
      'POST /preview/api/slideshow',
    ]) {
      assert.ok(paths.includes(known), `${known} in ${paths.join(', ')}`);
    }
    const viewport = { width: 1280, height: 800, shape: 'RECTANGLE' };
    for (const route of api) {
      // An unlinked frame registers itself here to be shown a code: that is the one open door (frame accounts on).
      if (route.path === '/frame/api/session') continue;
      const path = route.path.replace(':slideshowId', victimAmbientId);
      const body =
        route.method === 'POST' ? { viewport, q: 'beach', device: 'Echo Show 8', index: 0 } : undefined;
      const answer = await call(`${stack.url}${path}${route.method === 'GET' ? '?start=0&count=5' : ''}`, {
        method: route.method,
        // Even the owner's bearer credential is no browser session, and no header names an owner here.
        headers: { ...bearer(stack.ownerToken), 'x-photo-owner': VICTIM },
        body,
      });
      assert.equal(answer.status, 401, `${route.method} ${route.path}: ${answer.text}`);
      assert.ok(!answer.text.includes(victimAmbientId), route.path);
    }
  });

  it('lets the service credential act for the owner it names, and only with a name', async () => {
    const service = bearer(stack.serviceToken);
    const asVictim = await call(`${stack.url}/v1/library/photos/${victimPhotoId}`, {
      headers: { ...service, 'x-photo-owner': VICTIM },
    });
    assert.equal(asVictim.status, 200);
    const unnamed = await call(`${stack.url}/v1/library/photos/${victimPhotoId}`, { headers: service });
    assert.deepEqual([unnamed.status, unnamed.code], [400, 'OWNER_HEADER_REQUIRED']);
  });

  it('keeps rendition URLs capabilities: signed ones play without a credential, tampered ones do not', async () => {
    const page = await call(`${stack.url}/v1/display/slideshows/${victimSlideshowId}/items?start=0&count=1`, {
      headers: bearer(stack.ownerToken),
    });
    const url = slideshowPageSchema.parse(JSON.parse(page.text)).items[0]?.url ?? assert.fail('an item');
    assert.equal((await call(url)).status, 200);
    const tampered = url.replace(/sig=([A-Za-z0-9_-])/, (_m, c: string) => `sig=${c === 'A' ? 'B' : 'A'}`);
    assert.equal((await call(tampered)).status, 403);
  });

  it('keeps /healthz, /readyz and /metrics open without owner data', async () => {
    for (const path of ['/healthz', '/readyz', '/metrics']) {
      const answer = await call(`${stack.url}${path}`);
      assert.equal(answer.status, 200, path);
      for (const secret of [victimPhotoId, victimSlideshowId, 'demo-photos', dataDir, stack.ownerToken]) {
        assert.ok(!answer.text.includes(secret), `${path} leaks ${secret}`);
      }
    }
  });

  it('listens on loopback only by default; HOST is validated', () => {
    assert.equal(localStackConfigFromEnv({}).host, '127.0.0.1');
    assert.equal(stack.host, '127.0.0.1');
    assert.equal(localStackConfigFromEnv({ HOST: '0.0.0.0' }).host, '0.0.0.0');
    assert.throws(() => localStackConfigFromEnv({ HOST: 'http://0.0.0.0/' }), /HOST/);
  });

  it('is not reachable on the machine’s other addresses', async function () {
    const external = Object.values(networkInterfaces())
      .flat()
      .find((address) => address && address.family === 'IPv4' && !address.internal);
    if (!external) {
      this.skip();
      return;
    }
    const outcome = await new Promise<string>((resolve) => {
      const socket = connect({ host: external.address, port: stack.port });
      socket.setTimeout(3000, () => {
        socket.destroy();
        resolve('timeout');
      });
      socket.on('connect', () => {
        socket.destroy();
        resolve('connected');
      });
      socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
    });
    assert.equal(outcome, 'ECONNREFUSED', `${external.address}:${stack.port}`);
  });

  it('refuses a foreign Host header (DNS rebinding) on every kind of path: 421 HOST_NOT_ALLOWED', async () => {
    const page = await call(`${stack.url}/v1/display/slideshows/${victimSlideshowId}/items?start=0&count=1`, {
      headers: bearer(stack.ownerToken),
    });
    const rendition = new URL(slideshowPageSchema.parse(JSON.parse(page.text)).items[0]?.url ?? '');
    for (const path of [
      '/healthz',
      '/frame',
      '/v1/library/people',
      `${rendition.pathname}${rendition.search}`,
    ]) {
      for (const host of [
        'rebind.attacker.example',
        `rebind.attacker.example:${stack.port}`,
        'localhost@evil',
      ]) {
        const answer = await call(`${stack.url}${path}`, { headers: { host, ...bearer(stack.ownerToken) } });
        assert.deepEqual([answer.status, answer.code], [421, 'HOST_NOT_ALLOWED'], `${host} ${path}`);
      }
    }
    for (const host of [`localhost:${stack.port}`, `127.0.0.1:${stack.port}`, `[::1]:${stack.port}`]) {
      assert.equal((await call(`${stack.url}/healthz`, { headers: { host } })).status, 200, host);
    }
  });

  it('keeps the local owner token in local-secrets.json (0600) with the other keys, and the same token across restarts', async () => {
    const file = localSecretsFile(dataDir);
    assert.equal(statSync(file).mode & 0o777, 0o600);
    const secrets = readLocalSecrets(dataDir) ?? assert.fail('secrets');
    assert.equal(secrets.ownerToken, stack.ownerToken);
    assert.match(stack.ownerToken, /^pf_/);
    for (const key of ['renditionSigningKey', 'simulatorToken', 'serviceToken', 'sessionKey']) {
      assert.equal(typeof (secrets as Record<string, unknown>)[key], 'string', key);
    }
    const before = stack.ownerToken;
    await stack.close();
    const config = { ...localStackConfigFromEnv({}), port: 0, dataDir, logLevel: 'silent' as const };
    stack = await startLocalStack(config, { today: TODAY });
    assert.equal(stack.ownerToken, before);
    assert.equal(readLocalSecrets(dataDir)?.simulatorToken, secrets.simulatorToken);

    // Revoked, it stops working at once; the next start makes a new one.
    const out: string[] = [];
    await runCredentialsCli(
      ['list', '--owner', VICTIM, '--json'],
      { DATA_DIR: dataDir },
      { out: (t) => out.push(t) },
    );
    const [local] = JSON.parse(out.join('')) as { id: string }[];
    assert.equal(
      await runCredentialsCli(['revoke', local?.id ?? ''], { DATA_DIR: dataDir }, { out: () => {} }),
      0,
    );
    const revoked = await call(`${stack.url}/v1/library/people`, { headers: bearer(before) });
    assert.deepEqual([revoked.status, revoked.code], [401, 'AUTH_INVALID']);
    await stack.close();
    stack = await startLocalStack(config, { today: TODAY });
    assert.notEqual(stack.ownerToken, before);
    assert.equal(readLocalSecrets(dataDir)?.ownerToken, stack.ownerToken);
    assert.equal(
      (await call(`${stack.url}/v1/library/people`, { headers: bearer(stack.ownerToken) })).status,
      200,
    );
  });
});
