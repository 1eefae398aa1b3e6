import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import sharp, { type Sharp } from 'sharp';
import { isAppError } from '../../../../common/errors';
import { DEFAULT_RENDITION_LIMITS } from '../../../../display-service/renditions/limits';
import { LocalFileOriginalStore } from '../../../../display-service/renditions/local-file-original-store';
import { DEFAULT_FORMAT_SETTINGS } from '../../../../display-service/renditions/output-formats';
import { compose } from '../../../../display-service/renditions/pipeline/compose';
import type {
  RenditionContext,
  RenditionJob,
  RenditionStage,
} from '../../../../display-service/renditions/pipeline/context';
import { decode } from '../../../../display-service/renditions/pipeline/decode';
import { decodeHeicSources } from '../../../../display-service/renditions/pipeline/decode-heic';
import { encode } from '../../../../display-service/renditions/pipeline/encode';
import { loadSource } from '../../../../display-service/renditions/pipeline/load-source';
import { onePass } from '../../../../display-service/renditions/pipeline/one-pass';
import { probeSource } from '../../../../display-service/renditions/pipeline/probe-source';
import { renderRendition } from '../../../../display-service/renditions/pipeline/render-rendition';
import { sceneSvg } from '../../../metadata-service/fixtures/images';
import { withExifThumbnail } from '../../../support/exif-thumbnail';
import { QUADRANTS, makeTempDir } from '../../helpers/image-fixtures';

const SCREEN = { width: 1280, height: 800 };
type Size = { width: number; height: number };

/** A photo-like JPEG (gradients and shapes) of `size`, upright. */
function sceneJpeg(size: Size): Promise<Buffer> {
  return sharp(Buffer.from(sceneSvg('harbour', size.width, size.height)))
    .jpeg({ quality: 90 })
    .toBuffer();
}

/** `jpeg` with a camera's EXIF thumbnail of its stored pixels at `size` (fill: any shape asked for). */
async function withThumbnailOf(jpeg: Buffer, size: Size, orientation = 1): Promise<Buffer> {
  const thumbnail = await sharp(jpeg)
    .resize(size.width, size.height, { fit: 'fill' })
    .jpeg({ quality: 80 })
    .toBuffer();
  return withExifThumbnail(jpeg, thumbnail, orientation);
}

/** Quadrants (red, green / blue, yellow) that look `upright` once EXIF `orientation` is applied. */
async function orientedQuadrants(upright: Size, orientation: number): Promise<Buffer> {
  const { width, height } = upright;
  const raw = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const colour = QUADRANTS[(y < height / 2 ? 0 : 2) + (x < width / 2 ? 0 : 1)]!;
      raw.set([colour.r, colour.g, colour.b], (y * width + x) * 3);
    }
  }
  // The inverse of what viewing applies (sharp mirrors before it rotates), as image-fixtures does.
  const inverse: Record<number, (image: Sharp) => Sharp> = {
    2: (image) => image.flop(),
    3: (image) => image.rotate(180),
    4: (image) => image.flip(),
    5: (image) => image.rotate(90).flip(),
    6: (image) => image.rotate(270),
    7: (image) => image.rotate(90).flop(),
    8: (image) => image.rotate(90),
  };
  const pixels = sharp(raw, { raw: { width, height, channels: 3 } });
  const stored = await (inverse[orientation]?.(pixels) ?? pixels).raw().toBuffer({ resolveWithObject: true });
  return sharp(stored.data, { raw: { ...stored.info, channels: 3 } })
    .withMetadata({ orientation })
    .jpeg({ quality: 92 })
    .toBuffer();
}

async function pixelsOf(image: Buffer): Promise<{ data: Buffer; width: number; height: number }> {
  const { data, info } = await sharp(image).raw().toBuffer({ resolveWithObject: true });
  assert.equal(info.channels, 3);
  return { data, width: info.width, height: info.height };
}

/** Largest and mean absolute difference per channel value, inside and outside a rectangle (columns x rows). */
async function differences(
  a: Buffer,
  b: Buffer,
  photo: { left: number; top: number; width: number; height: number },
): Promise<{ photoMax: number; bandsMean: number }> {
  const [left, right] = await Promise.all([pixelsOf(a), pixelsOf(b)]);
  assert.deepEqual([left.width, left.height], [right.width, right.height]);
  // JPEG blocks straddling the photo's edge mix both sides: they are left out of both sums.
  const margin = 16;
  let photoMax = 0;
  let bandsTotal = 0;
  let bandsCount = 0;
  for (let y = 0; y < left.height; y++) {
    for (let x = 0; x < left.width; x++) {
      const inside =
        x >= photo.left + margin &&
        x < photo.left + photo.width - margin &&
        y >= photo.top + margin &&
        y < photo.top + photo.height - margin;
      const outside =
        x < photo.left - margin ||
        x >= photo.left + photo.width + margin ||
        y < photo.top - margin ||
        y >= photo.top + photo.height + margin;
      for (let c = 0; c < 3; c++) {
        const at = (y * left.width + x) * 3 + c;
        const difference = Math.abs(left.data[at]! - right.data[at]!);
        if (inside) photoMax = Math.max(photoMax, difference);
        if (outside) {
          bandsTotal += difference;
          bandsCount++;
        }
      }
    }
  }
  return { photoMax, bandsMean: bandsCount === 0 ? 0 : bandsTotal / bandsCount };
}

