import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import express from 'express';
import { OWNER_HEADER, photoFactsSchema, searchResponseSchema } from '../../../common/contracts';
import { createLibrary, type Library } from '../../../metadata-service/library';
import { SERVICE_AUTH, authenticateV1, bearer } from '../../support/test-credentials';
import { makeTempDir, silentLogger, writeJpeg, type TempDir } from '../support/fixtures';

const ALICE = 'alice';
const BOB = 'bob';

describe('library HTTP routes', () => {
  let tmp: TempDir;
  let server: Server;
  let base: string;
  let aliceBeachId: string;

  async function start(): Promise<Library> {
    const library = await createLibrary({
      database: { kind: 'sqlite', file: join(tmp.path, 'library.sqlite') },
      logger: silentLogger,
    });
    const app = express();
    authenticateV1(app, library.credentials);
    app.use('/v1/library', library.router);
    server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/library`;
    return library;
  }

  let library: Library;
  beforeEach(async () => {
    tmp = await makeTempDir();
    library = await start();
    const alicePhotos = join(tmp.path, 'alice');
    await writeJpeg(join(alicePhotos, 'Beach', 'a.jpg'), {
      seed: 1,
      dateTimeOriginal: '2026:07:14 10:00:00',
    });
    await writeJpeg(join(alicePhotos, 'Mountains', 'b.jpg'), {
      seed: 2,
      dateTimeOriginal: '2026:07:15 10:00:00',
    });
    await library.ingest(alicePhotos, { ownerId: ALICE });
    const bobPhotos = join(tmp.path, 'bob');
    await writeJpeg(join(bobPhotos, 'Beach', 'c.jpg'), { seed: 3, dateTimeOriginal: '2026:07:16 10:00:00' });
    await library.ingest(bobPhotos, { ownerId: BOB });
    const found = await library.api.search(ALICE, { query: { labels: ['beach'] } });
    aliceBeachId = found.photos[0]?.id ?? assert.fail('alice has a beach photo');
  });
  afterEach(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await library.close();
    await tmp.cleanup();
  });

  const post = (path: string, body: unknown, owner?: string) =>
    fetch(`${base}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...SERVICE_AUTH,
        ...(owner ? { [OWNER_HEADER]: owner } : {}),
      },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const get = (path: string, owner?: string) =>
    fetch(`${base}${path}`, { headers: { ...SERVICE_AUTH, ...(owner ? { [OWNER_HEADER]: owner } : {}) } });

  it("POST /search reads free text q against the owner's library and returns the query it became", async () => {
    const res = await post(
      '/search',
      { q: 'beach photos from last summer', timeZone: 'Europe/Berlin', reference: '2026-11-25T12:00:00Z' },
      ALICE,
    );
    assert.equal(res.status, 200);
    const body = searchResponseSchema.strict().parse(await res.json());
    assert.equal(body.total, 1);
    assert.deepEqual(
      body.photos.map((p) => p.source.path),
      ['Beach/a.jpg'],
    );
    assert.deepEqual(
      body.understood?.map((u) => [u.kind, u.text]),
      [
        ['label', 'beach'],
        ['date', 'last summer'],
      ],
    );
    assert.deepEqual(body.query?.labels, ['beach']);
    assert.equal(body.query?.takenFrom, '2026-06-01T00:00:00');
    assert.equal(body.query?.takenTo, '2026-09-01T00:00:00');
  });

  it('POST /search refuses q beside structured filters, but keeps order and exclusions', async () => {
    const mixed = await post('/search', { q: 'beach', query: { labels: ['mountain'] } }, ALICE);
    assert.equal(mixed.status, 400);
    assert.equal(((await mixed.json()) as { error: { code: string } }).error.code, 'TEXT_WITH_FILTERS');
    const ordered = await post('/search', { q: 'photos from july 2026', query: { order: 'newest' } }, ALICE);
    assert.equal(ordered.status, 200);
    const body = searchResponseSchema.parse(await ordered.json());
    assert.deepEqual(
      body.photos.map((p) => p.source.path),
      ['Mountains/b.jpg', 'Beach/a.jpg'],
    );
    const badZone = await post('/search', { q: 'beach', timeZone: 'Mars/Olympus' }, ALICE);
    assert.equal(badZone.status, 400);
  });

  it('POST /search answers the contract, scoped to the owner in the header', async () => {
    const res = await post('/search', { query: { labels: ['beach'] } }, ALICE);
    assert.equal(res.status, 200);
    const body = searchResponseSchema.strict().parse(await res.json());
    assert.equal(body.total, 1);
    assert.deepEqual(body.span, { first: '2026-07-14T10:00:00', last: '2026-07-14T10:00:00' });
    assert.deepEqual(
      body.photos.map((p) => p.source.path),
      ['Beach/a.jpg'],
    );

    const bob = searchResponseSchema.parse(await (await post('/search', { query: {} }, BOB)).json());
    assert.deepEqual(
      bob.photos.map((p) => p.source.path),
      ['Beach/c.jpg'],
    );
  });

  it('GET /photos/:id returns facts to the owner and the same 404 to anyone else', async () => {
    const own = await get(`/photos/${aliceBeachId}`, ALICE);
    assert.equal(own.status, 200);
    const facts = photoFactsSchema.parse(await own.json());
    assert.equal(facts.id, aliceBeachId);
    assert.equal(facts.source.path, 'Beach/a.jpg');

    const other = await get(`/photos/${aliceBeachId}`, BOB);
    const unknown = await get('/photos/ph_doesnotexist00000000', BOB);
    assert.equal(other.status, 404);
    assert.equal(unknown.status, 404);
    const [otherBody, unknownBody] = [await other.json(), await unknown.json()];
    assert.deepEqual(otherBody, { error: { code: 'PHOTO_NOT_FOUND', message: 'No such photo' } });
    assert.deepEqual(unknownBody, otherBody);
  });

  it('requires a service credential to name the owner, and a valid owner id', async () => {
    const res = await post('/search', { query: {} });
    assert.equal(res.status, 400);
    assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'OWNER_HEADER_REQUIRED');
    const bad = await get(`/photos/${aliceBeachId}`, 'not an owner!');
    assert.equal(bad.status, 400);
    assert.equal(((await bad.json()) as { error: { code: string } }).error.code, 'INVALID_OWNER');
  });

  it("serves a person's credential its own owner only, whatever the header says", async () => {
    const { token } = await library.credentials.create({ ownerId: ALICE, scopes: ['owner'], label: 'test' });
    const own = await fetch(`${base}/photos/${aliceBeachId}`, { headers: bearer(token) });
    assert.equal(own.status, 200);
    assert.equal(photoFactsSchema.parse(await own.json()).id, aliceBeachId);
    const asBob = await fetch(`${base}/photos/${aliceBeachId}`, {
      headers: { ...bearer(token), [OWNER_HEADER]: BOB },
    });
    assert.equal(asBob.status, 403);
    assert.equal(((await asBob.json()) as { error: { code: string } }).error.code, 'OWNER_FORBIDDEN');
    const anonymous = await fetch(`${base}/photos/${aliceBeachId}`, { headers: { [OWNER_HEADER]: ALICE } });
    assert.equal(anonymous.status, 401);
  });

  it('rejects invalid search bodies naming the field, and malformed JSON', async () => {
    const badLabel = await post('/search', { query: { labels: ['Beach!'] } }, ALICE);
    assert.equal(badLabel.status, 400);
    const body = (await badLabel.json()) as { error: { code: string; message: string } };
    assert.equal(body.error.code, 'INVALID_REQUEST');
    assert.match(body.error.message, /query\.labels\.0/);

    const extra = await post('/search', { query: {}, sneaky: true }, ALICE);
    assert.equal(extra.status, 400);
    const malformed = await post('/search', '{"query":', ALICE);
    assert.equal(malformed.status, 400);
    assert.equal(
      ((await malformed.json()) as { error: { code: string } }).error.code,
      'INVALID_REQUEST_BODY',
    );
  });

  it('refuses bodies over 64 kB', async () => {
    const res = await post('/search', { query: { labels: [] }, padding: 'x'.repeat(70_000) }, ALICE);
    assert.equal(res.status, 413);
  });
});
