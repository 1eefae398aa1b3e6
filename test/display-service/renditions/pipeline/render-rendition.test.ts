import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import sharp from 'sharp';
import { isAppError } from '../../../../common/errors';
import {
  DEFAULT_RENDITION_LIMITS,
  type RenditionLimits,
} from '../../../../display-service/renditions/limits';
import { LocalFileOriginalStore } from '../../../../display-service/renditions/local-file-original-store';
import { SchemeRoutingOriginalStore } from '../../../../display-service/renditions/original-store';
import type { RenditionJob } from '../../../../display-service/renditions/pipeline/context';
import { MAX_OUTPUT_BYTES } from '../../../../display-service/renditions/pipeline/encode-jpeg';
import { renderRendition } from '../../../../display-service/renditions/pipeline/render-rendition';
import { StalledOriginalStore } from '../../helpers/counting-original-store';
import {
  BLUE,
  RED,
  isNear,
  makeTempDir,
  pixelAt,
  writeDeclaredHugePng,
  writePlainJpeg,
  writeSidewaysRedOverBlueJpeg,
} from '../../helpers/image-fixtures';

describe('renditions/pipeline/render-rendition', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ dir, cleanup } = await makeTempDir()));
  afterEach(() => cleanup());

  const originals = new SchemeRoutingOriginalStore({ 'file:': new LocalFileOriginalStore() });
  const render = (job: RenditionJob, limits: Partial<RenditionLimits> = {}) =>
    renderRendition(job, { originals, limits: { ...DEFAULT_RENDITION_LIMITS, ...limits } });
  const jobFor = (
    file: string,
    width: number,
    height: number,
    shape: RenditionJob['shape'] = 'RECTANGLE',
  ) => ({
    sourceUri: pathToFileURL(file).href,
    width,
    height,
    shape,
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

  for (const [width, height, shape] of [
    [1280, 800, 'RECTANGLE'],
    [480, 480, 'ROUND'],
    [1920, 1080, 'RECTANGLE'],
  ] as const) {
    it(`renders a ${width}x${height} ${shape} progressive JPEG of exactly that size with no metadata`, async () => {
      const file = join(dir, 'sideways.jpg');
      await writeSidewaysRedOverBlueJpeg(file);
      const jpeg = await render(jobFor(file, width, height, shape));
      const meta = await sharp(jpeg).metadata();
      assert.equal(meta.format, 'jpeg');
      assert.equal(meta.width, width);
      assert.equal(meta.height, height);
      assert.equal(meta.space, 'srgb');
      assert.equal(meta.isProgressive, true);
      assert.equal(meta.exif, undefined);
      assert.equal(meta.xmp, undefined);
      assert.equal(meta.iptc, undefined);
      assert.equal(meta.icc, undefined);
      assert.equal(meta.orientation, undefined);
      assert.ok(jpeg.length < MAX_OUTPUT_BYTES);
    });
  }

  it('bakes EXIF orientation in: the sideways original comes out upright, red over blue, on a dark blur', async () => {
    const file = join(dir, 'sideways.jpg');
    await writeSidewaysRedOverBlueJpeg(file);
    const jpeg = await render(jobFor(file, 1280, 800));
    // Upright the photo is 600x800, centred at x 340..940. Unrotated it would be left red / right blue instead.
    for (const x of [600, 680]) {
      assert.ok(isNear(await pixelAt(jpeg, x, 100), RED), `(${x},100) should be red`);
      assert.ok(isNear(await pixelAt(jpeg, x, 700), BLUE), `(${x},700) should be blue`);
    }
    // Outside the photo: the blurred background, reddish near the top (cover crop) but darkened.
    const background = await pixelAt(jpeg, 20, 100);
    assert.ok(background.r > background.b && background.r > background.g, JSON.stringify(background));
    assert.ok(
      background.r > 40 && background.r < 200,
      `background should be darkened: ${JSON.stringify(background)}`,
    );
  });

  it('shows the whole photo: a wide photo fills the width of a square screen', async () => {
    const file = join(dir, 'wide.jpg');
    await writePlainJpeg(file, 1200, 400);
    const jpeg = await render(jobFor(file, 480, 480, 'ROUND'));
    const green = { r: 30, g: 140, b: 60 };
    assert.ok(isNear(await pixelAt(jpeg, 2, 240), green), 'left edge of the photo');
    assert.ok(isNear(await pixelAt(jpeg, 477, 240), green), 'right edge of the photo');
    const above = await pixelAt(jpeg, 240, 20);
    assert.ok(above.g < 120, `above the photo is the darkened background: ${JSON.stringify(above)}`);
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
    assert.equal(
      await codeOf(
        render({ sourceUri: 's3://bucket/photo.jpg', width: 1280, height: 800, shape: 'RECTANGLE' }),
      ),
      '501 SOURCE_SCHEME_UNSUPPORTED',
    );
  });

  it('gives up on a stalled original after renderTimeoutMs with 503 RENDER_TIMEOUT', async () => {
    const stalled = renderRendition(
      { sourceUri: 'file:///stalled.jpg', width: 1280, height: 800, shape: 'RECTANGLE' },
      { originals: new StalledOriginalStore(), limits: { ...DEFAULT_RENDITION_LIMITS, renderTimeoutMs: 50 } },
    );
    assert.equal(await codeOf(stalled), '503 RENDER_TIMEOUT');
  });
});
