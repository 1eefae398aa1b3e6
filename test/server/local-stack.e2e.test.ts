import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RequestEnvelope, ResponseEnvelope, interfaces } from 'ask-sdk-model';
import Database from 'better-sqlite3';
import sharp from 'sharp';
import { createDisplayHttpClient } from '../../common/clients/display-client';
import { photoFactsSchema } from '../../common/contracts';
import { createRenditionUrlSigner } from '../../display-service/renditions/rendition-url';
import { localStackConfigFromEnv } from '../../server/config';
import { readLocalSecrets } from '../../server/local-secrets';
import { startLocalStack, type LocalStack } from '../../server/local-stack';
import { findDevice } from '../../tools/alexa-simulator/devices';
import { buildRequestEnvelope, SIMULATOR_IDENTITY } from '../../tools/alexa-simulator/envelope';
import { loadLanguageModel } from '../../tools/alexa-simulator/interaction-model';
import { intentFromSlotValues, matchUtterance } from '../../tools/alexa-simulator/interaction-model-matcher';
import { bearer } from '../support/test-credentials';
import { sendToSkill } from '../../tools/alexa-simulator/skill-transport';
import { invokeLambda } from '../../tools/alexa-simulator/invoke-lambda';
import { CROP_TOLERANCE } from '../../display-service/renditions/pipeline/layout';

type RenderDocument = interfaces.alexa.presentation.apl.RenderDocumentDirective;
type ExecuteCommands = interfaces.alexa.presentation.apl.ExecuteCommandsDirective;

/** The demo library's dates are relative to this day, so "last summer" is summer 2026. */
const TODAY = new Date('2026-11-25T12:00:00Z');
const model = loadLanguageModel('en-US');
const matchContext = { today: TODAY, applicationId: SIMULATOR_IDENTITY.applicationId, locale: 'en-US' };

function showBeachLastSummer(deviceName: string): RequestEnvelope {
  const heard = intentFromSlotValues(
    model,
    'ShowPhotosIntent',
    { subject: 'beach', date: '2026-SU' },
    matchContext,
  );
  return buildRequestEnvelope({ device: findDevice(deviceName), heard, locale: 'en-US' });
}

function speechOf(envelope: ResponseEnvelope): string {
  const speech = envelope.response.outputSpeech;
  return speech?.type === 'SSML' ? speech.ssml.replace(/<[^>]+>/g, '') : '';
}

function directivesOf(envelope: ResponseEnvelope) {
  const directives = envelope.response.directives ?? [];
  const render = directives.find(
    (d): d is RenderDocument => d.type === 'Alexa.Presentation.APL.RenderDocument',
  );
  const commands = directives.find(
    (d): d is ExecuteCommands => d.type === 'Alexa.Presentation.APL.ExecuteCommands',
  );
  return { directives, render, commands };
}

interface ListItem {
  url: string;
  photoIds: string[];
  index: number;
}
interface DynamicIndexList {
  type: string;
  listId: string;
  startIndex: number;
  minimumInclusiveIndex: number;
  maximumExclusiveIndex: number;
  items: ListItem[];
}

function photoListOf(render: RenderDocument): DynamicIndexList {
  return (render.datasources as { photos: DynamicIndexList }).photos;
}

/** Mean absolute per-channel difference of two same-size RGB images, 0..255. */
async function meanDifference(a: Buffer, b: Buffer, width: number, height: number): Promise<number> {
  const [pa, pb] = await Promise.all(
    [a, b].map((img) => sharp(img).resize(width, height, { fit: 'fill' }).removeAlpha().raw().toBuffer()),
  );
  assert.ok(pa && pb);
  let sum = 0;
  for (let i = 0; i < pa.length; i++) sum += Math.abs((pa[i] ?? 0) - (pb[i] ?? 0));
  return sum / pa.length;
}

