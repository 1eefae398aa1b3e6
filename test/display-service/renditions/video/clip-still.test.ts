import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { localStackConfigFromEnv, startLocalStack, type LocalStack } from '../../../../server/local-stack';
import { writeClip } from './clip-fixtures';

interface CreatedSlideshow {
  items: {
    url: string;
    width: number;
    height: number;
    photoIds: string[];
    layout: string;
    clip?: { url: string; durationMs: number };
  }[];
}

async function mp4sUnder(root: string): Promise<string[]> {
  const { readdir } = await import('node:fs/promises');
  try {
    const entries = await readdir(root, { recursive: true });
    return entries.filter((name) => name.endsWith('.mp4') && !name.includes('.partial.'));
  } catch {
    return [];
  }
}

async function eventually(ms: number, check: () => Promise<boolean>): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return check();
}

describe('display-service/renditions/video: a clip ingested from a folder renders as a still', function () {
  this.timeout(60_000);
  let dir: string;
  let stack: LocalStack | undefined;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'photoframe-clip-still-'));
    await mkdir(join(dir, 'photos', 'DCIM', 'Camera'), { recursive: true });
  });
  afterEach(async () => {
    await stack?.close();
    stack = undefined;
    await rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  });

  async function startStack(): Promise<LocalStack> {
    stack = await startLocalStack({
      ...localStackConfigFromEnv({}),
      port: 0,
      dataDir: join(dir, 'data'),
      photosDir: join(dir, 'photos'),
      vision: undefined,
      logLevel: 'silent' as const,
    });
    await stack.ingestDone;
    return stack;
  }

  async function slideshowAt(running: LocalStack, width: number, height: number): Promise<CreatedSlideshow> {
    const created = await fetch(`${running.url}/v1/display/slideshows`, {
      method: 'POST',
      headers: { authorization: `Bearer ${running.ownerToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ ownerId: 'local', query: {}, viewport: { width, height, shape: 'RECTANGLE' } }),
    });
    assert.equal(created.status, 201, await created.clone().text());
    return (await created.json()) as CreatedSlideshow;
  }

  it('an Echo Show 8 gets a 1280x800 JPEG of the clip poster frame, not 422', async () => {
    await writeClip(join(dir, 'photos', 'DCIM', 'Camera', 'VID_20250705_143000.mp4'), {
      width: 640,
      height: 360,
      seconds: 2,
      iso6709: '+48.8584+002.2945/',
      createdUtc: '2025-07-05T14:30:00Z',
    });
    const running = await startStack();
    const { items } = await slideshowAt(running, 1280, 800);
    assert.equal(items.length, 1);
    const response = await fetch(items[0]!.url, { headers: { accept: 'image/jpeg' } });
    assert.equal(response.status, 200, await response.clone().text());
    assert.equal(response.headers.get('content-type'), 'image/jpeg');
    const still = sharp(Buffer.from(await response.arrayBuffer()));
    const meta = await still.metadata();
    assert.deepEqual([meta.width, meta.height], [1280, 800]);
    // The test card is colourful: a real frame, not a flat fill. Its middle row spans many hues.
    const stats = await still.stats();
    assert.ok(
      stats.channels.every((channel) => channel.stdev > 20),
      JSON.stringify(stats.channels),
    );
    assert.equal(meta.exif, undefined, 'no metadata carried into the still');
  });

  it('a clip item carries its media type and duration through to the slideshow: a signed clip rendition', async () => {
    const camera = join(dir, 'photos', 'DCIM', 'Camera');
    await writeClip(join(camera, 'VID_20250705_143000.mp4'), { width: 360, height: 640, seconds: 2 });
    // A portrait photo next to a portrait clip: the clip is never half of a pair.
    await sharp({ create: { width: 600, height: 900, channels: 3, background: { r: 200, g: 90, b: 40 } } })
      .jpeg()
      .toFile(join(camera, 'IMG_20250705_143100.jpg'));
    const running = await startStack();
    const { items } = await slideshowAt(running, 1280, 800);
    assert.equal(items.length, 2, JSON.stringify(items));
    assert.ok(items.every((item) => item.layout === 'single'));
    const clips = items.filter((item) => item.clip !== undefined);
    assert.equal(clips.length, 1);
    const clip = clips[0]!.clip!;
    assert.equal(clip.durationMs, 2000);
    // Made ahead by the slideshow's pre-renderer, before any device asks for it.
    const clipsDir = join(dir, 'data', 'renditions', 'clips');
    const madeAhead = await eventually(10_000, async () => (await mp4sUnder(clipsDir)).length > 0);
    assert.ok(madeAhead, `no clip made ahead under ${clipsDir}`);
    const ranged = await fetch(clip.url, { headers: { range: 'bytes=0-1' } });
    assert.equal(ranged.status, 206, await ranged.clone().text());
    assert.equal(ranged.headers.get('content-type'), 'video/mp4');
  });

  it('a clip with no decodable frame answers 422 VIDEO_UNREADABLE, a stable code', async () => {
    const { writeFile } = await import('node:fs/promises');
    const { buildVideo } = await import('../../../metadata-service/fixtures/videos');
    await writeFile(
      join(dir, 'photos', 'DCIM', 'Camera', 'VID_1.mp4'),
      buildVideo({ duration: 3000, timescale: 1000 }),
    );
    const running = await startStack();
    const { items } = await slideshowAt(running, 1280, 800);
    assert.equal(items.length, 1);
    const response = await fetch(items[0]!.url);
    assert.equal(response.status, 422);
    assert.equal(((await response.json()) as { error: { code: string } }).error.code, 'VIDEO_UNREADABLE');
  });
});
