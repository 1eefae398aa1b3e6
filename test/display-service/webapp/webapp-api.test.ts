import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { OWNER_HEADER } from '../../../common/contracts';
import type { ResponseEnvelope } from 'ask-sdk-model';
import { localStackConfigFromEnv } from '../../../server/config';
import { readLocalSecrets } from '../../../server/local-secrets';
import { findDevice } from '../../../tools/alexa-simulator/devices';
import { buildRequestEnvelope, SIMULATOR_IDENTITY } from '../../../tools/alexa-simulator/envelope';
import { sendToSkill } from '../../../tools/alexa-simulator/skill-transport';
import { startLocalStack, type LocalStack } from '../../../server/local-stack';

const VIEWPORT = { width: 1280, height: 800, shape: 'RECTANGLE' };

describe('web app API (/app/api) on the local stack', function () {
  this.timeout(90_000);
  let root: string;
  let stack: LocalStack;
  let cookie: string;

  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'photoframe-webapp-'));
    const photosDir = join(root, 'photos', 'Garden');
    await mkdir(photosDir, { recursive: true });
    for (const [i, background] of ['#2040d0', '#d04020', '#20d040'].entries()) {
      await sharp({ create: { width: 640, height: 480, channels: 3, background } })
        .jpeg()
        .withExif({ IFD2: { DateTimeOriginal: `2024:05:0${i + 1} 10:00:00` } })
        .toFile(join(photosDir, `IMG_${i}.jpg`));
    }
    // A real export has the odd broken file: the status page must say which one and why.
    await writeFile(join(photosDir, 'broken.jpg'), 'this is not a JPEG');
    stack = await startLocalStack({
      ...localStackConfigFromEnv({ VISION: 'false' }),
      port: 0,
      dataDir: join(root, 'data'),
      photosDir: join(root, 'photos'),
      logLevel: 'silent' as const,
    });
    await stack.ingestDone;
    // Opened on this machine, the page starts a session for the local owner, as the frame does.
    const page = await fetch(`${stack.url}/`);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /<script src="\/app\.js\?v=/);
    cookie = (page.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    assert.match(cookie, /^pf_session=/);
  });

  after(async () => {
    await stack.close();
    await rm(root, { recursive: true, force: true });
  });

  const call = (path: string, init: RequestInit = {}, withSession = true): Promise<Response> =>
    fetch(`${stack.url}/app/api${path}`, {
      ...init,
      headers: {
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(withSession ? { cookie } : {}),
        ...(init.headers as Record<string, string> | undefined),
      },
    });

  it('answers nothing without a session (401 SESSION_REQUIRED), forged cookies included', async () => {
    for (const [path, init] of [
      ['/status', {}],
      ['/people', {}],
      ['/frames', {}],
      ['/search', { method: 'POST', body: JSON.stringify({ q: 'garden' }) }],
      ['/frames/profile', { method: 'PUT', body: JSON.stringify({ deviceId: 'x', settings: {} }) }],
    ] as const) {
      const bare = await call(path, init, false);
      assert.equal(bare.status, 401, path);
      assert.equal(((await bare.json()) as { error: { code: string } }).error.code, 'SESSION_REQUIRED');
      const forged = await call(
        path,
        { ...init, headers: { cookie: 'pf_session=eyJvIjoibG9jYWwifQ.AAAA' } },
        false,
      );
      assert.equal(forged.status, 401, `${path} forged`);
    }
  });

  it('sends a browser from elsewhere to sign in and back to /', async () => {
    const response = await fetch(`${stack.url}/`, {
      redirect: 'manual',
      headers: { 'x-forwarded-for': '203.0.113.7' },
    });
    assert.equal(response.status, 303);
    assert.equal(response.headers.get('location'), '/frame/sign-in?next=%2F');
  });

  it('status: the photo count, the ingest, and the skipped file with its reason', async () => {
    const status = (await (await call('/status')).json()) as {
      photoCount: number;
      ingest: { state: string; done: number; total: number };
      vision: { state: string };
      skipped: { path: string; code: string; reason: string }[];
    };
    assert.equal(status.photoCount, 3);
    assert.equal(status.ingest.state, 'done');
    assert.equal(status.vision.state, 'off');
    assert.deepEqual(
      status.skipped.map((file) => file.path),
      ['Garden/broken.jpg'],
    );
    assert.ok(status.skipped[0]?.reason.length, 'a reason is given');
  });

  it('search by album and year with signed thumbnails; hiding a photo takes it out of every search', async () => {
    const browse = (await (await call('/browse')).json()) as { albums: { id: string; name: string }[] };
    const garden = browse.albums.find((album) => album.name === 'Garden');
    assert.ok(garden, JSON.stringify(browse.albums));
    const byAlbum = (await (
      await call('/search', { method: 'POST', body: JSON.stringify({ albumId: garden.id }) })
    ).json()) as { total: number; photos: { id: string; url: string }[] };
    assert.equal(byAlbum.total, 3);
    const thumb = await fetch(byAlbum.photos[0]?.url ?? '');
    assert.equal(thumb.status, 200);
    assert.match(thumb.headers.get('content-type') ?? '', /^image\//);

    const hidden = byAlbum.photos[0]?.id ?? '';
    const flagged = await call(`/photos/${hidden}/flags`, {
      method: 'PATCH',
      body: JSON.stringify({ hidden: true }),
    });
    assert.equal(flagged.status, 200);
    // The thumbnail it was shown with is refused at once: the display forgot what it kept of the photo (its facts,
    // the URL it answered from memory), instead of serving it for up to a minute more.
    const again = await fetch(byAlbum.photos[0]?.url ?? '');
    assert.equal(again.status, 404);
    const byYear = (await (
      await call('/search', { method: 'POST', body: JSON.stringify({ year: 2024 }) })
    ).json()) as { total: number; photos: { id: string }[] };
    assert.equal(byYear.total, 2);
    assert.ok(!byYear.photos.some((photo) => photo.id === hidden));
    // The photo page still answers for the owner, with where its album label came from.
    const details = (await (await call(`/photos/${hidden}`)).json()) as {
      facts: { hidden: boolean; albums: unknown[] };
    };
    assert.equal(details.facts.hidden, true);
    assert.equal(details.facts.albums.length, 1);
  });

  it("refuses a profile for another owner's frame (404), and hostile settings (400)", async () => {
    // Bob's Echo Show has played his ambient frame: it is his, not the local owner's.
    const bobs = await fetch(`${stack.url}/v1/display/ambient`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${stack.serviceToken}`,
        [OWNER_HEADER]: 'bob',
        'content-type': 'application/json',
      },
      body: JSON.stringify({ ownerId: 'bob', deviceId: 'amzn1.ask.device.BOBS', viewport: VIEWPORT }),
    });
    assert.equal(bobs.status, 200);
    const settings = { shows: { kind: 'everything' }, intervalSeconds: 15 };
    const refused = await call('/frames/profile', {
      method: 'PUT',
      body: JSON.stringify({ deviceId: 'amzn1.ask.device.BOBS', settings }),
    });
    assert.equal(refused.status, 404);
    assert.equal(((await refused.json()) as { error: { code: string } }).error.code, 'FRAME_NOT_FOUND');
    const frames = (await (await call('/frames')).json()) as { frames: { deviceId: string }[] };
    assert.ok(!frames.frames.some((frame) => frame.deviceId.includes('BOBS')));

    const hostile = await call('/frames/profile', {
      method: 'PUT',
      body: JSON.stringify({
        deviceId: 'amzn1.ask.device.BOBS',
        settings: { ...settings, intervalSeconds: -5 },
      }),
    });
    assert.equal(hostile.status, 400);
  });

  it('an Echo Show\'s ambient frame ("open Photo Frame") follows the profile set for that device', async () => {
    const launch = async (): Promise<string[]> => {
      const reply = await sendToSkill(
        `${stack.url}/alexa`,
        buildRequestEnvelope({
          device: findDevice('Echo Show 8'),
          heard: { type: 'LaunchRequest' },
          locale: 'en-US',
        }),
        readLocalSecrets(join(root, 'data'))?.simulatorToken,
      );
      assert.equal(reply.status, 200);
      const render = ((reply.body as ResponseEnvelope).response.directives ?? []).find(
        (d) => d.type === 'Alexa.Presentation.APL.RenderDocument',
      ) as { datasources?: { photos?: { items: { photoIds: string[] }[] } } } | undefined;
      return [...new Set((render?.datasources?.photos?.items ?? []).flatMap((item) => item.photoIds))].sort();
    };
    const everything = await launch();
    assert.ok(everything.length >= 2, everything.join(' '));
    const favourite = everything[0] ?? '';
    await call(`/photos/${favourite}/flags`, { method: 'PATCH', body: JSON.stringify({ favorite: true }) });
    const saved = await call('/frames/profile', {
      method: 'PUT',
      body: JSON.stringify({
        deviceId: SIMULATOR_IDENTITY.deviceId,
        settings: { shows: { kind: 'favourites' }, intervalSeconds: 30 },
      }),
    });
    assert.equal(saved.status, 200, await saved.clone().text());
    assert.deepEqual(await launch(), [favourite]);
  });

  it('serves the manifest and its icons', async () => {
    const manifest = (await (await fetch(`${stack.url}/manifest.webmanifest`)).json()) as {
      start_url: string;
      icons: { src: string; sizes: string }[];
    };
    assert.equal(manifest.start_url, '/');
    for (const icon of manifest.icons.filter((i) => i.src.endsWith('.png'))) {
      const png = Buffer.from(await (await fetch(`${stack.url}${icon.src}`)).arrayBuffer());
      const meta = await sharp(png).metadata();
      assert.equal(`${meta.width}x${meta.height}`, icon.sizes);
      assert.equal(meta.format, 'png');
    }
  });
});
