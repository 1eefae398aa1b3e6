import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { localStackConfigFromEnv, startLocalStack, type LocalStack } from '../../../server/local-stack';
import { stillJpeg, writeMotionVideo } from '../../metadata-service/ingest/live-photos/live-photo-fixtures';
import { chromiumPath, launchChromium } from './helpers/chromium';

/** The frame's test hook (frame-main.ts), typed here as far as this test reads it. */
type FrameWindow = Window & { photoFrame?: { state?: () => { position: number; shown: number } } };

describe('web frame in chromium: a live photo moves briefly, then rests on its still (issue 15)', function () {
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
    dir = await mkdtemp(join(tmpdir(), 'photoframe-frame-live-'));
    const beach = join(dir, 'photos', 'Beach');
    await mkdir(beach, { recursive: true });
    await writeFile(join(beach, 'IMG_0001.JPG'), await stillJpeg(320, 240));
    await writeMotionVideo(join(beach, 'IMG_0001.MOV'));
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

  it('plays the motion once, muted, over the still, hides it when it ends and does not move on early', async () => {
    if (!stack || !browser) throw new Error('not started');
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${stack.url}/frame?q=${encodeURIComponent('beach')}&interval=60`);
    await page.waitForFunction(
      () => ((window as FrameWindow).photoFrame?.state?.().shown ?? 0) > 0,
      undefined,
      {
        timeout: 30_000,
      },
    );
    const first = await page.evaluate(() => (window as FrameWindow).photoFrame?.state?.().position ?? -1);
    await page.waitForFunction(
      () => document.querySelector('.slide:last-child video.motion')?.classList.contains('rested') === true,
      undefined,
      { timeout: 30_000 },
    );
    const rested = await page.evaluate(() => {
      const video = document.querySelector<HTMLVideoElement>('.slide:last-child video.motion');
      return {
        muted: video?.muted,
        loop: video?.loop,
        ended: video?.ended,
        played: (video?.played.length ?? 0) > 0,
        visible: video === null || video === undefined ? null : getComputedStyle(video).opacity,
        still: document.querySelector<HTMLImageElement>('.slide:last-child img')?.naturalWidth ?? 0,
        clips: document.querySelectorAll('.slide video.clip').length,
      };
    });
    assert.deepEqual(
      {
        muted: rested.muted,
        loop: rested.loop,
        ended: rested.ended,
        played: rested.played,
        clips: rested.clips,
      },
      { muted: true, loop: false, ended: true, played: true, clips: 0 },
    );
    assert.ok(rested.still > 0, 'the still is decoded beneath it');
    // The page rests on the still: the motion's end did not page (a 60 s interval holds it).
    await page.waitForTimeout(1500);
    const after = await page.evaluate(() => ({
      position: (window as FrameWindow).photoFrame?.state?.().position ?? -1,
      opacity: getComputedStyle(document.querySelector('.slide:last-child video.motion') as Element).opacity,
    }));
    assert.equal(after.position, first);
    assert.equal(after.opacity, '0');
    await context.close();
  });
});
