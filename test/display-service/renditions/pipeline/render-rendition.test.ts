import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import sharp from 'sharp';
import { isAppError } from '../../../../common/errors';
import type { Composition } from '../../../../display-service/renditions/composition';
import {
  DEFAULT_RENDITION_LIMITS,
  type RenditionLimits,
} from '../../../../display-service/renditions/limits';
import { LocalFileOriginalStore } from '../../../../display-service/renditions/local-file-original-store';
import { SchemeRoutingOriginalStore } from '../../../../display-service/renditions/original-store';
import {
  DEFAULT_FORMAT_SETTINGS,
  OUTPUT_FORMATS,
  type OutputFormat,
} from '../../../../display-service/renditions/output-formats';
import type { RenditionJob } from '../../../../display-service/renditions/pipeline/context';
import { MAX_OUTPUT_BYTES } from '../../../../display-service/renditions/pipeline/encode';
import { renderRendition } from '../../../../display-service/renditions/pipeline/render-rendition';
import { RenderLimiter } from '../../../../display-service/renditions/render-limiter';
import { RenditionDeadline } from '../../../../display-service/renditions/rendition-deadline';
import { RENDITION_PRESETS, type ViewportShape } from '../../../../display-service/renditions/presets';
import { StalledOriginalStore } from '../../helpers/counting-original-store';
import {
  BLUE,
  QUADRANTS,
  RED,
  isNear,
  makeTempDir,
  pixelAt,
  writeDeclaredHugePng,
  writePlainJpeg,
  writeOrientedQuadrantsJpeg,
  writeSidewaysRedOverBlueJpeg,
} from '../../helpers/image-fixtures';

const GREEN_PLAIN = { r: 30, g: 140, b: 60 };

