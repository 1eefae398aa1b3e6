import assert from 'node:assert/strict';
import { cp, mkdtemp, readdir, rm, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RequestEnvelope, ResponseEnvelope, Slot, interfaces } from 'ask-sdk-model';
import { createDisplayHttpClient } from '../../common/clients/display-client';
import { createLibraryHttpClient } from '../../common/clients/library-client';
import { createLogger } from '../../common/logger';
import { createLibrary } from '../../metadata-service/library';
import { localStackConfigFromEnv } from '../../server/config';
import { readLocalSecrets } from '../../server/local-secrets';
import { startLocalStack, type LocalStack } from '../../server/local-stack';
import { findDevice } from '../../tools/alexa-simulator/devices';
import { buildRequestEnvelope, SIMULATOR_IDENTITY } from '../../tools/alexa-simulator/envelope';
import { loadLanguageModel } from '../../tools/alexa-simulator/interaction-model';
import { intentFromSlotValues, matchUtterance } from '../../tools/alexa-simulator/interaction-model-matcher';
import { sendToSkill } from '../../tools/alexa-simulator/skill-transport';
import { visionTestPhotos } from '../metadata-service/vision/vision-test-photos';

type RenderDocument = interfaces.alexa.presentation.apl.RenderDocumentDirective;

const OWNER = 'local';
const model = loadLanguageModel('en-US');
const matchContext = { today: new Date(), applicationId: SIMULATOR_IDENTITY.applicationId, locale: 'en-US' };

function speechOf(envelope: ResponseEnvelope): string {
  const speech = envelope.response.outputSpeech;
  return speech?.type === 'SSML' ? speech.ssml.replace(/<[^>]+>/g, '') : '';
}

interface PhotoList {
  listId: string;
  maximumExclusiveIndex: number;
  items: { photoIds: string[] }[];
}

