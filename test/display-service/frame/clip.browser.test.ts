import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { localStackConfigFromEnv, startLocalStack, type LocalStack } from '../../../server/local-stack';
import { writeClip } from '../renditions/video/clip-fixtures';
import { chromiumPath, launchChromium } from './helpers/chromium';

/** The frame's test hook (frame-main.ts), typed here as far as this test reads it. */
type FrameWindow = Window & { photoFrame?: { state?: () => { position: number; shown: number } } };

describe('web frame in chromium plays clips (issue 15, acceptance 1)', function () {
  this.timeout(120_000);
  let dir: string;
  let stack: LocalStack | undefined;
  let browser: Browser | undefined;

  before(async function () {
    const { path, reason } = chromiumPath();
    if (!path) {
      console.log(`      skipped: ${reason}`);
      this.skip();
    }
    dir = await mkdtemp(join(tmpdir(), 'photoframe-frame-clips-'));
    const camera = join(dir, 'photos', 'DCIM', 'Camera');
    await mkdir(camera, { recursive: true });
    await writeClip(join(camera, 'VID_20250705_143000.mp4'), {
      width: 640,
      height: 360,
      seconds: 2,
      createdUtc: '2025-07-05T21:30:00Z',
    });
    await writeClip(join(camera, 'VID_20250706_143000.mp4'), {
      width: 640,
      height: 360,
      seconds: 2,
      createdUtc: '2025-07-06T21:30:00Z',
    });
    [stack, browser] = await Promise.all([
      startLocalStack({
        ...localStackConfigFromEnv({}),
        port: 0,
        dataDir: join(dir, 'data'),
        photosDir: join(dir, 'photos'),
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
    if (dir) await rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  });

  it('plays a clip muted with <video autoplay playsinline> over its poster and moves on when it ends, not on the interval', async () => {
    if (!stack || !browser) throw new Error('not started');
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const clipResponses: number[] = [];
    page.on('response', (response) => {
      if (response.url().includes('/v1/display/clips/')) clipResponses.push(response.status());
    });
    // A one-minute interval: only the clip's end can move the frame on within seconds.
    await page.goto(`${stack.url}/frame?q=${encodeURIComponent('videos')}&interval=60`);
    await page.waitForFunction(
      () => ((window as FrameWindow).photoFrame?.state?.().shown ?? 0) > 0,
      undefined,
      {
        timeout: 30_000,
      },
    );
    const first = await page.evaluate(() => (window as FrameWindow).photoFrame?.state?.().position ?? -1);
    await page.waitForFunction(
      () => {
        const video = document.querySelector<HTMLVideoElement>('.slide:last-child video.clip');
        return video !== null && video.currentTime > 0.3 && video.classList.contains('playing');
      },
      undefined,
      { timeout: 30_000 },
    );
    const played = await page.evaluate(() => {
      const video = document.querySelector<HTMLVideoElement>('.slide:last-child video.clip');
      return {
        muted: video?.muted,
        autoplay: video?.autoplay,
        playsInline: video?.hasAttribute('playsinline'),
        width: video?.videoWidth,
        poster: document.querySelector<HTMLImageElement>('.slide:last-child img')?.naturalWidth ?? 0,
      };
    });
    assert.deepEqual(
      { muted: played.muted, autoplay: played.autoplay, playsInline: played.playsInline },
      { muted: true, autoplay: true, playsInline: true },
    );
    assert.equal(played.width, 640, 'the clip plays at its own size (never enlarged)');
    assert.ok(played.poster > 0, 'the poster still is decoded beneath it');
    const endedBy = Date.now();
    await page.waitForFunction(
      (was) => ((window as FrameWindow).photoFrame?.state?.().position ?? was) !== was,
      first,
      {
        timeout: 15_000,
      },
    );
    assert.ok(Date.now() - endedBy < 15_000, 'moved on at the clip end, long before the 60 s interval');
    assert.ok(
      clipResponses.some((status) => status === 200 || status === 206),
      JSON.stringify(clipResponses),
    );
    await context.close();
  });
});