describe('end to end: Lambda handler → display → library on the local stack', function () {
  // Generating and ingesting the demo library takes a few seconds on a 2-core CI machine.
  this.timeout(120_000);
  let dataDir: string;
  let stack: LocalStack;
  const savedEnv = { ...process.env };

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'photoframe-e2e-'));
    const config = { ...localStackConfigFromEnv({}), port: 0, dataDir, logLevel: 'silent' as const };
    stack = await startLocalStack(config, { today: TODAY });
    process.env.DISPLAY_SERVICE_URL = stack.url;
    process.env.METADATA_SERVICE_URL = stack.url;
    process.env.SERVICE_TOKENS = stack.serviceToken;
    process.env.PHOTO_OWNER_ID = 'local';
    process.env.LOG_LEVEL = 'silent';
  });

  after(async () => {
    process.env = savedEnv;
    await stack?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('answers an Echo Show 8 with the count, a Pager over a dynamicIndexList and 1280x800 renditions of the right photos', async () => {
    const reply = await invokeLambda(showBeachLastSummer('Echo Show 8'));

    const speech = speechOf(reply);
    const spokenCount = Number(/Here are (\d+) beach photos? from summer 2026/.exec(speech)?.[1]);
    assert.ok(spokenCount > 0, `speech was: ${speech}`);

    const { render, commands } = directivesOf(reply);
    assert.ok(render, 'RenderDocument directive');
    const list = photoListOf(render);
    assert.equal(list.type, 'dynamicIndexList');
    assert.match(list.listId, /^ss_/);
    assert.equal(list.startIndex, 0);
    assert.equal(list.minimumInclusiveIndex, 0);
    // Counts are photos; the list holds items, and a portrait pair is one item showing two.
    const items = list.maximumExclusiveIndex;
    assert.ok(items > 0 && items <= spokenCount, `${items} items for ${spokenCount} photos`);
    assert.equal(list.items.length, Math.min(10, items));
    const pager = (render.document as { mainTemplate: { items: Array<{ type: string; data: string }> } })
      .mainTemplate.items[0];
    assert.equal(pager?.type, 'Pager');
    assert.equal(pager?.data, '${photos}');
    assert.equal(commands?.token, render.token);
    assert.equal(commands?.commands[0]?.type, 'AutoPage');

    // The first rendition: exactly the screen, JPEG, no metadata, and it shows the photo it names.
    const first = list.items[0];
    assert.ok(first);
    const rendition = await fetch(first.url);
    assert.equal(rendition.status, 200);
    assert.equal(rendition.headers.get('content-type'), 'image/jpeg');
    const jpeg = Buffer.from(await rendition.arrayBuffer());
    const meta = await sharp(jpeg).metadata();
    assert.deepEqual([meta.format, meta.width, meta.height], ['jpeg', 1280, 800]);
    assert.equal(meta.exif, undefined);
    assert.equal(meta.xmp, undefined);

    const factsResponse = await fetch(`${stack.url}/v1/library/photos/${first.photoIds[0]}`, {
      headers: bearer(stack.ownerToken),
    });
    const facts = photoFactsSchema.parse(await factsResponse.json());
    assert.ok(facts.labels.some((label) => label.name === 'beach'));
    assert.ok(
      facts.takenLocal &&
        facts.takenLocal >= '2026-06-01T00:00:00' &&
        facts.takenLocal < '2026-09-01T00:00:00',
    );
    // Compare the rendition with the original, upright and placed the same way: a photo within CROP_TOLERANCE of the
    // screen's shape fills it (cropped centred: it loses only a few percent), any other is fitted inside.
    const original = await sharp(fileURLToPath(facts.source.uri))
      .rotate()
      .toBuffer({ resolveWithObject: true });
    const apart = Math.abs(Math.log(original.info.width / original.info.height / (1280 / 800)));
    const fitted = await sharp(original.data)
      .resize(
        1280,
        800,
        apart <= Math.log(CROP_TOLERANCE) ? { fit: 'cover', position: 'centre' } : { fit: 'inside' },
      )
      .toBuffer({ resolveWithObject: true });
    const left = Math.floor((1280 - fitted.info.width) / 2);
    const top = Math.floor((800 - fitted.info.height) / 2);
    const centre = await sharp(jpeg)
      .extract({ left, top, width: fitted.info.width, height: fitted.info.height })
      .toBuffer();
    assert.ok((await meanDifference(centre, fitted.data, 64, 40)) < 8, 'rendition shows the named photo');
    const another = list.items.find((item) => item.photoIds[0] !== first.photoIds[0]);
    if (another) {
      const otherFacts = photoFactsSchema.parse(
        await (
          await fetch(`${stack.url}/v1/library/photos/${another.photoIds[0]}`, {
            headers: bearer(stack.ownerToken),
          })
        ).json(),
      );
      const otherFitted = await sharp(fileURLToPath(otherFacts.source.uri))
        .rotate()
        .resize(1280, 800, { fit: 'inside' })
        .toBuffer();
      assert.ok((await meanDifference(centre, otherFitted, 64, 40)) > 8, 'and not some other photo');
    }
  });

  it('refuses a rendition URL with one character of its signature changed (403) or past its expiry (410)', async () => {
    const reply = await invokeLambda(showBeachLastSummer('Echo Show 8'));
    const url = new URL(photoListOf(directivesOf(reply).render!).items[0]!.url);
    const sig = url.searchParams.get('sig') ?? '';
    url.searchParams.set('sig', `${sig.slice(0, 5)}${sig[5] === 'A' ? 'B' : 'A'}${sig.slice(6)}`);
    const tampered = await fetch(url);
    assert.equal(tampered.status, 403);
    assert.equal(
      ((await tampered.json()) as { error: { code: string } }).error.code,
      'RENDITION_SIGNATURE_INVALID',
    );

    // A URL signed with the stack's own key an hour ago, with a 60 s lifetime: valid signature, expired.
    const key = readLocalSecrets(dataDir)?.renditionSigningKey;
    assert.ok(key);
    const anHourAgo = Date.now() - 3600_000;
    const signer = createRenditionUrlSigner({
      publicBaseUrl: stack.url,
      signingKey: key,
      ttlSeconds: 60,
      now: () => anHourAgo,
    });
    const photoId = url.pathname.split('/')[4] ?? '';
    const expired = await fetch(
      signer.sign({ ownerId: 'local', photoId, width: 1280, height: 800, shape: 'RECTANGLE' }),
    );
    assert.equal(expired.status, 410);
  });

  for (const [device, width, height] of [
    ['Echo Spot', 480, 480],
    ['Fire TV', 1920, 1080],
    ['Echo Show 15 portrait', 1080, 1920],
  ] as const) {
    it(`renders ${width}x${height} for ${device} through POST /alexa`, async () => {
      const token = readLocalSecrets(dataDir)?.simulatorToken;
      const reply = await sendToSkill(`${stack.url}/alexa`, showBeachLastSummer(device), token);
      assert.equal(reply.status, 200);
      const item = photoListOf(directivesOf(reply.body as ResponseEnvelope).render!).items[0]!;
      const meta = await sharp(Buffer.from(await (await fetch(item.url)).arrayBuffer())).metadata();
      assert.deepEqual([meta.format, meta.width, meta.height], ['jpeg', width, height]);
    });
  }

  it('answers an Echo Dot with speech only', async () => {
    const heard = matchUtterance(model, 'show beach photos from last summer', matchContext);
    const envelope = buildRequestEnvelope({ device: findDevice('Echo Dot'), heard, locale: 'en-US' });
    const reply = await sendToSkill(
      `${stack.url}/alexa`,
      envelope,
      readLocalSecrets(dataDir)?.simulatorToken,
    );
    assert.equal(reply.status, 200);
    const body = reply.body as ResponseEnvelope;
    assert.match(speechOf(body), /beach photos? from summer 2026/);
    assert.deepEqual(body.response.directives ?? [], []);
  });

  describe('free text (SearchPhotosIntent), read by the library against this library', () => {
    const search = (deviceName: string, text: string) =>
      buildRequestEnvelope({
        device: findDevice(deviceName),
        heard: intentFromSlotValues(model, 'SearchPhotosIntent', { query: text }, matchContext),
        locale: 'en-US',
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

    it('shows exactly the photos the words name on a screen', async () => {
      const reply = await ask(search('Echo Show 8', 'beach photos from summer 2026 in santa monica'));
      assert.match(
        speechOf(reply),
        /^Here are 3 photos for beach photos from summer 2026 in santa monica, taken /,
      );
      const list = photoListOf(render(reply));
      assert.equal(list.maximumExclusiveIndex, 3);
      for (const item of list.items) {
        const facts = photoFactsSchema.parse(
          await (
            await fetch(`${stack.url}/v1/library/photos/${item.photoIds[0]}`, {
              headers: bearer(stack.ownerToken),
            })
          ).json(),
        );
        assert.equal(facts.place?.city, 'Santa Monica');
        assert.ok(facts.labels.some((label) => label.name === 'beach'));
      }
    });

    it('speaks the count on a device without a screen', async () => {
      const reply = await ask(search('Echo Dot', 'beach photos from summer 2026 in santa monica'));
      assert.match(speechOf(reply), /^You have 3 photos for beach photos/);
      assert.deepEqual(reply.response.directives ?? [], []);
    });

    it('says so, and listens, when nothing in the words names anything in the library', async () => {
      const reply = await ask(search('Echo Show 8', 'the meaning of life'));
      assert.match(speechOf(reply), /^I don't know "meaning" or "life"\. What would you like to see\?$/);
      assert.equal(reply.response.shouldEndSession, false);
      assert.deepEqual(reply.response.directives ?? [], []);
    });
  });

  it('answers "what is this photo?" from the visual context with the library\'s facts', async () => {
    const token = readLocalSecrets(dataDir)?.simulatorToken;
    const shown = await sendToSkill(`${stack.url}/alexa`, showBeachLastSummer('Echo Show 8'), token);
    const photoId = photoListOf(render(shown.body as ResponseEnvelope)).items[0]?.photoIds[0] ?? '';
    const facts = photoFactsSchema.parse(
      await (
        await fetch(`${stack.url}/v1/library/photos/${photoId}`, { headers: bearer(stack.ownerToken) })
      ).json(),
    );
    const question = buildRequestEnvelope({
      device: findDevice('Echo Show 8'),
      heard: matchUtterance(model, 'what is this photo', matchContext),
      locale: 'en-US',
      contextPhotoId: photoId,
    });
    const reply = await sendToSkill(`${stack.url}/alexa`, question, token);
    const speech = speechOf(reply.body as ResponseEnvelope);
    const [year, month, day] = (facts.takenLocal ?? '').slice(0, 10).split('-').map(Number);
    const monthName = new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, 1)).toLocaleString('en-US', {
      month: 'long',
      timeZone: 'UTC',
    });
    assert.match(
      speech,
      new RegExp(`^This photo was taken on ${monthName} ${day}, ${year} in ${facts.place?.city ?? '?'}`),
    );
    assert.match(speech, /tagged .*beach/);

    const nothingShown = buildRequestEnvelope({
      device: findDevice('Echo Show 8'),
      heard: matchUtterance(model, 'what is this photo', matchContext),
      locale: 'en-US',
    });
    const noPhoto = await sendToSkill(`${stack.url}/alexa`, nothingShown, token);
    assert.match(
      speechOf(noPhoto.body as ResponseEnvelope),
      /only tell you about a photo while the slideshow shows it/,
    );
  });

  it('exposes Prometheus metrics: renditions by cache tier, render latency, bytes served', async () => {
    const metric = async (): Promise<Map<string, number>> => {
      const response = await fetch(`${stack.url}/metrics`);
      assert.equal(response.status, 200);
      assert.match(response.headers.get('content-type') ?? '', /^text\/plain/);
      const values = new Map<string, number>();
      for (const line of (await response.text()).split('\n')) {
        const match = /^([a-z_]+(?:\{[^}]*\})?) (\S+)$/.exec(line);
        if (match?.[1] && match[2]) values.set(match[1], Number(match[2]));
      }
      return values;
    };
    const before = await metric();
    // A size no other test asks for, so the first fetch must render.
    const reply = await sendToSkill(
      `${stack.url}/alexa`,
      showBeachLastSummer('Echo Show 5'),
      readLocalSecrets(dataDir)?.simulatorToken,
    );
    const url = photoListOf(render(reply.body as ResponseEnvelope)).items[5]?.url ?? '';
    const first = Buffer.from(await (await fetch(url)).arrayBuffer());
    await fetch(url);
    const after = await metric();
    const delta = (name: string) => (after.get(name) ?? 0) - (before.get(name) ?? 0);
    assert.ok(delta('photoframe_rendition_source_total{tier="render"}') >= 1);
    assert.ok(delta('photoframe_rendition_source_total{tier="memory"}') >= 1);
    assert.equal(delta('photoframe_renditions_served_total{outcome="image"}'), 2);
    assert.equal(delta('photoframe_rendition_bytes_served_total'), first.length * 2);
    assert.ok(delta('photoframe_render_seconds_count') >= 1);
    assert.equal(
      after.get('photoframe_render_seconds_bucket{le="+Inf"}'),
      after.get('photoframe_render_seconds_count'),
    );
  });

  it("keeps slideshows in the library's database, each tier in its own tables, and starts ambient mode", async () => {
    assert.equal(existsSync(join(dataDir, 'display.sqlite')), false, 'no separate display database');
    const db = new Database(join(dataDir, 'library.sqlite'), { readonly: true });
    try {
      const tables = db
        .prepare("select name from sqlite_master where type = 'table' order by name")
        .pluck()
        .all() as string[];
      for (const table of [
        'photos',
        'library_migrations',
        'slideshows',
        'slideshow_items',
        'display_migrations',
      ]) {
        assert.ok(tables.includes(table), `${table} in ${tables.join(', ')}`);
      }
    } finally {
      db.close();
    }
    const display = createDisplayHttpClient(`${stack.url}/v1/display`, { credential: stack.serviceToken });
    const request = {
      ownerId: 'local',
      deviceId: 'kitchen',
      viewport: { width: 1280, height: 800 },
      pageSize: 4,
    };
    const started = await display.startAmbient(request);
    assert.deepEqual([started.endless, started.items.length], [true, 4]);
    await display.saveAmbientPosition('local', started.slideshowId, 2);
    const resumed = await display.startAmbient(request);
    assert.deepEqual([resumed.slideshowId, resumed.startIndex], [started.slideshowId, 2]);
    assert.deepEqual(resumed.items[0]?.photoIds, started.items[2]?.photoIds);

    // Against the real library (seeded shuffle, cursors, on-this-day): every photo once before any repeats.
    const everyPhoto = await fetch(`${stack.url}/v1/library/search`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer(stack.ownerToken) },
      body: JSON.stringify({ query: { collapseDuplicates: true, mediaKinds: ['photo'] }, limit: 1000 }),
    });
    const library = (await everyPhoto.json()) as { total: number; photos: { id: string }[] };
    assert.ok(library.total > 10 && library.total === library.photos.length, `${library.total} photos`);
    const shown: string[] = [];
    for (let start = 0; shown.length < library.total; start += 50) {
      const page = await display.getSlideshowPage('local', started.slideshowId, start, 50);
      shown.push(...page.items.flatMap((item) => item.photoIds));
    }
    const pass = shown.slice(0, library.total);
    assert.equal(new Set(pass).size, library.total, 'no photo twice in one pass');
    assert.deepEqual([...pass].sort(), library.photos.map((photo) => photo.id).sort());
  });

  it('answers GET /readyz 200 while every tier can serve, and 503 naming what cannot', async () => {
    const ready = await fetch(`${stack.url}/readyz`);
    assert.deepEqual([ready.status, await ready.json()], [200, { status: 'ready' }]);
    const renditions = join(dataDir, 'renditions');
    const aside = join(dataDir, 'renditions-aside');
    await rename(renditions, aside);
    await writeFile(renditions, 'a file where the renditions folder should be');
    try {
      const notReady = await fetch(`${stack.url}/readyz`);
      assert.deepEqual(
        [notReady.status, await notReady.json()],
        [503, { status: 'not-ready', reasons: ['display: renditions folder does not take writes'] }],
      );
    } finally {
      await rm(renditions, { force: true });
      await rename(aside, renditions);
    }
    assert.equal((await fetch(`${stack.url}/readyz`)).status, 200);
  });

  it('pages the rest of the slideshow on LoadIndexListData', async () => {
    const reply = await invokeLambda(showBeachLastSummer('Echo Show 8'));
    const list = photoListOf(directivesOf(reply).render!);
    const load = {
      ...showBeachLastSummer('Echo Show 8'),
      request: {
        type: 'Alexa.Presentation.APL.LoadIndexListData',
        requestId: 'amzn1.echo-api.request.load',
        timestamp: new Date().toISOString(),
        locale: 'en-US',
        token: render(reply).token,
        correlationToken: 'corr-1',
        listId: list.listId,
        startIndex: 1,
        count: 3,
      },
    } as unknown as RequestEnvelope;
    const paged = await invokeLambda(load);
    const send = (paged.response.directives ?? [])[0] as {
      type: string;
      correlationToken: string;
      startIndex: number;
      items: ListItem[];
    };
    assert.equal(send.type, 'Alexa.Presentation.APL.SendIndexListData');
    assert.equal(send.correlationToken, 'corr-1');
    assert.equal(send.startIndex, 1);
    assert.deepEqual(
      send.items.map((item) => item.photoIds[0]),
      list.items.slice(1, 4).map((item) => item.photoIds[0]),
    );
  });
});

function render(reply: ResponseEnvelope): RenderDocument {
  const found = directivesOf(reply).render;
  assert.ok(found);
  return found;
}
