import assert from 'node:assert/strict';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { chromiumPath, launchChromium } from './helpers/chromium';
import { FrameStack } from './helpers/frame-stack';
import { SCREENSHOTS } from './helpers/screenshots';

interface FrameState {
  position: number;
  paused: boolean;
  offline: boolean;
  shown: number;
  slideshowId: string;
}

/** What is on screen right now, and whether every image on screen is a fully decoded, non-empty one. */
async function visible(page: Page): Promise<{
  index: number | null;
  layout: string | null;
  photoIds: string[];
  images: number;
  broken: number;
  naturalSize: [number, number] | null;
  caption: string;
  alt: string;
}> {
  return page.evaluate(() => {
    const slides = Array.from(document.querySelectorAll<HTMLElement>('.slide'));
    const top = slides[slides.length - 1];
    const images = Array.from(document.querySelectorAll<HTMLImageElement>('.slide img'));
    const image = top?.querySelector('img');
    return {
      index: top ? Number(top.dataset.index) : null,
      layout: top?.dataset.layout ?? null,
      photoIds: (top?.dataset.photoIds ?? '').split(',').filter(Boolean),
      images: images.length,
      broken: images.filter((img) => !img.complete || img.naturalWidth === 0).length,
      naturalSize: image ? [image.naturalWidth, image.naturalHeight] : null,
      caption: top?.querySelector('figcaption')?.textContent ?? '',
      alt: image?.alt ?? '',
    };
  });
}

function frameState(page: Page): Promise<FrameState> {
  return page.evaluate(() => {
    const state = window.photoFrame?.state?.();
    if (!state) throw new Error('the frame has not started');
    return state;
  });
}