describe('end to end: vision → people → "show photos of Mom" on the local stack', function () {
  // One vision ingest of dlib's 55 "johns" face chips (2 workers), then the stack.
  this.timeout(180_000);
  let dataDir: string;
  let photosDir: string;
  let stack: LocalStack;
  let mom: string;
  let momPhotos: string[];

  before(async function () {
    const photos = visionTestPhotos(this);
    dataDir = await mkdtemp(join(tmpdir(), 'photoframe-vision-e2e-'));
    photosDir = join(dataDir, 'photos');
    await cp(photos.johns, photosDir, { recursive: true });
    // The chips carry no EXIF date, so the file time is their capture time: an hour apart, as real shots would be
    // (copies made in one second would all fall in one near-duplicate window).
    let hour = 0;
    for (const person of (await readdir(photosDir)).sort()) {
      for (const file of (await readdir(join(photosDir, person))).sort()) {
        const at = new Date(Date.UTC(2026, 5, 1) + (hour += 1) * 3600_000);
        await utimes(join(photosDir, person, file), at, at);
      }
    }
    // The library's vision pass over the stack's own database, as `npm run ingest` would run it.
    const library = await createLibrary({
      database: { kind: 'sqlite', file: join(dataDir, 'library.sqlite') },
      logger: createLogger('silent'),
      vision: { provider: 'local', workers: 2 },
    });
    try {
      const report = await library.ingest(photosDir, { ownerId: OWNER, vision: 'wait' });
      assert.ok(report.vision?.state === 'done' && report.vision.people === 5, JSON.stringify(report.vision));
    } finally {
      await library.close();
    }
    const config = {
      ...localStackConfigFromEnv({}),
      port: 0,
      dataDir,
      photosDir,
      logLevel: 'silent' as const,
    };
    stack = await startLocalStack(config);
    await stack.ingestDone;
  });

  after(async () => {
    await stack?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  const ask = async (envelope: RequestEnvelope): Promise<ResponseEnvelope> => {
    const reply = await sendToSkill(
      `${stack.url}/alexa`,
      envelope,
      readLocalSecrets(dataDir)?.simulatorToken,
    );
    assert.equal(reply.status, 200);
    return reply.body as ResponseEnvelope;
  };

  /** Every photo the slideshow of a reply plays, through the display API's pages. */
  const slideshowPhotos = async (reply: ResponseEnvelope): Promise<string[]> => {
    const render = (reply.response.directives ?? []).find(
      (d): d is RenderDocument => d.type === 'Alexa.Presentation.APL.RenderDocument',
    );
    assert.ok(render, `a slideshow: ${speechOf(reply)}`);
    const list = (render.datasources as { photos: PhotoList }).photos;
    const display = createDisplayHttpClient(`${stack.url}/v1/display`, { credential: stack.serviceToken });
    const page = await display.getSlideshowPage(OWNER, list.listId, 0, list.maximumExclusiveIndex);
    assert.deepEqual(
      page.items.slice(0, list.items.length).map((item) => item.photoIds),
      list.items.map((item) => item.photoIds),
    );
    return page.items.flatMap((item) => item.photoIds).sort();
  };

  it('names a face cluster "Mom" through the library HTTP API', async () => {
    const library = createLibraryHttpClient(`${stack.url}/v1/library`, { credential: stack.serviceToken });
    const everything = await library.search(OWNER, { query: {}, limit: 1000 });
    const salley = everything.photos.filter((p) => p.source.path.startsWith('John_Salley/'));
    assert.equal(salley.length, 11);
    const faces = await library.facesInPhoto(OWNER, salley[0]?.id ?? '');
    const cluster = faces.faces[0]?.person;
    assert.ok(cluster && cluster.name === null, 'an unnamed cluster');

    const named = await library.updatePerson(OWNER, cluster.id, { name: 'Mom' });
    assert.equal(named.name, 'Mom');
    assert.equal(named.photoCount, 11);
    mom = named.id;
    momPhotos = salley.map((p) => p.id).sort();
    const vocabulary = await library.vocabulary(OWNER);
    assert.deepEqual(
      vocabulary.people.map((p) => [p.id, p.name]),
      [[mom, 'Mom']],
      'the only person speech is biased towards: unnamed clusters stay out',
    );
  });

  it('answers "show photos of Mom" (person slot resolved to her dynamic entity) with exactly her photos', async () => {
    const heard = matchUtterance(model, 'show photos of mom', matchContext);
    assert.ok(heard.type === 'IntentRequest' && heard.intent.name === 'ShowPhotosIntent');
    const slot = heard.intent.slots?.person as Slot;
    // What Alexa sends once the skill's Dialog.UpdateDynamicEntities listed Mom: a match under the dynamic authority.
    slot.resolutions = {
      resolutionsPerAuthority: [
        {
          authority: `amzn1.er-authority.echo-sdk.dynamic.${SIMULATOR_IDENTITY.applicationId}.PERSON`,
          status: { code: 'ER_SUCCESS_MATCH' },
          values: [{ value: { name: 'Mom', id: mom } }],
        },
        ...(slot.resolutions?.resolutionsPerAuthority ?? []),
      ],
    };
    const reply = await ask(
      buildRequestEnvelope({ device: findDevice('Echo Show 8'), heard, locale: 'en-US' }),
    );
    assert.match(speechOf(reply), /11 photos/);
    assert.deepEqual(await slideshowPhotos(reply), momPhotos);
  });

  it('answers the free-text "photos of Mom" (SearchPhotosIntent) with exactly her photos', async () => {
    const heard = intentFromSlotValues(model, 'SearchPhotosIntent', { query: 'photos of Mom' }, matchContext);
    const reply = await ask(
      buildRequestEnvelope({ device: findDevice('Echo Show 8'), heard, locale: 'en-US' }),
    );
    assert.match(speechOf(reply), /11 photos/);
    assert.deepEqual(await slideshowPhotos(reply), momPhotos);
  });
});
