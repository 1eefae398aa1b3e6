import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import type { ResponseEnvelope } from 'ask-sdk-model';
import { OWNER_HEADER } from '../../../common/contracts';
import { readLocalSecrets } from '../../../server/local-secrets';
import { findDevice } from '../../../tools/alexa-simulator/devices';
import { buildRequestEnvelope } from '../../../tools/alexa-simulator/envelope';
import { sendToSkill } from '../../../tools/alexa-simulator/skill-transport';
import { localStackConfigFromEnv } from '../../../server/config';
import { startLocalStack, type LocalStack } from '../../../server/local-stack';
import { writeClip } from '../renditions/video/clip-fixtures';

const DEVICE = 'amzn1.ask.device.HALLWAY';
/** Portrait: no pairs, so every item is one photo or one clip. */
const VIEWPORT = { width: 800, height: 1280, shape: 'RECTANGLE' };
const PHOTOS = 9;
const CLIPS = 3;

interface Item {
  photoIds: string[];
  clip?: { url: string };
}

describe('ambient clip share on a library with real clips (web app profile, AMBIENT_CLIP_SHARE)', function () {
  this.timeout(90_000);
  let root: string;
  let stack: LocalStack;
  let cookie: string;

  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'photoframe-clip-share-'));
    const camera = join(root, 'photos', 'DCIM', 'Camera');
    await mkdir(camera, { recursive: true });
    for (let i = 0; i < PHOTOS; i++) {
      await sharp({
        create: {
          width: 320,
          height: 240,
          channels: 3,
          background: `#${(i * 25).toString(16).padStart(2, '0')}8040`,
        },
      })
        .jpeg()
        .withExif({ IFD2: { DateTimeOriginal: `2024:06:0${i + 1} 10:00:00` } })
        .toFile(join(camera, `IMG_${i}.jpg`));
    }
    for (let i = 0; i < CLIPS; i++) {
      await writeClip(join(camera, `VID_${i}.mp4`), {
        width: 160,
        height: 120,
        seconds: 1,
        createdUtc: `2024-07-0${i + 1}T10:00:00Z`,
      });
    }
    stack = await startLocalStack({
      ...localStackConfigFromEnv({ VISION: 'false', AMBIENT_CLIP_SHARE: '25' }),
      port: 0,
      dataDir: join(root, 'data'),
      photosDir: join(root, 'photos'),
      logLevel: 'silent' as const,
    });
    await stack.ingestDone;
    const page = await fetch(`${stack.url}/`);
    cookie = (page.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  });

  after(async () => {
    await stack.close();
    await rm(root, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  });

  const display = (path: string, init: RequestInit = {}): Promise<Response> =>
    fetch(`${stack.url}/v1/display${path}`, {
      ...init,
      headers: {
        authorization: `Bearer ${stack.serviceToken}`,
        [OWNER_HEADER]: 'local',
        'content-type': 'application/json',
      },
    });

  /** The first `count` items of the device's ambient slideshow, from its start. */
  async function ambientItems(count: number): Promise<Item[]> {
    const started = await display('/ambient', {
      method: 'POST',
      body: JSON.stringify({ ownerId: 'local', deviceId: DEVICE, viewport: VIEWPORT, pageSize: count }),
    });
    assert.equal(started.status, 200, await started.clone().text());
    return ((await started.json()) as { items: Item[] }).items;
  }

  const clipIndexes = (items: readonly Item[]): number[] =>
    items.flatMap((item, index) => (item.clip === undefined ? [] : [index]));

  const saveShare = (clipSharePercent: unknown): Promise<Response> =>
    fetch(`${stack.url}/app/api/frames/profile`, {
      method: 'PUT',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({
        deviceId: DEVICE,
        settings: { shows: { kind: 'everything' }, clipSharePercent },
      }),
    });

  it('mixes the clips in at the configured share, evenly, follows the profile, and refuses hostile shares', async () => {
    const search = await display('/slideshows', {
      method: 'POST',
      body: JSON.stringify({ ownerId: 'local', query: { mediaKinds: ['video'] }, viewport: VIEWPORT }),
    });
    assert.equal(
      ((await search.json()) as { total: number }).total,
      CLIPS,
      'the clips were ingested as videos',
    );

    // AMBIENT_CLIP_SHARE=25: of the first 12 items, round(12 × 0.25) = 3 are clips, at 1, 5 and 9.
    const items = await ambientItems(PHOTOS + CLIPS);
    assert.deepEqual(clipIndexes(items), [1, 5, 9]);
    assert.equal(
      new Set(items.map((item) => item.photoIds[0])).size,
      PHOTOS + CLIPS,
      'each photo and clip once',
    );
    const clipUrl = items[1]?.clip?.url ?? '';
    const clip = await fetch(clipUrl.replace(/^https?:\/\/[^/]+/, stack.url), {
      headers: { range: 'bytes=0-99' },
    });
    assert.equal(clip.status, 206);
    assert.equal(clip.headers.get('content-type'), 'video/mp4');

    // The Echo Show's ambient frame ("Alexa, open Photo Frame") plays the same mix: its APL items carry the clips.
    const launch = await sendToSkill(
      `${stack.url}/alexa`,
      buildRequestEnvelope({
        device: findDevice('Echo Show 8'),
        heard: { type: 'LaunchRequest' },
        locale: 'en-US',
      }),
      readLocalSecrets(join(root, 'data'))?.simulatorToken,
    );
    assert.equal(launch.status, 200);
    const render = ((launch.body as ResponseEnvelope).response.directives ?? []).find(
      (d) => d.type === 'Alexa.Presentation.APL.RenderDocument',
    ) as { datasources?: { photos?: { items: { clipUrl: string }[] } } } | undefined;
    const aplItems = render?.datasources?.photos?.items ?? [];
    assert.ok(aplItems.length >= 6, JSON.stringify(aplItems));
    assert.deepEqual(
      aplItems.slice(0, 6).flatMap((item, index) => (item.clipUrl === '' ? [] : [index])),
      [1, 5],
    );

    for (const hostile of [150, -1, 'abc', 12.5, null]) {
      const refused = await saveShare(hostile);
      assert.equal(refused.status, 400, String(hostile));
      assert.equal(((await refused.json()) as { error: { code: string } }).error.code, 'INVALID_CLIP_SHARE');
    }

    // The profile's share is followed at the next start: none, then one in two.
    assert.equal((await saveShare(0)).status, 200);
    assert.deepEqual(clipIndexes(await ambientItems(8)), []);
    assert.equal((await saveShare(50)).status, 200);
    assert.deepEqual(clipIndexes(await ambientItems(6)), [0, 2, 4]);
  });
});
