import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import { OWNER_HEADER, errorResponseSchema } from '../../../common/contracts';
import { ancestorsOf } from '../../../common/vocabulary';
import { createProvenanceService } from '../../../metadata-service/labels/provenance/provenance-service';
import { createLibraryService } from '../../../metadata-service/library-service';
import { libraryRoutes } from '../../../metadata-service/http/routes';
import { PeopleRepository } from '../../../metadata-service/people/people-repository';
import { PeopleService } from '../../../metadata-service/people/people-service';
import { PhotoRepository } from '../../../metadata-service/repositories/photo-repository';
import { createOriginalReader } from '../../../metadata-service/vision/original-reader';
import { VisionRepository } from '../../../metadata-service/vision/vision-repository';
import type { AnalysedFace } from '../../../metadata-service/vision/vision-types';
import { SERVICE_AUTH, authenticateV1 } from '../../support/test-credentials';
import { describeOnEachEngine, type TestLibraryDatabase } from '../repositories/library-engines';
import { photoRecord } from '../repositories/photo-records';
import { silentLogger } from '../support/fixtures';
import { personSuggestionsSchema } from '../../../metadata-service/people/suggestion-contract';

const ALICE = 'alice';
const BOB = 'bob';
const box = { left: 0.2, top: 0.2, width: 0.2, height: 0.25 };

/** On axis 0 with weight `c`: Alice's person (c = 1) and a doubtful face (c = 0.5, a link of 0.5). */
function faceAt(c: number): AnalysedFace {
  const v = new Float32Array(32);
  v[0] = c;
  v[31] = Math.sqrt(1 - c * c);
  return { box, score: 0.97, descriptor: v };
}

describeOnEachEngine('Library HTTP API: "is this X?" suggestions', (engine) => {
  let database: TestLibraryDatabase;
  let server: Server;
  let base: string;
  let people: PeopleService;

  beforeEach(async () => {
    database = await engine.open();
    const repository = new PhotoRepository(database.db);
    const vision = new VisionRepository(database.db, ancestorsOf);
    for (const id of ['ph_1', 'ph_2', 'ph_3']) {
      await repository.insertPhoto(photoRecord(ALICE, id), []);
      await vision.saveAnalysis(
        ALICE,
        id,
        'm/1',
        { labels: [], faces: [faceAt(id === 'ph_3' ? 0.5 : 1)] },
        'now',
      );
    }
    people = new PeopleService(new PeopleRepository(database.db), createOriginalReader(undefined));
    await people.cluster(ALICE);
    const app = express();
    authenticateV1(app);
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

  const call = async (path: string, owner: string, body?: unknown, auth = SERVICE_AUTH) => {
    const response = await fetch(`${base}${path}`, {
      method: body === undefined ? 'GET' : 'PUT',
      headers: { 'content-type': 'application/json', ...auth, [OWNER_HEADER]: owner },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, json: await response.json() };
  };
  const errorCode = (json: unknown) => errorResponseSchema.parse(json).error.code;

  async function namedMom(): Promise<string> {
    const cluster = (await people.facesInPhoto(ALICE, 'ph_1'))?.[0]?.person?.id ?? '';
    return (await people.update(ALICE, cluster, { name: 'Mom' })) ?? '';
  }

  it('lists the doubtful face and takes a yes, after which Mom has its photo', async () => {
    const mom = await namedMom();
    const asked = await call(`/people/${mom}/suggestions`, ALICE);
    assert.equal(asked.status, 200);
    const { suggestions } = personSuggestionsSchema.parse(asked.json);
    assert.deepEqual(
      suggestions.map((s) => [s.photoId, Math.round(s.similarity * 100) / 100]),
      [['ph_3', 0.5]],
    );
    const yes = await call(`/people/${mom}/suggestions/${suggestions[0]?.faceId}`, ALICE, { answer: 'yes' });
    assert.equal(yes.status, 200);
    assert.deepEqual(
      [(yes.json as { name: string }).name, (yes.json as { photoCount: number }).photoCount],
      ['Mom', 3],
    );
    const after = await call(`/people/${mom}/suggestions`, ALICE);
    assert.deepEqual((after.json as { suggestions: unknown[] }).suggestions, []);
  });

  it('answers bad requests with stable codes, and nothing to another owner or an unauthenticated caller', async () => {
    const mom = await namedMom();
    const faceId = (await people.facesInPhoto(ALICE, 'ph_3'))?.[0]?.id ?? '';
    const unnamed = (await people.facesInPhoto(ALICE, 'ph_3'))?.[0]?.person?.id ?? '';
    const cases: [string, unknown, number, string][] = [
      [`/people/${mom}/suggestions/${faceId}`, { answer: 'maybe' }, 400, 'INVALID_REQUEST'],
      [`/people/${mom}/suggestions/${faceId}`, { answer: 'yes', extra: 1 }, 400, 'INVALID_REQUEST'],
      [`/people/${mom}/suggestions/fa_nobody`, { answer: 'yes' }, 404, 'FACE_NOT_FOUND'],
      [`/people/${mom}/suggestions/..%2F..`, { answer: 'yes' }, 404, 'FACE_NOT_FOUND'],
      [`/people/pe_nobody/suggestions/${faceId}`, { answer: 'no' }, 404, 'PERSON_NOT_FOUND'],
      [`/people/${unnamed}/suggestions/${faceId}`, { answer: 'no' }, 409, 'PERSON_NOT_NAMED'],
    ];
    for (const [path, body, status, code] of cases) {
      const reply = await call(path, ALICE, body);
      assert.deepEqual([reply.status, errorCode(reply.json)], [status, code], path);
    }
    const unnamedAsked = await call(`/people/${unnamed}/suggestions`, ALICE);
    assert.deepEqual([unnamedAsked.status, errorCode(unnamedAsked.json)], [409, 'PERSON_NOT_NAMED']);
    const bobAsks = await call(`/people/${mom}/suggestions`, BOB);
    assert.deepEqual([bobAsks.status, errorCode(bobAsks.json)], [404, 'PERSON_NOT_FOUND']);
    const bobAnswers = await call(`/people/${mom}/suggestions/${faceId}`, BOB, { answer: 'yes' });
    assert.equal(bobAnswers.status, 404);
    const anonymous = await call(`/people/${mom}/suggestions`, ALICE, undefined, {});
    assert.equal(anonymous.status, 401);
    assert.equal((await people.get(ALICE, mom))?.photoCount, 2, 'nothing above changed Mom');
  });
});
