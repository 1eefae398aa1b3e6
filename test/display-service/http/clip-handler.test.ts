import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createClipUrlSigner, type ClipTarget } from '../../../display-service/renditions/video/clip-url';
import { containerTags, writeClip } from '../renditions/video/clip-fixtures';
import { startDisplay, TEST_SIGNING_KEY, type RunningDisplay } from '../helpers/display-harness';
import { probeVideo } from '../../../display-service/renditions/video/probe-video';
import { mediaToolsFromEnv } from '../../../display-service/renditions/video/media-tools';
import { DEFAULT_VIDEO_LIMITS } from '../../../display-service/renditions/video/video-limits';

describe('display-service/http/clip-handler: signed clip renditions with HTTP Range', function () {
  this.timeout(60_000);
  let dir: string;
  let running: RunningDisplay;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'photoframe-clip-handler-'));
  });
  afterEach(async () => {
    await running.close();
    await rm(dir, { recursive: true, force: true });
  });

  async function withClip(id: string, file: string, width: number, height: number): Promise<void> {
    running = await startDisplay(dir);
    running.library.add(
      'owner-1',
      {
        id,
        takenLocal: '2025-07-05T14:30:00',
        width,
        height,
        orientation: 1,
        source: { path: 'VID.mp4', uri: pathToFileURL(file).href, contentHash: `hash-${id}`, bytes: 1 },
      },
      [],
      { mediaKind: 'video' },
    );
  }

  const clipUrl = (target: ClipTarget, now = Date.now) =>
    createClipUrlSigner({
      publicBaseUrl: running.publicBaseUrl,
      signingKeys: [TEST_SIGNING_KEY],
      ttlSeconds: 3600,
      now,
    }).sign(target);

  it('answers a Range request with 206 video/mp4 at most the device size, trimmed to the cap, with no GPS', async () => {
    const original = join(dir, 'VID_1.mp4');
    await writeClip(original, { width: 1280, height: 720, seconds: 3, iso6709: '+48.8584+002.2945/' });
    assert.match(
      JSON.stringify(await containerTags(original)),
      /48\.8584/,
      'the fixture does carry a position',
    );
    await withClip('p_clip1', original, 1280, 720);
    const url = clipUrl({ ownerId: 'owner-1', photoId: 'p_clip1', width: 960, height: 480 });

    const ranged = await fetch(url, { headers: { range: 'bytes=0-99' } });
    assert.equal(ranged.status, 206, await ranged.clone().text());
    assert.equal(ranged.headers.get('content-type'), 'video/mp4');
    assert.equal(ranged.headers.get('accept-ranges'), 'bytes');
    assert.match(ranged.headers.get('content-range') ?? '', /^bytes 0-99\/\d+$/);
    assert.equal((await ranged.arrayBuffer()).byteLength, 100);

    const whole = await fetch(url);
    assert.equal(whole.status, 200);
    const rendition = join(dir, 'rendition.mp4');
    await writeFile(rendition, Buffer.from(await whole.arrayBuffer()));
    const probed = await probeVideo(rendition, mediaToolsFromEnv(), DEFAULT_VIDEO_LIMITS);
    // An Echo Show 5 box (960x480): a 16:9 clip fits at 854x480, aspect kept.
    assert.deepEqual([probed.width, probed.height], [854, 480]);
    assert.ok(probed.hasAudio);
    const tags = JSON.stringify(await containerTags(rendition));
    assert.doesNotMatch(tags, /48\.8584|ISO6709|location/i, tags);

    const size = Number((ranged.headers.get('content-range') ?? '').split('/')[1]);
    const beyond = await fetch(url, { headers: { range: `bytes=${size + 10}-${size + 20}` } });
    assert.equal(beyond.status, 416);
    assert.equal(beyond.headers.get('content-range'), `bytes */${size}`);
    assert.equal(((await beyond.json()) as { error: { code: string } }).error.code, 'RANGE_NOT_SATISFIABLE');
  });

  it('trims a clip longer than the cap and refuses tampered, expired and non-video URLs', async () => {
    const original = join(dir, 'VID_2.mp4');
    await writeClip(original, { width: 320, height: 240, seconds: 4 });
    running = await startDisplay(dir, { videoLimits: { clipCapMs: 1500 } });
    running.library.add(
      'owner-1',
      {
        id: 'p_clip2',
        takenLocal: null,
        width: 320,
        height: 240,
        orientation: 1,
        source: { path: 'VID_2.mp4', uri: pathToFileURL(original).href, contentHash: 'hash-2', bytes: 1 },
      },
      [],
      { mediaKind: 'video' },
    );
    const url = clipUrl({ ownerId: 'owner-1', photoId: 'p_clip2', width: 1280, height: 800 });
    const response = await fetch(url);
    assert.equal(response.status, 200);
    const rendition = join(dir, 'trimmed.mp4');
    await writeFile(rendition, Buffer.from(await response.arrayBuffer()));
    const probed = await probeVideo(rendition, mediaToolsFromEnv(), DEFAULT_VIDEO_LIMITS);
    assert.ok(probed.durationMs >= 1400 && probed.durationMs <= 1700, `${probed.durationMs} ms`);
    // Never enlarged: a 320x240 clip stays 320x240 on a 1280x800 screen.
    assert.deepEqual([probed.width, probed.height], [320, 240]);

    running.library.add('owner-1', {
      id: 'p_still',
      takenLocal: null,
      width: 320,
      height: 240,
      orientation: 1,
      source: { path: 'a.jpg', uri: pathToFileURL(join(dir, 'a.jpg')).href, contentHash: 'hash-a', bytes: 1 },
    });
    const still = await fetch(clipUrl({ ownerId: 'owner-1', photoId: 'p_still', width: 1280, height: 800 }));
    assert.equal(still.status, 404);
    assert.equal(((await still.json()) as { error: { code: string } }).error.code, 'CLIP_NOT_FOUND');
    const tampered = url.replace('1280x800', '1920x1080');
    assert.equal((await fetch(tampered)).status, 403);
    const expired = clipUrl({ ownerId: 'owner-1', photoId: 'p_clip2', width: 1280, height: 800 }, () => 0);
    assert.equal((await fetch(expired)).status, 410);
  });
});