describe('renditions/pipeline/render-rendition', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ dir, cleanup } = await makeTempDir()));
  afterEach(() => cleanup());

  // Every preset renders the same two originals and only reads them: written once for the whole suite.
  const shared = { landscape: '', portrait: '', cleanup: async () => {} };
  before(async () => {
    const temp = await makeTempDir();
    shared.cleanup = temp.cleanup;
    shared.landscape = join(temp.dir, 'landscape.jpg');
    shared.portrait = join(temp.dir, 'portrait.jpg');
    await writePlainJpeg(shared.landscape, 4000, 3000);
    await writePlainJpeg(shared.portrait, 2000, 3000);
  });
  after(() => shared.cleanup());

  const originals = new SchemeRoutingOriginalStore({ 'file:': new LocalFileOriginalStore() });
  const render = (job: RenditionJob, limits: Partial<RenditionLimits> = {}) =>
    renderRendition(job, {
      originals,
      limits: { ...DEFAULT_RENDITION_LIMITS, ...limits },
      formats: DEFAULT_FORMAT_SETTINGS,
    });
  const jobFor = (
    files: string | string[],
    width: number,
    height: number,
    options: { shape?: ViewportShape; composition?: Composition; format?: OutputFormat } = {},
  ): RenditionJob => ({
    sourceUris: (Array.isArray(files) ? files : [files]).map((file) => pathToFileURL(file).href),
    width,
    height,
    shape: options.shape ?? 'RECTANGLE',
    composition: options.composition ?? 'contain',
    format: options.format ?? 'jpeg',
  });

  async function codeOf(promise: Promise<unknown>): Promise<string> {
    try {
      await promise;
    } catch (error) {
      assert.ok(isAppError(error), `expected an AppError, got ${String(error)}`);
      return `${error.status} ${error.code}`;
    }
    return 'no error';
  }

  async function assertNoMetadata(image: Buffer, format: string): Promise<void> {
    const meta = await sharp(image).metadata();
    assert.equal(meta.format, format === 'avif' ? 'heif' : format);
    assert.equal(meta.exif, undefined, `${format}: no EXIF (and so no GPS)`);
    assert.equal(meta.xmp, undefined, `${format}: no XMP`);
    assert.equal(meta.iptc, undefined, `${format}: no IPTC`);
    assert.equal(meta.icc, undefined, `${format}: no ICC profile (sRGB is implied)`);
    assert.equal(meta.orientation, undefined, `${format}: orientation baked in, no tag`);
    assert.ok(image.length < MAX_OUTPUT_BYTES);
  }

  for (const preset of RENDITION_PRESETS) {
    const compositions: Composition[] =
      preset.width > preset.height ? ['contain', 'cover', 'pair'] : ['contain', 'cover'];
    for (const composition of compositions) {
      it(`renders ${preset.width}x${preset.height} ${preset.shape} ${composition} at exactly that size`, async () => {
        const { landscape, portrait } = shared;
        const files = composition === 'pair' ? [portrait, landscape] : landscape;
        const image = await render(
          jobFor(files, preset.width, preset.height, { shape: preset.shape, composition }),
        );
        const meta = await sharp(image).metadata();
        assert.deepEqual([meta.format, meta.width, meta.height], ['jpeg', preset.width, preset.height]);
        assert.equal(meta.space, 'srgb');
        assert.equal(
          meta.isProgressive,
          false,
          'baseline: progressive scans cost twice the encode for the same pixels',
        );
      });
    }
  }

  for (const format of OUTPUT_FORMATS) {
    it(`strips every metadata field (EXIF, GPS, XMP, IPTC, ICC) from ${format} output`, async () => {
      const file = join(dir, 'sideways.jpg');
      await writeSidewaysRedOverBlueJpeg(file);
      await assertNoMetadata(await render(jobFor(file, 960, 480, { format })), format);
    });
  }

  for (let orientation = 1; orientation <= 8; orientation++) {
    it(`bakes EXIF orientation ${orientation} in: the quadrants come out upright`, async () => {
      const file = join(dir, `o${orientation}.jpg`);
      await writeOrientedQuadrantsJpeg(file, orientation, 1200, 800);
      const image = await render(jobFor(file, 1280, 800));
      // Upright the photo is 1200x800, centred at x 40..1240; sample the middle of each quadrant.
      const samples = [
        [340, 200],
        [940, 200],
        [340, 600],
        [940, 600],
      ] as const;
      for (const [index, [x, y]] of samples.entries()) {
        const actual = await pixelAt(image, x, y);
        assert.ok(isNear(actual, QUADRANTS[index]!), `(${x},${y}) is ${JSON.stringify(actual)}`);
      }
    });
  }

  it('contains the photo on a dark blur of itself, upright', async () => {
    const file = join(dir, 'sideways.jpg');
    await writeSidewaysRedOverBlueJpeg(file, 1600, 1200);
    const image = await render(jobFor(file, 1280, 800));
    // Upright the photo is 1200x1600, fitted to 600x800, centred at x 340..940.
    for (const x of [600, 680]) {
      assert.ok(isNear(await pixelAt(image, x, 100), RED), `(${x},100) should be red`);
      assert.ok(isNear(await pixelAt(image, x, 700), BLUE), `(${x},700) should be blue`);
    }
    const background = await pixelAt(image, 20, 100);
    assert.ok(background.r > background.b && background.r > background.g, JSON.stringify(background));
    assert.ok(background.r > 40 && background.r < 200, `darkened: ${JSON.stringify(background)}`);
  });

  it('enlarges a small original up to 2x (sharpened) on the screen-filling blurred background', async () => {
    const file = join(dir, 'small.jpg');
    await writeSidewaysRedOverBlueJpeg(file, 400, 300); // upright 300x400
    const image = await render(jobFor(file, 1920, 1080));
    const meta = await sharp(image).metadata();
    assert.deepEqual([meta.width, meta.height], [1920, 1080]);
    // 2x (not the 2.7x that would fill the height): 600x800 at x 660..1260, y 140..940.
    assert.ok(isNear(await pixelAt(image, 960, 160), RED), 'top of the photo');
    assert.ok(isNear(await pixelAt(image, 960, 920), BLUE), 'bottom of the photo');
    assert.ok(isNear(await pixelAt(image, 670, 800), BLUE), 'left edge of the photo');
    const above = await pixelAt(image, 960, 100);
    const beside = await pixelAt(image, 620, 540);
    for (const pixel of [above, beside]) {
      assert.ok(!isNear(pixel, RED) && !isNear(pixel, BLUE), `background, dimmed: ${JSON.stringify(pixel)}`);
    }
  });

  it('crops a photo whose shape is within 10 % of the screen instead of blurring around it', async () => {
    const near = join(dir, 'three-by-two.jpg');
    const far = join(dir, 'four-by-three.jpg');
    await writePlainJpeg(near, 1500, 1000); // 1.5 on a 1.6 screen: 6.7 % apart
    await writePlainJpeg(far, 1200, 900); // 1.33 on a 1.6 screen: 20 % apart
    const cropped = await render(jobFor(near, 1280, 800));
    for (const [x, y] of [
      [2, 2],
      [1277, 2],
      [2, 797],
      [1277, 797],
    ] as const) {
      assert.ok(isNear(await pixelAt(cropped, x, y), GREEN_PLAIN), `(${x},${y}) is photo, not fill`);
    }
    const filled = await render(jobFor(far, 1280, 800));
    assert.ok((await pixelAt(filled, 20, 400)).g < 120, 'a far shape keeps its darkened fill');
    assert.ok(isNear(await pixelAt(filled, 640, 400), GREEN_PLAIN), 'and the whole photo in the middle');
  });

  it('keeps the whole photo inside the circle on a round screen', async () => {
    const file = join(dir, 'wide.jpg');
    await writePlainJpeg(file, 1200, 400);
    const image = await render(jobFor(file, 480, 480, { shape: 'ROUND' }));
    // Aspect 3:1 inscribed in a 480 circle: 455x151, so the photo spans x 12..467 and y 164..315.
    assert.ok(isNear(await pixelAt(image, 240, 240), GREEN_PLAIN), 'centre is the photo');
    assert.ok(isNear(await pixelAt(image, 20, 240), GREEN_PLAIN), 'left end of the photo, inside the circle');
    const corner = await pixelAt(image, 28, 170);
    const radius = Math.hypot(28 - 240, 170 - 240);
    assert.ok(
      radius < 240 && isNear(corner, GREEN_PLAIN),
      `photo corner at r=${radius.toFixed(0)} is visible`,
    );
    const edge = await pixelAt(image, 3, 240);
    assert.ok(
      !isNear(edge, GREEN_PLAIN) || edge.g < 120,
      `outside the inscribed box: ${JSON.stringify(edge)}`,
    );
    const above = await pixelAt(image, 240, 100);
    assert.ok(above.g < 120, `above the photo is the darkened background: ${JSON.stringify(above)}`);
  });

  it('covers the screen edge to edge, cropping the photo', async () => {
    const file = join(dir, 'sideways.jpg');
    await writeSidewaysRedOverBlueJpeg(file, 3200, 2400); // upright 2400x3200, red over blue
    const image = await render(jobFor(file, 1280, 800, { composition: 'cover' }));
    // Scaled to 1280 wide the photo is 1707 tall; whatever the crop, the corners are photo, not blur.
    for (const [x, y] of [
      [5, 5],
      [1275, 5],
      [5, 795],
      [1275, 795],
    ] as const) {
      const pixel = await pixelAt(image, x, y);
      assert.ok(isNear(pixel, RED) || isNear(pixel, BLUE), `(${x},${y}) is photo: ${JSON.stringify(pixel)}`);
    }
  });

  it('covers a small original enlarged up to 2x, and beyond that crops the screen shape at 2x on the fill', async () => {
    const twice = join(dir, 'half-size.jpg');
    await writePlainJpeg(twice, 640, 640); // 2x covers 1280x800
    const filled = await render(jobFor(twice, 1280, 800, { composition: 'cover' }));
    for (const [x, y] of [
      [2, 2],
      [1277, 797],
    ] as const) {
      assert.ok(isNear(await pixelAt(filled, x, y), GREEN_PLAIN), `(${x},${y}) is photo`);
    }
    const tiny = join(dir, 'tiny.jpg');
    await writePlainJpeg(tiny, 320, 320);
    const image = await render(jobFor(tiny, 1280, 800, { composition: 'cover' }));
    // A 1280x800-shaped crop of a 320x320 original at 2x is 640x400, centred at x 320..960, y 200..600.
    assert.ok(isNear(await pixelAt(image, 330, 210), GREEN_PLAIN), 'inside the crop');
    assert.ok(isNear(await pixelAt(image, 950, 590), GREEN_PLAIN), 'inside the crop');
    const outside = await pixelAt(image, 640, 150);
    assert.ok(outside.g < 120, `above the crop is the darkened background: ${JSON.stringify(outside)}`);
  });

  it('centres a crop that cuts off only a few percent, and lets attention place a real one', async () => {
    // 3:2 on 16:10: scaled to 1280 wide the photo is 853 tall, 53 rows too many. A saturated red strip along its
    // top edge is what the attention strategy goes for.
    const file = join(dir, 'red-top-edge.jpg');
    await sharp({ create: { width: 3000, height: 2000, channels: 3, background: { r: 40, g: 60, b: 90 } } })
      .composite([
        {
          input: { create: { width: 3000, height: 120, channels: 3, background: { r: 255, g: 0, b: 0 } } },
          left: 0,
          top: 0,
        },
      ])
      .jpeg({ quality: 95 })
      .toFile(file);
    const screen = (position: string | number) =>
      sharp(file).resize(1280, 800, { fit: 'cover', position }).raw().toBuffer();
    const rendered = await sharp(await render(jobFor(file, 1280, 800)))
      .raw()
      .toBuffer();
    const [centred, attention] = await Promise.all([screen('centre'), screen(sharp.strategy.attention)]);
    assert.ok(!centred.equals(attention), 'the two crops differ here');
    const meanDifference = (a: Buffer, b: Buffer) =>
      a.reduce((sum, value, at) => sum + Math.abs(value - b[at]!), 0) / a.length;
    assert.ok(meanDifference(rendered, centred) < 1, 'a near-shape photo is cropped centred');
    assert.ok(meanDifference(rendered, attention) > 2, 'not where attention would put it');
    // A portrait photo covering a landscape screen loses most of its height: attention places that crop.
    const tall = join(dir, 'tall.jpg');
    await sharp(file).rotate(90).resize(1000, 2000, { fit: 'fill' }).jpeg({ quality: 95 }).toFile(tall);
    const covered = await sharp(await render(jobFor(tall, 1280, 800, { composition: 'cover' })))
      .raw()
      .toBuffer();
    const byAttention = await sharp(tall)
      .resize(1280, 800, { fit: 'cover', position: sharp.strategy.attention })
      .raw()
      .toBuffer();
    assert.ok(meanDifference(covered, byAttention) < 1, 'a real crop follows attention');
  });

  it('keeps the faces in the crop, where the attention strategy alone would cut them off', async () => {
    // A wide photo: a small skin-toned "face" far left, a large saturated red block far right that draws the
    // attention strategy; the screen keeps about half the width.
    const file = join(dir, 'wide-with-face.jpg');
    const face = { left: 0.04, top: 0.4, width: 0.06, height: 0.18 };
    await sharp({ create: { width: 3000, height: 1000, channels: 3, background: { r: 40, g: 60, b: 90 } } })
      .composite([
        {
          input: { create: { width: 180, height: 180, channels: 3, background: { r: 230, g: 180, b: 150 } } },
          left: 120,
          top: 400,
        },
        {
          input: { create: { width: 900, height: 1000, channels: 3, background: { r: 255, g: 0, b: 0 } } },
          left: 2100,
          top: 0,
        },
      ])
      .jpeg({ quality: 95 })
      .toFile(file);
    const skin = { r: 230, g: 180, b: 150 };
    const hasSkin = async (image: Buffer): Promise<boolean> => {
      const { data, info } = await sharp(image).raw().toBuffer({ resolveWithObject: true });
      for (let at = 0; at < data.length; at += info.channels * 7) {
        if (isNear({ r: data[at] ?? 0, g: data[at + 1] ?? 0, b: data[at + 2] ?? 0 }, skin)) return true;
      }
      return false;
    };
    const job = jobFor(file, 1280, 800, { composition: 'cover' });
    assert.equal(await hasSkin(await render(job)), false, 'attention alone crops the face away');
    const withFaces = await render({ ...job, faces: [[face]] });
    assert.equal(await hasSkin(withFaces), true, 'the face box is kept');
    // Scaled to 800 tall the photo is 2400 wide, the face at x 96..240; the crop centred on it stops at the left edge.
    assert.ok(isNear(await pixelAt(withFaces, 168, 392), skin), 'the face, where it is in the photo');
  });

  it('pairs two portraits side by side, each in its half, left to right as named', async () => {
    const left = join(dir, 'left.jpg');
    const right = join(dir, 'right.jpg');
    await writeSidewaysRedOverBlueJpeg(left, 1600, 1200); // upright 1200x1600, red over blue
    await sharp({ create: { width: 1200, height: 1600, channels: 3, background: { r: 0, g: 255, b: 0 } } })
      .jpeg()
      .toFile(right);
    const image = await render(jobFor([left, right], 1920, 1080, { composition: 'pair' }));
    const meta = await sharp(image).metadata();
    assert.deepEqual([meta.width, meta.height], [1920, 1080]);
    // Each half is 960x1080; a 1200x1600 portrait fits as 810x1080, centred at x 75..885 (+960 on the right).
    assert.ok(isNear(await pixelAt(image, 480, 200), RED), 'left photo, top');
    assert.ok(isNear(await pixelAt(image, 480, 900), BLUE), 'left photo, bottom');
    assert.ok(isNear(await pixelAt(image, 1440, 540), { r: 0, g: 255, b: 0 }), 'right photo');
    // The gutters are each photo's own blur, darkened: red and blue mixed on the left, green on the right.
    const leftGutter = await pixelAt(image, 30, 540);
    const rightGutter = await pixelAt(image, 1920 - 30, 540);
    assert.ok(leftGutter.r + leftGutter.b > 3 * leftGutter.g, `left gutter: ${JSON.stringify(leftGutter)}`);
    assert.ok(
      leftGutter.r < 200 && leftGutter.b < 200,
      `left gutter is darkened: ${JSON.stringify(leftGutter)}`,
    );
    assert.ok(rightGutter.g > 60 && rightGutter.g < 200, `right gutter: ${JSON.stringify(rightGutter)}`);
  });

  it('tells onStage how long each stage took, in order, the failing stage included', async () => {
    const file = join(dir, 'photo.jpg');
    await writePlainJpeg(file, 1200, 900);
    const told: [string, number][] = [];
    const deps = {
      originals,
      limits: DEFAULT_RENDITION_LIMITS,
      formats: DEFAULT_FORMAT_SETTINGS,
      onStage: (stage: string, seconds: number) => told.push([stage, seconds]),
    };
    await renderRendition(jobFor(file, 1280, 800), deps);
    assert.deepEqual(
      told.map(([stage]) => stage),
      ['load-source', 'probe-source', 'decode-heic', 'one-pass', 'decode', 'compose', 'encode'],
    );
    assert.ok(told.every(([, seconds]) => seconds >= 0 && seconds < 30));
    told.length = 0;
    const text = join(dir, 'not-a-photo.jpg');
    await writeFile(text, 'not a JPEG\n'.repeat(20));
    assert.equal(await codeOf(renderRendition(jobFor(text, 1280, 800), deps)), '422 SOURCE_UNREADABLE');
    assert.deepEqual(
      told.map(([stage]) => stage),
      ['load-source', 'probe-source'],
    );
  });

  it('refuses a text file named .jpg as 422 SOURCE_UNREADABLE', async () => {
    const file = join(dir, 'not-a-photo.jpg');
    await writeFile(file, 'this is a shopping list, not a JPEG\n'.repeat(20));
    assert.equal(await codeOf(render(jobFor(file, 1280, 800))), '422 SOURCE_UNREADABLE');
  });

  it('refuses an image declaring more pixels than maxSourcePixels before decoding it', async () => {
    const file = join(dir, 'bomb.png');
    await writeDeclaredHugePng(file, 10_000);
    assert.equal(
      await codeOf(render(jobFor(file, 1280, 800), { maxSourcePixels: 40_000_000 })),
      '422 SOURCE_TOO_MANY_PIXELS',
    );
  });

  it('refuses an original over maxSourceBytes as 422 SOURCE_TOO_LARGE', async () => {
    const file = join(dir, 'big.jpg');
    await writePlainJpeg(file, 800, 600);
    assert.equal(
      await codeOf(render(jobFor(file, 1280, 800), { maxSourceBytes: 1000 })),
      '422 SOURCE_TOO_LARGE',
    );
  });

  it('answers 404 ORIGINAL_NOT_FOUND for a missing original and 501 for s3:// originals', async () => {
    assert.equal(await codeOf(render(jobFor(join(dir, 'gone.jpg'), 1280, 800))), '404 ORIGINAL_NOT_FOUND');
    const s3 = { ...jobFor(join(dir, 'x.jpg'), 1280, 800), sourceUris: ['s3://bucket/photo.jpg'] };
    assert.equal(await codeOf(render(s3)), '501 SOURCE_SCHEME_UNSUPPORTED');
  });

  it('gives up on a stalled original after renderTimeoutMs with 503 ORIGINAL_STORE_TIMEOUT', async () => {
    const stalled = renderRendition(
      { ...jobFor(join(dir, 'x.jpg'), 1280, 800), sourceUris: ['file:///stalled.jpg'] },
      {
        originals: new StalledOriginalStore(),
        limits: { ...DEFAULT_RENDITION_LIMITS, renderTimeoutMs: 50 },
        formats: DEFAULT_FORMAT_SETTINGS,
      },
    );
    assert.equal(await codeOf(stalled), '503 ORIGINAL_STORE_TIMEOUT');
  });

  it("answers at the caller's deadline but keeps its render slot until its work has really stopped", async () => {
    // A read that takes 300 ms and only then sees the abort (a syscall in libuv's pool cannot be interrupted).
    let readsInFlight = 0;
    const slow = {
      size: () => Promise.resolve(1000),
      read: async (): Promise<Buffer> => {
        readsInFlight++;
        await new Promise((resolveRead) => setTimeout(resolveRead, 300));
        readsInFlight--;
        return Buffer.from('not reached: the stage stops at the signal');
      },
    };
    const limiter = new RenderLimiter(1);
    const deadline = new RenditionDeadline(50);
    const job = { ...jobFor(join(dir, 'x.jpg'), 1280, 800), sourceUris: ['file:///slow.jpg'] };
    const started = Date.now();
    const answer = deadline.race(
      limiter.run(
        () =>
          renderRendition(
            job,
            { originals: slow, limits: DEFAULT_RENDITION_LIMITS, formats: DEFAULT_FORMAT_SETTINGS },
            deadline,
          ),
        deadline.signal,
      ),
    );
    assert.equal(await codeOf(answer), '503 ORIGINAL_STORE_TIMEOUT');
    assert.ok(Date.now() - started < 250, 'the device is answered at the deadline, not when the read ends');
    // The read is still going: its slot is not handed to the next render yet.
    assert.equal(readsInFlight, 1);
    assert.equal(limiter.active, 1);
    const until = Date.now() + 2_000;
    while (limiter.active > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
    assert.equal(readsInFlight, 0);
    assert.equal(limiter.active, 0, 'the slot is free once the abandoned work has stopped');
    deadline.clear();
  });
});
