import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { chromiumPath, launchChromium } from './helpers/chromium';
import { FrameStack } from './helpers/frame-stack';
import { SCREENSHOTS } from './helpers/screenshots';

/** Issue 15, acceptance 2: the screens that were letterboxed, with the rendition size each must get. */
const SCREENS = [
  { name: 'ipad-4x3', width: 1024, height: 768, dpr: 2, rendition: [2048, 1536] },
  { name: 'phone-19.5x9', width: 390, height: 844, dpr: 3, rendition: [1184, 2560] },
  { name: 'fire-7', width: 1024, height: 600, dpr: 1, rendition: [1024, 600] },
  { name: 'portrait-tablet', width: 800, height: 1280, dpr: 2, rendition: [1600, 2560] },
] as const;

const RENDITION_PATH = /\/v1\/display\/renditions\/([^/?]+)\/(\d+)x(\d+)\?/;

interface Shown {
  photoIds: string[];
  naturalSize: [number, number];
}

async function shownPhoto(page: Page): Promise<Shown> {
  await page.waitForFunction(
    () => {
      const slides = document.querySelectorAll<HTMLElement>('.slide');
      const top = slides[slides.length - 1];
      const image = top?.querySelector('img');
      return top !== undefined && image?.complete === true && getComputedStyle(top).opacity === '1';
    },
    undefined,
    { timeout: 30_000 },
  );
  return page.evaluate(() => {
    const slides = document.querySelectorAll<HTMLElement>('.slide');
    const top = slides[slides.length - 1] as HTMLElement;
    const image = top.querySelector('img') as HTMLImageElement;
    return {
      photoIds: (top.dataset.photoIds ?? '').split(',').filter(Boolean),
      naturalSize: [image.naturalWidth, image.naturalHeight] as [number, number],
    };
  });
}

/**
 * Rows and columns at the screenshot's edges that are one uniform black (every pixel darker than 16 of 255): the
 * bars a letterboxed picture leaves. Counted inwards from each edge until a row or column that is not.
 */
async function blackBands(
  png: Buffer,
): Promise<{ top: number; bottom: number; left: number; right: number }> {
  const { data, info } = await sharp(png).greyscale().raw().toBuffer({ resolveWithObject: true });
  const { width, height } = info;
  const dark = (x: number, y: number) => (data[y * width + x] ?? 255) < 16;
  const rowBlack = (y: number) => Array.from({ length: width }, (_, x) => x).every((x) => dark(x, y));
  const columnBlack = (x: number) => Array.from({ length: height }, (_, y) => y).every((y) => dark(x, y));
  const count = (black: (at: number) => boolean, from: number, step: number, limit: number) => {
    let n = 0;
    while (n < limit && black(from + n * step)) n++;
    return n;
  };
  return {
    top: count(rowBlack, 0, 1, height),
    bottom: count(rowBlack, height - 1, -1, height),
    left: count(columnBlack, 0, 1, width),
    right: count(columnBlack, width - 1, -1, width),
  };
}

/** Mean absolute difference per channel value between two images, the second resized to the first's size. */
async function difference(image: Buffer, reference: Buffer): Promise<number> {
  const a = await sharp(image).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const b = await sharp(reference).removeAlpha().raw().toBuffer();
  assert.equal(a.data.length, b.length);
  let total = 0;
  for (let i = 0; i < b.length; i++) total += Math.abs((a.data[i] ?? 0) - (b[i] ?? 0));
  return total / b.length;
}

