import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import {
  OWNER_HEADER,
  errorResponseSchema,
  photoFactsSchema,
  searchResponseSchema,
  vocabularySchema,
} from '../../../common/contracts';
import { createProvenanceService } from '../../../metadata-service/labels/provenance/provenance-service';
import { createLibraryService } from '../../../metadata-service/library-service';
import { PeopleRepository } from '../../../metadata-service/people/people-repository';
import { PeopleService } from '../../../metadata-service/people/people-service';
import { createOriginalReader } from '../../../metadata-service/vision/original-reader';
import { libraryRoutes } from '../../../metadata-service/http/routes';
import { PhotoRepository } from '../../../metadata-service/repositories/photo-repository';
import { personIdFor } from '../../../metadata-service/repositories/names';
import { silentLogger } from '../support/fixtures';
import { describeOnEachEngine, type TestLibraryDatabase } from '../repositories/library-engines';
import { keywords, photoRecord } from '../repositories/photo-records';
import { SERVICE_AUTH, authenticateV1 } from '../../support/test-credentials';

const ALICE = 'alice';
const BOB = 'bob';

describeOnEachEngine('Library HTTP API', (engine) => {
  let database: TestLibraryDatabase;
  let server: Server;
  let base: string;

  beforeEach(async () => {
    database = await engine.open();
    const repository = new PhotoRepository(database.db);
    await repository.insertPhoto(
      photoRecord(ALICE, 'ph_alice', {
        people: ['Mom'],
        albums: [{ name: 'Hawaii 2019', source: 'folder' }],
      }),
      keywords('beach'),
    );
    await repository.insertPhoto(photoRecord(BOB, 'ph_bob', { people: ['Mom'] }), keywords('beach'));
    const app = express();
    authenticateV1(app);
    const people = new PeopleService(new PeopleRepository(database.db), createOriginalReader(undefined));
    app.use(
      '/v1/library',
      libraryRoutes({
        api: createLibraryService(
          repository,
          people,
          createProvenanceService(database.db, () => []),
        ),
        logger: silentLogger,
      }),
    );
    server = app.listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/library`;
  });
  afterEach(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await database.cleanup();
  });

  const call = async (path: string, owner: string | undefined, body?: unknown, method?: 'PATCH') => {
    const response = await fetch(`${base}${path}`, {
      method: method ?? (body === undefined ? 'GET' : 'POST'),
      headers: {
        'content-type': 'application/json',
        ...SERVICE_AUTH,
        ...(owner ? { [OWNER_HEADER]: owner } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json: unknown = await response.json();
    return { status: response.status, json };
  };

  it('keeps every endpoint to its owner: search, facts, vocabulary and cursors', async () => {
    const alice = searchResponseSchema.parse(
      (await call('/search', ALICE, { query: { labels: ['beach'] }, limit: 1 })).json,
    );
    assert.deepEqual(
      alice.photos.map((p) => p.id),
      ['ph_alice'],
    );
    const bob = searchResponseSchema.parse(
      (await call('/search', BOB, { query: { labels: ['beach'] } })).json,
    );
    assert.deepEqual(
      bob.photos.map((p) => p.id),
      ['ph_bob'],
    );

    const facts = photoFactsSchema.parse((await call('/photos/ph_alice', ALICE)).json);
    assert.deepEqual(facts.people, [{ id: personIdFor(ALICE, 'mom'), name: 'Mom' }]);
    const denied = await call('/photos/ph_alice', BOB);
    assert.equal(denied.status, 404);
    assert.equal(errorResponseSchema.parse(denied.json).error.code, 'PHOTO_NOT_FOUND');

    const vocabulary = vocabularySchema.parse((await call('/vocabulary', ALICE)).json);
    assert.deepEqual(
      vocabulary.albums.map((a) => a.name),
      ['Hawaii 2019'],
    );
    assert.deepEqual(vocabularySchema.parse((await call('/vocabulary', BOB)).json).albums, []);

    // Two photos of Alice's so a cursor exists; Bob replaying it learns nothing.
    await new PhotoRepository(database.db).insertPhoto(photoRecord(ALICE, 'ph_alice_2'), keywords('beach'));
    const first = searchResponseSchema.parse(
      (await call('/search', ALICE, { query: { labels: ['beach'] }, limit: 1 })).json,
    );
    assert.ok(first.nextCursor);
    const replay = await call('/search', BOB, {
      query: { labels: ['beach'] },
      limit: 1,
      cursor: first.nextCursor,
    });
    assert.equal(replay.status, 400);
    assert.equal(errorResponseSchema.parse(replay.json).error.code, 'INVALID_CURSOR');
    const next = searchResponseSchema.parse(
      (await call('/search', ALICE, { query: { labels: ['beach'] }, limit: 1, cursor: first.nextCursor }))
        .json,
    );
    assert.equal(next.photos.length, 1);
    assert.notEqual(next.photos[0]?.id, first.photos[0]?.id);
  });

  it('counts without a page when asked for no photos (limit 0), and refuses a negative limit', async () => {
    const paged = searchResponseSchema.parse(
      (await call('/search', ALICE, { query: { labels: ['beach'] }, limit: 1 })).json,
    );
    const counted = await call('/search', ALICE, { query: { labels: ['beach'] }, limit: 0, explain: true });
    assert.equal(counted.status, 200);
    const body = searchResponseSchema.parse(counted.json);
    assert.deepEqual([body.total, body.span, body.photos, body.nextCursor], [1, paged.span, [], undefined]);
    assert.ok(paged.span !== null);
    const free = searchResponseSchema.parse((await call('/search', ALICE, { q: 'beach', limit: 0 })).json);
    assert.deepEqual([free.total, free.photos.length], [1, 0]);
    const empty = searchResponseSchema.parse(
      (await call('/search', ALICE, { query: { labels: ['beach'], people: ['nobody'] }, limit: 0 })).json,
    );
    assert.equal(empty.total, 0);
    const negative = await call('/search', ALICE, { query: {}, limit: -1 });
    assert.equal(negative.status, 400);
    assert.match(errorResponseSchema.parse(negative.json).error.message, /limit/);
  });

  it('answers invalid requests with a code and a message naming the field', async () => {
    const bad = await call('/search', ALICE, { query: { monthDays: [{ month: 13, day: 1 }] } });
    assert.equal(bad.status, 400);
    const body = errorResponseSchema.parse(bad.json);
    assert.equal(body.error.code, 'INVALID_REQUEST');
    assert.match(body.error.message, /query\.monthDays\.0\.month/);
    const both = await call('/search', ALICE, { query: {}, offset: 5, cursor: 'abc' });
    assert.equal(both.status, 400);
    assert.equal(
      errorResponseSchema.parse((await call('/vocabulary', undefined)).json).error.code,
      'OWNER_HEADER_REQUIRED',
    );
  });

  it("describes photos for captions, leaving out ids that are not the owner's", async () => {
    const { status, json } = await call('/photos/describe', ALICE, {
      ids: ['ph_bob', 'ph_alice', 'ph_none'],
    });
    assert.equal(status, 200);
    assert.deepEqual(json, {
      photos: [{ id: 'ph_alice', takenLocal: '2026-07-14T10:00:00', place: null, people: ['Mom'] }],
    });
    assert.equal((await call('/photos/describe', ALICE, { ids: [] })).status, 400);
    assert.equal((await call('/photos/describe', ALICE, { ids: ['../etc'] })).status, 400);
  });

  it('hides a photo from every search and favourites it, for its owner only', async () => {
    const beach = { query: { labels: ['beach'] } };
    assert.equal(searchResponseSchema.parse((await call('/search', ALICE, beach)).json).total, 1);
    // Bob cannot touch Alice's photo: the same 404 as a photo that does not exist.
    const foreign = await call('/photos/ph_alice/flags', BOB, { hidden: true }, 'PATCH');
    assert.equal(foreign.status, 404);
    assert.equal(errorResponseSchema.parse(foreign.json).error.code, 'PHOTO_NOT_FOUND');
    assert.equal(searchResponseSchema.parse((await call('/search', ALICE, beach)).json).total, 1);

    const hidden = await call('/photos/ph_alice/flags', ALICE, { hidden: true, favorite: true }, 'PATCH');
    assert.equal(hidden.status, 200);
    const facts = photoFactsSchema.parse(hidden.json);
    assert.equal(facts.hidden, true);
    assert.equal(facts.favorite, true);
    for (const query of [
      { labels: ['beach'] },
      {},
      { exclude: { screenshots: false } },
      { favoritesOnly: true },
    ]) {
      const found = searchResponseSchema.parse((await call('/search', ALICE, { query })).json);
      assert.equal(found.total, 0, JSON.stringify(query));
    }
    // Bob's own beach photo is untouched.
    assert.equal(searchResponseSchema.parse((await call('/search', BOB, beach)).json).total, 1);

    assert.equal((await call('/photos/ph_alice/flags', ALICE, { hidden: false }, 'PATCH')).status, 200);
    assert.equal(searchResponseSchema.parse((await call('/search', ALICE, beach)).json).total, 1);
    assert.equal((await call('/photos/ph_alice/flags', ALICE, {}, 'PATCH')).status, 400);
  });

  it('keeps people to their owner: list, name, hide, faces of a photo, face picture', async () => {
    const mom = personIdFor(ALICE, 'mom');
    const listed = (await call('/people', ALICE)).json as { people: { id: string; name: string }[] };
    assert.deepEqual(
      listed.people.map((p) => [p.id, p.name]),
      [[mom, 'Mom']],
    );
    assert.equal((await call(`/people/${mom}`, BOB)).status, 404);
    assert.equal((await call(`/people/${mom}`, BOB, { hidden: true }, 'PATCH')).status, 404);
    const renamed = await call(`/people/${mom}`, ALICE, { name: 'Mother' }, 'PATCH');
    assert.equal(renamed.status, 200);
    assert.deepEqual(renamed.json, {
      id: personIdFor(ALICE, 'mother'),
      name: 'Mother',
      hidden: false,
      photoCount: 1,
      faceCount: 0,
    });
    assert.equal((await call(`/people/${mom}`, ALICE, {}, 'PATCH')).status, 400);
    assert.deepEqual((await call('/photos/ph_alice/faces', ALICE)).json, { photoId: 'ph_alice', faces: [] });
    assert.equal((await call('/photos/ph_alice/faces', BOB)).status, 404);
    const face = await call(`/people/${personIdFor(ALICE, 'mother')}/face`, ALICE);
    assert.deepEqual(face, {
      status: 404,
      json: {
        error: { code: 'PERSON_FACE_NOT_FOUND', message: 'No face of this person was found in a photo' },
      },
    });
  });

  it('hides a label from frames: its photos leave every search that does not name it, for that owner only', async () => {
    const visible = async (owner: string, query: unknown) =>
      searchResponseSchema.parse((await call('/search', owner, { query })).json).total;
    assert.equal(await visible(ALICE, {}), 1);
    const hidden = await call('/labels/Beach', ALICE, { hidden: true }, 'PATCH');
    assert.equal(hidden.status, 200);
    assert.deepEqual(hidden.json, { hiddenLabels: ['beach'] });
    assert.equal(await visible(ALICE, {}), 0, 'left out of an ordinary search (an ambient frame)');
    assert.equal(await visible(ALICE, { people: [personIdFor(ALICE, 'mom')] }), 0);
    assert.equal(
      await visible(ALICE, { labels: ['beach'] }),
      1,
      'asking for the label by name still finds it',
    );
    assert.equal(await visible(BOB, {}), 1, "Bob's beach photo is not Alice's business");
    assert.equal((await call('/labels/..%2Fetc', ALICE, { hidden: true }, 'PATCH')).status, 400);
    assert.equal((await call('/labels/beach', ALICE, { hidden: 'yes' }, 'PATCH')).status, 400);
    assert.deepEqual((await call('/labels/beach', ALICE, { hidden: false }, 'PATCH')).json, {
      hiddenLabels: [],
    });
    assert.equal(await visible(ALICE, {}), 1);
  });

  it('publishes an OpenAPI 3.1 document generated from the contract schemas', async () => {
    const { status, json } = await call('/openapi.json', undefined);
    assert.equal(status, 200);
    const doc = json as {
      openapi: string;
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
      components: { schemas: Record<string, { properties?: Record<string, unknown>; required?: string[] }> };
    };
    assert.equal(doc.openapi, '3.1.0');
    assert.deepEqual(Object.keys(doc.paths).sort(), [
      '/credentials/self',
      '/credentials/{id}/active',
      '/labels/{label}',
      '/openapi.json',
      '/people',
      '/people/{id}',
      '/people/{id}/face',
      '/people/{id}/suggestions',
      '/people/{id}/suggestions/{faceId}',
      '/photos/describe',
      '/photos/{id}',
      '/photos/{id}/faces',
      '/photos/{id}/faces/{faceId}',
      '/photos/{id}/flags',
      '/photos/{id}/labels/{label}',
      '/search',
      '/vocabulary',
    ]);
    assert.ok(doc.paths['/people/{id}']?.patch?.responses['404']);
    assert.ok(doc.components.schemas.PersonUpdate?.properties?.name);
    assert.ok(doc.paths['/search']?.post?.responses['400']);
    assert.ok(doc.paths['/photos/{id}']?.get?.responses['404']);
    const request = doc.components.schemas.SearchRequest;
    assert.ok(request?.properties?.cursor && request.properties.query);
    const query = (request.properties.query as { properties: Record<string, unknown> }).properties;
    for (const field of [
      'labels',
      'people',
      'places',
      'albums',
      'dateRanges',
      'monthDays',
      'exclude',
      'order',
      'seed',
      'collapseDuplicates',
    ]) {
      assert.ok(query[field], `PhotoQuery.${field} documented`);
    }
    assert.ok(doc.components.schemas.PhotoFacts?.required?.includes('place'));
    assert.ok(doc.components.schemas.Error?.properties?.error);
  });
});
