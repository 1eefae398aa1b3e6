import assert from 'node:assert/strict';
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import sharp from 'sharp';
import { isAppError } from '../../../../common/errors';
import { decodeHeic } from '../../../../common/images/decode-heic';
import {
  DEFAULT_RENDITION_LIMITS,
  type RenditionLimits,
} from '../../../../display-service/renditions/limits';
import { LocalFileOriginalStore } from '../../../../display-service/renditions/local-file-original-store';
import { SchemeRoutingOriginalStore } from '../../../../display-service/renditions/original-store';
import { DEFAULT_FORMAT_SETTINGS } from '../../../../display-service/renditions/output-formats';
import type { RenditionJob } from '../../../../display-service/renditions/pipeline/context';
import { renderRendition } from '../../../../display-service/renditions/pipeline/render-rendition';
import { startDisplay } from '../../helpers/display-harness';
import { makeTempDir, summaryFor, writePlainJpeg } from '../../helpers/image-fixtures';

/** 160x120 HEVC HEIC from an iPhone-like camera (see test/metadata-service/fixtures/README.md). */
const LISBON_HEIC = join(__dirname, '../../../metadata-service/fixtures/lisbon.heic');

describe('renditions/pipeline/decode-heic', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ dir, cleanup } = await makeTempDir()));
  afterEach(() => cleanup());

  const originals = new SchemeRoutingOriginalStore({ 'file:': new LocalFileOriginalStore() });
  const render = (job: Omit<RenditionJob, 'format' | 'shape'>, limits: Partial<RenditionLimits> = {}) =>
    renderRendition(
      { shape: 'RECTANGLE', format: 'jpeg', ...job },
      { originals, limits: { ...DEFAULT_RENDITION_LIMITS, ...limits }, formats: DEFAULT_FORMAT_SETTINGS },
    );
  const uri = (file: string) => pathToFileURL(file).href;

  /** Mean absolute per-channel difference of two same-size RGB images, 0..255. */
  function meanDifference(a: Buffer, b: Buffer): number {
    let sum = 0;
    for (let i = 0; i < a.length; i++) sum += Math.abs((a[i] ?? 0) - (b[i] ?? 0));
    return sum / a.length;
  }

  it('renders a HEIC original through the wasm decoder: exact size, JPEG, no metadata, the same picture', async () => {
    const output = await render({
      sourceUris: [uri(LISBON_HEIC)],
      width: 1280,
      height: 800,
      composition: 'contain',
    });
    const meta = await sharp(output).metadata();
    assert.deepEqual([meta.format, meta.width, meta.height], ['jpeg', 1280, 800]);
    assert.deepEqual(
      [meta.exif, meta.xmp, meta.icc],
      [undefined, undefined, undefined],
      'no GPS or camera left',
    );

    // A small original is enlarged at most 2x (issue 15): the 160x120 photo is 320x240 in the middle of its
    // blurred surround; brought back to its own size it is the decoded HEIC (sharpening aside).
    const centre = await sharp(
      await sharp(output).extract({ left: 480, top: 280, width: 320, height: 240 }).png().toBuffer(),
    )
      .resize(160, 120)
      .removeAlpha()
      .raw()
      .toBuffer();
    const decoded = await decodeHeic(await readFile(LISBON_HEIC));
    const expected = await sharp(Buffer.from(decoded.data), { raw: { width: 160, height: 120, channels: 4 } })
      .removeAlpha()
      .raw()
      .toBuffer();
    assert.ok(meanDifference(centre, expected) < 6, 'shows the decoded HEIC');
    const blackSquare = Buffer.alloc(expected.length);
    assert.ok(meanDifference(centre, blackSquare) > 30, 'and not an empty frame');
  });

  it('pairs a HEIC with a JPEG, and covers with a HEIC', async () => {
    const jpeg = join(dir, 'portrait.jpg');
    await writePlainJpeg(jpeg, 600, 900);
    const pair = await render({
      sourceUris: [uri(LISBON_HEIC), uri(jpeg)],
      width: 1920,
      height: 1080,
      composition: 'pair',
    });
    const cover = await render({
      sourceUris: [uri(LISBON_HEIC)],
      width: 960,
      height: 480,
      composition: 'cover',
    });
    for (const [image, size] of [
      [pair, [1920, 1080]],
      [cover, [960, 480]],
    ] as const) {
      const meta = await sharp(image).metadata();
      assert.deepEqual([meta.format, meta.width, meta.height], ['jpeg', ...size]);
    }
  });

  it('refuses a HEIC over the pixel limit before decoding it, and a truncated one, with coded 422s', async () => {
    const tooMany = await render(
      { sourceUris: [uri(LISBON_HEIC)], width: 1280, height: 800, composition: 'contain' },
      { maxSourcePixels: 160 * 120 - 1 },
    ).catch((error: unknown) => error);
    assert.ok(
      isAppError(tooMany) && tooMany.code === 'SOURCE_TOO_MANY_PIXELS',
      String(tooMany).slice(0, 200),
    );

    const bytes = await readFile(LISBON_HEIC);
    const truncated = join(dir, 'truncated.heic');
    // An interrupted copy: the item locations point past the end of the file.
    await writeFile(truncated, bytes.subarray(0, 1500));
    const unreadable = await render({
      sourceUris: [uri(truncated)],
      width: 1280,
      height: 800,
      composition: 'contain',
    }).catch((error: unknown) => error);
    assert.ok(isAppError(unreadable) && unreadable.code === 'SOURCE_UNREADABLE', String(unreadable));
  });

  it('serves a HEIC original through a signed rendition URL', async () => {
    const file = join(dir, 'IMG_0001.HEIC');
    await copyFile(LISBON_HEIC, file);
    const running = await startDisplay(dir);
    try {
      running.library.add('alice', await summaryFor(file, 'p_heic'));
      const response = await fetch(
        running.signedUrl({
          ownerId: 'alice',
          photoId: 'p_heic',
          width: 960,
          height: 480,
          shape: 'RECTANGLE',
        }),
      );
      const meta = await sharp(Buffer.from(await response.arrayBuffer())).metadata();
      assert.deepEqual([response.status, meta.format, meta.width, meta.height], [200, 'jpeg', 960, 480]);
    } finally {
      await running.close();
    }
  });
});