describe('web frame fills every screen (issue 15, acceptance 2)', function () {
  this.timeout(180_000);
  let stack: FrameStack;
  let browser: Browser;
  let ownerToken: string;

  before(async function () {
    const { path, reason } = chromiumPath();
    if (!path) {
      console.log(`      skipped: ${reason}`);
      this.skip();
    }
    // Four 16:10 landscapes and the two portraits (900x1400) are enough for every screen.
    [stack, browser] = await Promise.all([FrameStack.start(4), launchChromium(path)]);
    const secrets = JSON.parse(await readFile(join(stack.dataDir, 'local-secrets.json'), 'utf8')) as {
      ownerToken: string;
    };
    ownerToken = secrets.ownerToken;
  });

  after(async () => {
    await browser?.close();
    await stack?.close();
  });

  /** The original of a photo, by asking the library where it is (as the display does). */
  async function originalOf(photoId: string): Promise<string> {
    const response = await fetch(`${stack.url}/v1/library/photos/${encodeURIComponent(photoId)}`, {
      headers: { authorization: `Bearer ${ownerToken}` },
    });
    assert.equal(response.status, 200);
    const facts = (await response.json()) as { source: { uri: string } };
    return fileURLToPath(facts.source.uri);
  }

  for (const screen of SCREENS) {
    it(`${screen.width}x${screen.height} at DPR ${screen.dpr}: a ${screen.rendition.join('x')} picture covering the screen, no black bars`, async () => {
      const context = await browser.newContext({
        viewport: { width: screen.width, height: screen.height },
        deviceScaleFactor: screen.dpr,
      });
      try {
        const page = await context.newPage();
        const sizes = new Set<string>();
        page.on('response', (response) => {
          const match = RENDITION_PATH.exec(response.url());
          if (match) sizes.add(`${match[2]}x${match[3]}`);
        });
        await page.goto(`${stack.url}/frame?interval=60&captions=0`);
        const shown = await shownPhoto(page);
        const wanted = screen.rendition.join('x');
        assert.deepEqual([...sizes], [wanted], 'every rendition was fetched at the screen size');
        assert.deepEqual(shown.naturalSize, [...screen.rendition]);
        const screenAspect = screen.width / screen.height;
        const renditionAspect = screen.rendition[0] / screen.rendition[1];
        assert.ok(Math.abs(Math.log(renditionAspect / screenAspect)) < 0.005, 'the screen aspect ratio');

        const screenshot = await page.screenshot({
          path: join(SCREENSHOTS, `screen-fill-${screen.name}.png`),
        });
        const meta = await sharp(screenshot).metadata();
        assert.deepEqual([meta.width, meta.height], [screen.width * screen.dpr, screen.height * screen.dpr]);
        assert.deepEqual(await blackBands(screenshot), { top: 0, bottom: 0, left: 0, right: 0 });
      } finally {
        await context.close();
      }
    });
  }

  it('crops a photo within 10 % of the screen shape (16:10 on a 1024x600 screen) instead of blurring around it', async () => {
    const context = await browser.newContext({
      viewport: { width: 1024, height: 600 },
      deviceScaleFactor: 1,
    });
    try {
      const page = await context.newPage();
      const urls = new Map<string, string>();
      page.on('request', (request) => {
        const match = RENDITION_PATH.exec(request.url());
        if (match?.[1]) urls.set(decodeURIComponent(match[1]), request.url());
      });
      await page.goto(`${stack.url}/frame?interval=60&captions=0`);
      // Step past the portraits, paired or alone (a 0.64 photo on a 1.71 screen keeps its blurred fill), to a
      // landscape photo shown on its own.
      const landscapeAlone = async (photoIds: readonly string[]): Promise<boolean> => {
        if (photoIds.length !== 1 || photoIds[0] === undefined) return false;
        const { width = 0, height = 1 } = await sharp(await originalOf(photoIds[0])).metadata();
        return width / height > 1.4;
      };
      let shown = await shownPhoto(page);
      for (let step = 0; step < 12 && !(await landscapeAlone(shown.photoIds)); step++) {
        await page.keyboard.press('ArrowRight');
        await page.waitForTimeout(1500);
        shown = await shownPhoto(page);
      }
      const [photoId] = shown.photoIds;
      assert.ok(photoId !== undefined && shown.photoIds.length === 1);
      const original = await originalOf(photoId);
      const { width, height } = await sharp(original).metadata();
      assert.ok(
        width && height && width / height > 1.4,
        `a landscape photo on screen, got ${width}x${height}`,
      );
      const url = urls.get(photoId);
      assert.ok(url, 'the rendition on screen was fetched by the page');
      // The signed URL is its own credential; the same bytes the page got (WebP, as it asks).
      const response = await fetch(url, { headers: { accept: 'image/webp,image/*' } });
      assert.equal(response.status, 200);
      const rendition = Buffer.from(await response.arrayBuffer());
      // Cropped: the photo scaled to cover the screen, centred (it loses only a few percent: layout.ts's
      // cropsLittle). Blurred: the photo whole (960x600) between darkened bands.
      const cropped = await sharp(original)
        .resize(1024, 600, { fit: 'cover', position: 'centre' })
        .png()
        .toBuffer();
      const contained = await sharp(original)
        .resize(1024, 600, { fit: 'contain', background: '#000000' })
        .png()
        .toBuffer();
      const fromCrop = await difference(rendition, cropped);
      const fromContain = await difference(rendition, contained);
      assert.ok(fromCrop < 6, `the rendition is the crop (mean difference ${fromCrop.toFixed(2)})`);
      assert.ok(fromContain > 2 * fromCrop, `not the whole photo on a fill (${fromContain.toFixed(2)})`);
    } finally {
      await context.close();
    }
  });
});
