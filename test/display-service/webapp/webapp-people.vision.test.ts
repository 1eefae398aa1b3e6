import assert from 'node:assert/strict';
import { cp, mkdir, mkdtemp, readdir, rm, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ResponseEnvelope } from 'ask-sdk-model';
import type { Browser } from 'playwright-core';
import sharp from 'sharp';
import { createLibraryHttpClient } from '../../../common/clients/library-client';
import { createLogger } from '../../../common/logger';
import { createLibrary } from '../../../metadata-service/library';
import { localStackConfigFromEnv } from '../../../server/config';
import { readLocalSecrets } from '../../../server/local-secrets';
import { startLocalStack, type LocalStack } from '../../../server/local-stack';
import { findDevice } from '../../../tools/alexa-simulator/devices';
import { buildRequestEnvelope, SIMULATOR_IDENTITY } from '../../../tools/alexa-simulator/envelope';
import { loadLanguageModel } from '../../../tools/alexa-simulator/interaction-model';
import { intentFromSlotValues } from '../../../tools/alexa-simulator/interaction-model-matcher';
import { sendToSkill } from '../../../tools/alexa-simulator/skill-transport';
import { visionTestPhotos } from '../../metadata-service/vision/vision-test-photos';
import { chromiumPath, launchChromium } from '../frame/helpers/chromium';

const OWNER = 'local';
/** Two of dlib's "johns" (11 face chips each): enough for two clusters, small enough for one quick vision pass. */
const PEOPLE = ['John_Salley', 'John_Savage'];

describe('web app in chromium: name a person from their face crop, then find their photos by voice', function () {
  this.timeout(240_000);
  let dataDir: string;
  let stack: LocalStack;
  let browser: Browser;

  before(async function () {
    const photos = visionTestPhotos(this);
    const { path, reason } = chromiumPath();
    if (!path) {
      console.log(`      skipped: ${reason}`);
      this.skip();
    }
    dataDir = await mkdtemp(join(tmpdir(), 'photoframe-webapp-people-'));
    const photosDir = join(dataDir, 'photos');
    await mkdir(photosDir);
    // The chips carry no EXIF date: their file times, an hour apart, are their capture times.
    let hour = 0;
    for (const person of PEOPLE) {
      await cp(join(photos.johns, person), join(photosDir, person), { recursive: true });
      for (const file of (await readdir(join(photosDir, person))).sort()) {
        const at = new Date(Date.UTC(2026, 5, 1) + (hour += 1) * 3600_000);
        await utimes(join(photosDir, person, file), at, at);
      }
    }
    // The vision pass over the stack's own database, as `npm run ingest` would run it.
    const library = await createLibrary({
      database: { kind: 'sqlite', file: join(dataDir, 'library.sqlite') },
      logger: createLogger('silent'),
      vision: { provider: 'local', workers: 2 },
    });
    try {
      const report = await library.ingest(photosDir, { ownerId: OWNER, vision: 'wait' });
      assert.equal(report.vision?.state, 'done', JSON.stringify(report.vision));
    } finally {
      await library.close();
    }
    [stack, browser] = await Promise.all([
      startLocalStack({
        ...localStackConfigFromEnv({}),
        port: 0,
        dataDir,
        photosDir,
        vision: undefined,
        logLevel: 'silent' as const,
      }),
      launchChromium(path),
    ]);
    await stack.ingestDone;
  });

  after(async () => {
    await browser?.close();
    await stack?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('names the unnamed face cluster "Mom" on the People page; "photos of Mom" on an Echo Show plays exactly hers', async () => {
    // Which cluster holds John Salley's face (what the owner recognises by looking at the crop).
    const library = createLibraryHttpClient(`${stack.url}/v1/library`, { credential: stack.serviceToken });
    const everything = await library.search(OWNER, { query: {}, limit: 1000 });
    const salley = everything.photos.filter((p) => p.source.path.startsWith('John_Salley/'));
    assert.equal(salley.length, 11);
    const cluster = (await library.facesInPhoto(OWNER, salley[0]?.id ?? '')).faces[0]?.person;
    assert.ok(cluster && cluster.name === null, 'an unnamed cluster');

    // Opened on this machine, the web app needs no sign-in (the frame's loopback session).
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const app = await context.newPage();
    await app.goto(`${stack.url}/#people`);
    const card = app.locator(`li[data-person-id="${cluster.id}"]`);
    await card.waitFor({ timeout: 20_000 });
    // Its face crop is a real picture of a face, served to this session.
    const crop = await app.request.get(
      `${stack.url}${(await card.locator('img.face').getAttribute('src')) ?? ''}`,
    );
    assert.equal(crop.status(), 200);
    const meta = await sharp(await crop.body()).metadata();
    assert.equal(meta.format, 'jpeg');
    assert.ok((meta.width ?? 0) >= 32 && (meta.height ?? 0) >= 32, `${meta.width}x${meta.height}`);

    await card.locator('input[name=name]').fill('Mom');
    await card.locator('form.name button[type=submit]').click();
    // Naming may give the person a new id: the card is found by its name afterwards.
    await app.locator('li[data-name="Mom"] .message', { hasText: 'Saved as Mom' }).waitFor();
    await context.close();

    // By voice, on an Echo Show 8: the skill's free text reads "Mom" as the person just named.
    const model = loadLanguageModel('en-US');
    const heard = intentFromSlotValues(
      model,
      'SearchPhotosIntent',
      { query: 'photos of Mom' },
      {
        today: new Date(),
        applicationId: SIMULATOR_IDENTITY.applicationId,
        locale: 'en-US',
      },
    );
    const reply = await sendToSkill(
      `${stack.url}/alexa`,
      buildRequestEnvelope({ device: findDevice('Echo Show 8'), heard, locale: 'en-US' }),
      readLocalSecrets(dataDir)?.simulatorToken,
    );
    assert.equal(reply.status, 200);
    const envelope = reply.body as ResponseEnvelope;
    const speech = envelope.response.outputSpeech;
    const said = speech?.type === 'SSML' ? speech.ssml.replace(/<[^>]+>/g, '') : '';
    assert.match(said, /11 photos/);
    const found = await library.search(OWNER, { q: 'photos of Mom', limit: 100 });
    assert.deepEqual(found.photos.map((p) => p.id).sort(), salley.map((p) => p.id).sort());
  });
});