/** Polls every 100 ms, checking on each tick that no broken image is on screen, until `done` says so. */
async function watch(page: Page, timeoutMs: number, done: () => Promise<boolean>): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const now = await visible(page);
    assert.equal(now.broken, 0, 'an image on screen is broken or not decoded');
    if (await done()) return;
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms`);
    await page.waitForTimeout(100);
  }
}

async function firstPhoto(page: Page): Promise<void> {
  await page.waitForFunction(() => (window.photoFrame?.state?.().shown ?? 0) > 0, undefined, {
    timeout: 20_000,
  });
}

/** Waits for the crossfade to finish (the first photo fades in from black). */
async function faded(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const slides = document.querySelectorAll('.slide');
    const top = slides[slides.length - 1];
    return top !== undefined && getComputedStyle(top).opacity === '1';
  });
}

/** Steps on (right arrow) until a single photo, not a pair, is on top; at most ten steps. */
async function untilSingle(page: Page): Promise<void> {
  for (let step = 0; step < 10; step++) {
    const now = await visible(page);
    if (now.layout === 'single') return;
    const before = await frameState(page);
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(
      (position) => window.photoFrame?.state?.().position !== position,
      before.position,
      { timeout: 5000 },
    );
  }
  throw new Error('no single photo within ten steps');
}

declare global {
  interface Window {
    photoFrame?: { firstPhotoMs?: number; state?: () => FrameState; error?: string };
  }
}

describe('web frame in chromium (/frame)', function () {
  this.timeout(120_000);
  let stack: FrameStack;
  let browser: Browser;
  let context: BrowserContext;

  before(async function () {
    const { path, reason } = chromiumPath();
    if (!path) {
      console.log(`      skipped: ${reason}`);
      this.skip();
    }
    [stack, browser] = await Promise.all([FrameStack.start(), launchChromium(path)]);
    context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
    await mkdir(SCREENSHOTS, { recursive: true });
  });

  after(async () => {
    await context?.close();
    await browser?.close();
    await stack?.close();
  });

  it('shows a first photo sized for the screen (WebP), captioned, with alt text; time to first photo is printed', async () => {
    const page = await context.newPage();
    const formats = new Set<string>();
    const statuses: number[] = [];
    page.on('response', (response) => {
      if (!response.url().includes('/v1/display/renditions/')) return;
      statuses.push(response.status());
      if (response.status() === 200) formats.add(response.headers()['content-type'] ?? '');
    });
    const started = Date.now();
    await page.goto(`${stack.url}/frame?interval=60&clock=1`);
    await firstPhoto(page);
    const wall = Date.now() - started;
    const firstPhotoMs = await page.evaluate(() => window.photoFrame?.firstPhotoMs);
    console.log(
      `      time to first photo: ${firstPhotoMs} ms after navigation start (${wall} ms wall, cold stack)`,
    );

    // Warm: the same screen again, renditions now cached on the server and in the frame's Cache API, whose copy
    // of a photo is shown once the display confirms it still stands (304, no bytes).
    const beforeReload = statuses.length;
    await page.reload();
    await firstPhoto(page);
    const warmMs = await page.evaluate(() => window.photoFrame?.firstPhotoMs);
    console.log(`      time to first photo (warm stack): ${warmMs} ms`);
    assert.ok(
      statuses.slice(beforeReload).includes(304),
      `after the reload: ${statuses.slice(beforeReload).join(' ')}`,
    );

    const shown = await visible(page);
    assert.deepEqual(shown.naturalSize, [1280, 800], 'the 1280x800 preset for a 1280x800 window at DPR 1');
    assert.equal(shown.broken, 0);
    assert.deepEqual([...formats], ['image/webp']);
    assert.match(
      shown.caption,
      /\b(January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, 20\d\d\b/,
    );
    assert.match(shown.caption, /Santa Monica|Paris|Kyoto/);
    assert.equal(
      shown.alt,
      `${shown.layout === 'pair' ? 'Two photos side by side' : 'Photo'}: ${shown.caption}`,
    );
    assert.match((await page.textContent('.clock:not([hidden])')) ?? '', /^\d{1,2}:\d{2}/);
    await faded(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'frame.png') });
    await page.close();
  });

  it('advances on its interval, steps on the arrow keys and pauses on space with a visible badge', async () => {
    const page = await context.newPage();
    await page.goto(`${stack.url}/frame?interval=2`);
    await firstPhoto(page);
    const start = await frameState(page);

    // On its interval: two more photos within ~5 s.
    await watch(page, 8000, async () => (await frameState(page)).shown >= start.shown + 2);

    // Arrow keys: right moves on at once, left comes back.
    const before = await frameState(page);
    await page.keyboard.press('ArrowRight');
    await watch(page, 1500, async () => (await frameState(page)).position !== before.position);
    const afterRight = await frameState(page);
    await page.keyboard.press('ArrowLeft');
    await watch(page, 1500, async () => (await frameState(page)).position === afterRight.position - 1);

    // Space pauses: the badge shows and nothing moves for longer than the interval; space again resumes.
    await page.keyboard.press('Space');
    await page.waitForSelector('.badge.paused:not([hidden])', { timeout: 5000 });
    const paused = await frameState(page);
    assert.equal(paused.paused, true);
    await page.waitForTimeout(3500);
    const stillPaused = await frameState(page);
    assert.equal(stillPaused.position, paused.position);
    assert.equal(stillPaused.shown, paused.shown);
    await page.keyboard.press('Space');
    assert.equal(await page.isVisible('.badge.paused'), false);
    await watch(page, 5000, async () => (await frameState(page)).shown > stillPaused.shown);
    await page.close();
  });

  it('pauses on a tap and steps on a swipe; the settings panel opens from the keyboard and changes the interval', async () => {
    const page = await context.newPage();
    await page.goto(`${stack.url}/frame?interval=60`);
    await firstPhoto(page);
    await page.mouse.click(640, 400);
    await page.waitForSelector('.badge.paused:not([hidden])', { timeout: 5000 });
    await page.mouse.click(640, 400);
    assert.equal((await frameState(page)).paused, false);

    const before = await frameState(page);
    await page.mouse.move(900, 400);
    await page.mouse.down();
    await page.mouse.move(500, 410, { steps: 5 });
    await page.mouse.up();
    await watch(page, 2000, async () => (await frameState(page)).position === before.position + 1);

    await page.keyboard.press('ArrowUp');
    await page.waitForSelector('form.settings:not([hidden])', { timeout: 5000 });
    await page.fill('form.settings input[name=interval]', '1');
    await page.keyboard.press('Enter');
    await page.waitForSelector('form.settings', { state: 'hidden', timeout: 5000 });
    const afterSettings = await frameState(page);
    await watch(page, 5000, async () => (await frameState(page)).shown >= afterSettings.shown + 2);
    await page.close();
  });

  it('zooms gently only when asked and motion is welcome, never on a pair', async () => {
    const page = await context.newPage();
    await page.goto(`${stack.url}/frame?interval=60&kenburns=1`);
    await firstPhoto(page);
    // The frame resumes where this screen's earlier tests left it, which may be a pair: step to a single photo.
    await untilSingle(page);
    const single = await page.$$eval('.slide', (slides) => {
      const slide = slides[slides.length - 1] as HTMLElement;
      return {
        layout: slide.dataset.layout,
        zoom: slide.classList.contains('kenburns'),
        animation: getComputedStyle(slide.querySelector('img') as Element).animationName,
      };
    });
    assert.deepEqual(single, { layout: 'single', zoom: true, animation: 'kenburns' });

    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.reload();
    await firstPhoto(page);
    await untilSingle(page);
    const reduced = await page.$$eval('.slide', (slides) => {
      const slide = slides[slides.length - 1] as HTMLElement;
      return { zoom: slide.classList.contains('kenburns'), fade: getComputedStyle(slide).transitionDuration };
    });
    assert.deepEqual(reduced, { zoom: false, fade: '0s' });
    await page.close();
  });

  it('pairs two portrait photos side by side on a landscape window (?q= free text)', async () => {
    const page = await context.newPage();
    await page.goto(`${stack.url}/frame?q=${encodeURIComponent('portraits')}&interval=60&kenburns=1`);
    await firstPhoto(page);
    const shown = await visible(page);
    assert.equal(shown.layout, 'pair');
    assert.equal(shown.photoIds.length, 2);
    assert.notEqual(shown.photoIds[0], shown.photoIds[1]);
    assert.deepEqual(shown.naturalSize, [1280, 800]);
    assert.match(shown.alt, /^Two photos side by side: /);
    assert.equal(
      await page.$eval('.slide', (slide) => slide.classList.contains('kenburns')),
      false,
      'no zoom on a pair',
    );
    await faded(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'frame-pair.png') });
    await page.close();
  });

  /** The frame at one photo a second, a few photos in: the next ten renditions are stored (fetched ahead). */
  async function playingWithStoredPhotos(page: Page): Promise<FrameState> {
    await page.goto(`${stack.url}/frame?interval=1`);
    await firstPhoto(page);
    await watch(page, 10_000, async () => (await frameState(page)).shown >= 3);
    return frameState(page);
  }

  it('keeps showing stored photos while the server is stopped for 30 s, then resumes where it left off', async () => {
    const page = await context.newPage();
    // One photo a second: the outage outlasts everything fetched ahead (two pages at most), so it goes offline.
    const beforeOutage = await playingWithStoredPhotos(page);

    let duringOutage: FrameState;
    let sawOffline = false;
    let badgeAtOutageEnd = false;
    await stack.down();
    try {
      const outageEnds = Date.now() + 30_000;
      await watch(page, 31_000, async () => {
        const now = await visible(page);
        assert.ok(now.images >= 1, 'a photo stays on screen');
        if ((await frameState(page)).offline) sawOffline = true;
        return Date.now() >= outageEnds;
      });
      duringOutage = await frameState(page);
      // Read while the server is still down: once it is back, the frame's next retry may clear the badge at once.
      badgeAtOutageEnd = await page.isVisible('.badge.offline');
    } finally {
      await stack.up();
    }
    assert.ok(
      duringOutage.shown >= beforeOutage.shown + 20,
      `photos kept changing while offline (${duringOutage.shown - beforeOutage.shown} shown in 30 s)`,
    );
    assert.ok(sawOffline, 'the offline badge was shown');
    assert.equal(badgeAtOutageEnd, true, 'the offline badge is still up at the end of the outage');

    const positions: number[] = [];
    await watch(page, 20_000, async () => {
      const state = await frameState(page);
      if (state.position !== duringOutage.position && !positions.includes(state.position)) {
        positions.push(state.position);
      }
      return !state.offline && positions.length >= 2;
    });
    const resumed = await frameState(page);
    assert.equal(resumed.slideshowId, beforeOutage.slideshowId);
    assert.equal(positions[0], duringOutage.position + 1, 'the next photo after the last one it reached');
    assert.equal(await page.isVisible('.badge.offline'), false);
    await page.close();
  });

  it('keeps showing stored photos when rendition requests hang unanswered (a network that drops packets)', async () => {
    const page = await context.newPage();
    const before = await playingWithStoredPhotos(page);
    // Every rendition request from now on is left without an answer: no refusal, no error, just silence.
    await page.route('**/v1/display/renditions/**', () => undefined);
    try {
      await page.waitForTimeout(20_000);
      const after = await frameState(page);
      // A stored photo waits at most the confirmation's 3 s before it is shown offline (not the 20 s fetch timeout).
      assert.ok(
        after.shown >= before.shown + 3,
        `photos kept changing while requests hung (${after.shown - before.shown} shown in 20 s)`,
      );
      assert.equal(after.offline, true);
      assert.equal((await visible(page)).broken, 0);
    } finally {
      await page.unrouteAll({ behavior: 'ignoreErrors' });
    }
    await page.close();
  });

  it('answers free text that finds nothing in words (as npm run search says it): no photo, no raw code', async () => {
    const page = await context.newPage();
    await page.goto(`${stack.url}/frame?q=${encodeURIComponent('blorf')}`);
    await page.waitForFunction(() => window.photoFrame?.error === 'NO_MATCHING_PHOTOS', undefined, {
      timeout: 20_000,
    });
    const said = await page.evaluate(() => document.body.innerText);
    assert.match(said, /I don't know “blorf”, so no photos match\./);
    assert.doesNotMatch(said, /NO_MATCHING_PHOTOS/);
    assert.equal((await visible(page)).images, 0);
    await page.close();
  });

  it('skips a photo whose rendition fails (its original is gone) and never shows it broken', async () => {
    // A screen size nothing has rendered yet, so no cached rendition of the missing photo exists.
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 1 });
    await rm(join(stack.photosDir, 'Summer', 'summer-02.jpg'));
    await page.goto(`${stack.url}/frame?q=summer&interval=1`);
    await firstPhoto(page);
    const positions: number[] = [];
    await watch(page, 10_000, async () => {
      const { position } = await frameState(page);
      if (positions[positions.length - 1] !== position) positions.push(position);
      return position >= 3;
    });
    assert.deepEqual(positions.slice(0, 3), [0, 2, 3], 'the second photo (index 1) is skipped');
    assert.deepEqual((await visible(page)).naturalSize, [1920, 1080]);
    await page.close();
  });
});