describe('renditions/pipeline/one-pass', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ dir, cleanup } = await makeTempDir()));
  afterEach(() => cleanup());

  const originals = new LocalFileOriginalStore();
  const deps = { originals, limits: DEFAULT_RENDITION_LIMITS, formats: DEFAULT_FORMAT_SETTINGS };
  let written = 0;
  const fileWith = async (bytes: Buffer): Promise<string> => {
    const file = join(dir, `photo-${written++}.jpg`);
    await writeFile(file, bytes);
    return file;
  };
  const jobFor = (
    files: string[],
    screen: Size = SCREEN,
    composition: RenditionJob['composition'] = 'contain',
  ) => ({
    sourceUris: files.map((file) => pathToFileURL(file).href),
    ...screen,
    shape: 'RECTANGLE' as const,
    composition,
    format: 'jpeg' as const,
  });
  const contextFor = (job: RenditionJob, alone = true): RenditionContext => ({
    job,
    ...deps,
    signal: new AbortController().signal,
    runsAlone: () => alone,
  });
  async function run(context: RenditionContext, stages: readonly RenditionStage[]): Promise<void> {
    for (const stage of stages) await stage.run(context);
  }

  /** Whether the rendition is planned as one pass (the screen's bands, if any, given back). */
  async function takesOnePass(job: RenditionJob, alone = true): Promise<boolean> {
    const context = contextFor(job, alone);
    await run(context, [loadSource, probeSource, decodeHeicSources, onePass]);
    context.releaseComposed?.();
    return context.onePass === true;
  }

  /** The rendition the two passes make (decode, compose, encode), whatever the photo carries. */
  async function twoPasses(job: RenditionJob): Promise<Buffer> {
    const context = contextFor(job);
    await run(context, [loadSource, probeSource, decodeHeicSources, decode, compose, encode]);
    assert.ok(context.output);
    return context.output;
  }

  it('renders a photo that fills the screen (cropped) in one pass, to the very pixels of two passes', async () => {
    const file = await fileWith(await sceneJpeg({ width: 2400, height: 1600 }));
    const job = jobFor([file]);
    assert.equal(await takesOnePass(job), true, 'a 3:2 photo is cropped to a 16:10 screen: nothing to fill');
    const one = await renderRendition(job, deps);
    const two = await twoPasses(job);
    const { photoMax } = await differences(one, two, { left: 0, top: 0, ...SCREEN });
    assert.equal(photoMax, 0);
  });

  it('renders a photo shown whole on the fill made from its EXIF thumbnail: its own pixels exact, the fill within a level', async () => {
    const photo = { width: 2000, height: 1500 };
    const file = await fileWith(await withThumbnailOf(await sceneJpeg(photo), { width: 160, height: 120 }));
    // 4:3 on 16:10: 1067x800 in the middle, a band of the fill either side. On the round Echo Spot: the largest
    // 4:3 rectangle inside the circle (384x288), the fill on all four sides.
    const screens: [RenditionJob, { left: number; top: number; width: number; height: number }][] = [
      [jobFor([file]), { left: 107, top: 0, width: 1067, height: 800 }],
      [
        { ...jobFor([file], { width: 480, height: 480 }), shape: 'ROUND' },
        { left: 48, top: 96, width: 384, height: 288 },
      ],
    ];
    for (const [job, place] of screens) {
      assert.equal(await takesOnePass(job), true, `${job.width}x${job.height}`);
      const one = await renderRendition(job, deps);
      const two = await twoPasses(job);
      const { info } = await sharp(one).toBuffer({ resolveWithObject: true });
      assert.deepEqual([info.width, info.height], [job.width, job.height]);
      const { photoMax, bandsMean } = await differences(one, two, place);
      assert.equal(
        photoMax,
        0,
        `${job.width}x${job.height}: the photo is decoded and placed exactly as in two passes`,
      );
      assert.ok(
        bandsMean < 1,
        `${job.width}x${job.height}: the fill from the thumbnail differs by ${bandsMean} levels`,
      );
    }
  });

  it("turns the thumbnail as the photo's EXIF orientation turns the photo, for all eight", async () => {
    const upright = { width: 2000, height: 1000 };
    for (let orientation = 1; orientation <= 8; orientation++) {
      const jpeg = await orientedQuadrants(upright, orientation);
      // Stored turned a quarter (5-8), so is its thumbnail.
      const thumbnail = orientation >= 5 ? { width: 80, height: 160 } : { width: 160, height: 80 };
      const file = await fileWith(await withThumbnailOf(jpeg, thumbnail, orientation));
      const job = jobFor([file]);
      assert.equal(await takesOnePass(job), true, `orientation ${orientation}`);
      const one = await renderRendition(job, deps);
      const two = await twoPasses(job);
      // Upright 2:1: 1280x640, with the fill above and below.
      const { photoMax, bandsMean } = await differences(one, two, {
        left: 0,
        top: 80,
        width: 1280,
        height: 640,
      });
      assert.equal(photoMax, 0, `orientation ${orientation}: the photo`);
      // A thumbnail turned the wrong way puts other quadrants' colours in the bands: a difference of dozens of levels.
      assert.ok(bandsMean < 3, `orientation ${orientation}: the fill differs by ${bandsMean} levels`);
    }
  });

  it('takes two passes when the thumbnail cannot stand in for the photo, and renders the same screen', async () => {
    const scene = await sceneJpeg({ width: 2000, height: 1500 });
    const panorama = await sceneJpeg({ width: 3000, height: 1500 });
    const cases: [string, string[], Size?][] = [
      ['no thumbnail', [await fileWith(scene)]],
      // A 2:1 photo with a 4:3 thumbnail: letterboxed by the camera, or left behind by a crop.
      [
        'a thumbnail of another shape',
        [await fileWith(await withThumbnailOf(panorama, { width: 160, height: 120 }))],
      ],
      // A 1920x1080 screen's fill is 120x68: a 96x72 thumbnail cropped to 16:9 is 96x54.
      [
        'a thumbnail too small for the screen',
        [await fileWith(await withThumbnailOf(scene, { width: 96, height: 72 }))],
        { width: 1920, height: 1080 },
      ],
      [
        'an enlarged photo (sharpened after the resize)',
        [
          await fileWith(
            await withThumbnailOf(await sceneJpeg({ width: 1000, height: 750 }), { width: 160, height: 120 }),
          ),
        ],
      ],
      [
        'a CMYK JPEG',
        [
          await fileWith(
            await withThumbnailOf(await sharp(scene).toColourspace('cmyk').jpeg().toBuffer(), {
              width: 160,
              height: 120,
            }),
          ),
        ],
      ],
      [
        'a thumbnail that does not decode',
        [
          await fileWith(
            withExifThumbnail(scene, Buffer.concat([Buffer.from([0xff, 0xd8]), Buffer.alloc(400, 7)])),
          ),
        ],
      ],
    ];
    for (const [what, files, screen] of cases) {
      const job = jobFor(files, screen);
      assert.equal(await takesOnePass(job), false, what);
      const rendered = await pixelsOf(await renderRendition(job, deps));
      assert.deepEqual([rendered.width, rendered.height], [job.width, job.height], what);
    }
    const withThumbnail = await fileWith(await withThumbnailOf(scene, { width: 160, height: 120 }));
    assert.equal(await takesOnePass(jobFor([withThumbnail, withThumbnail], SCREEN, 'pair')), false, 'a pair');
  });

  it('fills in one pass only while no other render runs; a photo that fills the screen, always', async () => {
    const contained = await fileWith(
      await withThumbnailOf(await sceneJpeg({ width: 2000, height: 1500 }), { width: 160, height: 120 }),
    );
    const cropped = await fileWith(await sceneJpeg({ width: 2400, height: 1600 }));
    assert.equal(await takesOnePass(jobFor([contained]), true), true);
    assert.equal(await takesOnePass(jobFor([contained]), false), false, 'under load: two passes');
    assert.equal(
      await takesOnePass(jobFor([cropped]), false),
      true,
      'nothing to fill: one pass under load too',
    );
  });

  it('answers 422 SOURCE_UNREADABLE for a photo whose scan is cut off, though its header and thumbnail are whole', async () => {
    const photo = await sceneJpeg({ width: 2400, height: 1800 });
    const whole = await withThumbnailOf(photo, { width: 160, height: 120 });
    const file = await fileWith(whole.subarray(0, Math.floor(whole.length * 0.6)));
    const job = jobFor([file]);
    assert.equal(await takesOnePass(job), true);
    try {
      await renderRendition(job, deps);
      assert.fail('a cut-off photo rendered');
    } catch (error) {
      assert.ok(isAppError(error), String(error));
      assert.equal(`${error.status} ${error.code}`, '422 SOURCE_UNREADABLE');
    }
  });
});
