import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { chromiumPath, launchChromium } from './helpers/chromium';
import { FrameStack } from './helpers/frame-stack';
import { SCREENSHOTS } from './helpers/screenshots';

describe('device preview in chromium (/preview)', function () {
  this.timeout(60_000);
  let stack: FrameStack;
  let browser: Browser;

  before(async function () {
    const { path, reason } = chromiumPath();
    if (!path) {
      console.log(`      skipped: ${reason}`);
      this.skip();
    }
    [stack, browser] = await Promise.all([FrameStack.start(6), launchChromium(path)]);
    await mkdir(SCREENSHOTS, { recursive: true });
  });

  after(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('renders the skill’s slideshow for an Echo Show 8 on a stage of exactly 1280x800, as the APL document draws it', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, deviceScaleFactor: 1 });
    const renditions: string[] = [];
    page.on('response', (response) => {
      if (response.url().includes('/v1/display/renditions/'))
        renditions.push(response.headers()['content-type'] ?? '');
    });
    await page.goto(`${stack.url}/preview?device=${encodeURIComponent('Echo Show 8')}&q=summer`);
    await page.waitForFunction(
      () => (window as { photoPreview?: { ready?: boolean } }).photoPreview?.ready === true,
    );

    const stage = await page.$eval('#stage', (el) => {
      const box = el.getBoundingClientRect();
      const image = el.querySelector('img');
      const caption = el.querySelector<HTMLElement>('.apl-caption');
      return {
        width: box.width,
        height: box.height,
        natural: image ? [image.naturalWidth, image.naturalHeight] : null,
        imageBox: image ? [image.getBoundingClientRect().width, image.getBoundingClientRect().height] : null,
        caption: caption?.textContent ?? '',
        fontPx: caption ? getComputedStyle(caption).fontSize : '',
        paddingLeft: caption ? getComputedStyle(caption).paddingLeft : '',
      };
    });
    assert.equal(stage.width, 1280);
    assert.equal(stage.height, 800);
    assert.deepEqual(stage.natural, [1280, 800], 'the rendition the skill sends an Echo Show 8');
    assert.deepEqual(stage.imageBox, [1280, 800]);
    // Echo Show 8 reports 213 dpi: 961x601 dp, the document's medium block (24 dp text, 40 dp side inset).
    assert.equal(stage.fontPx, `${(24 * 213) / 160}px`);
    assert.equal(stage.paddingLeft, `${(40 * 213) / 160}px`);
    assert.match(stage.caption, /^July \d{1,2}, 2025 · (Santa Monica|Paris|Kyoto)/);
    // An Echo asks for JPEG; so does the preview.
    assert.ok(renditions.length > 0 && renditions.every((type) => type === 'image/jpeg'), renditions.join());

    await page.locator('#stage').screenshot({ path: join(SCREENSHOTS, 'preview-echo-show-8.png') });
    await page.close();
  });

  it('answers an unknown device with 400 and the list of devices', async () => {
    const response = await fetch(`${stack.url}/preview?device=Echo%20Show%2099`);
    assert.equal(response.status, 400);
    assert.match(await response.text(), /Echo Show 8.*Fire TV/s);
  });

  it('shows an Echo Spot round, at 480x480', async () => {
    const page = await browser.newPage({ viewport: { width: 800, height: 700 } });
    await page.goto(`${stack.url}/preview?device=Echo%20Spot`);
    await page.waitForFunction(
      () => (window as { photoPreview?: { ready?: boolean } }).photoPreview?.ready === true,
    );
    const stage = await page.$eval('#stage', (el) => ({
      box: [el.getBoundingClientRect().width, el.getBoundingClientRect().height],
      radius: getComputedStyle(el).borderRadius,
      natural: [el.querySelector('img')?.naturalWidth, el.querySelector('img')?.naturalHeight],
    }));
    assert.deepEqual(stage.box, [480, 480]);
    assert.equal(stage.radius, '50%');
    assert.deepEqual(stage.natural, [480, 480]);
    await page.close();
  });
});
