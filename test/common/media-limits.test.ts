import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import sharp from 'sharp';
import { isAppError } from '../../common/errors';
import { MEDIA_LIMITS } from '../../common/media-limits';
import { DEFAULT_RENDITION_LIMITS } from '../../display-service/renditions/limits';
import { LocalFileOriginalStore } from '../../display-service/renditions/local-file-original-store';
import { SchemeRoutingOriginalStore } from '../../display-service/renditions/original-store';
import { DEFAULT_FORMAT_SETTINGS } from '../../display-service/renditions/output-formats';
import { renderRendition } from '../../display-service/renditions/pipeline/render-rendition';
import { readImage } from '../../metadata-service/ingest/readers/read-image';
import { IngestSkip, MAX_FILE_BYTES, MAX_PIXELS } from '../../metadata-service/ingest/skip-reasons';

/** A real JPEG of exactly width × height pixels (plain colour, so it encodes in a second even at 100 MP). */
async function writeJpeg(file: string, width: number, height: number): Promise<void> {
  await sharp({ create: { width, height, channels: 3, background: { r: 40, g: 120, b: 200 } } })
    .jpeg({ quality: 80 })
    .toFile(file);
}

describe('common/media-limits: one set of limits for ingest and display', function () {
  this.timeout(120_000);
  let dir: string;
  beforeEach(async () => (dir = await mkdtemp(join(tmpdir(), 'photoframe-media-limits-'))));
  afterEach(() => rm(dir, { recursive: true, force: true }));

  const jpeg = { family: 'jpeg', mediaType: 'image/jpeg' } as const;
  const render = (file: string) =>
    renderRendition(
      {
        sourceUris: [pathToFileURL(file).href],
        width: 1920,
        height: 1080,
        shape: 'RECTANGLE',
        composition: 'contain',
        format: 'jpeg',
      },
      {
        originals: new SchemeRoutingOriginalStore({ 'file:': new LocalFileOriginalStore() }),
        limits: DEFAULT_RENDITION_LIMITS,
        formats: DEFAULT_FORMAT_SETTINGS,
      },
    );

  it('ingest and the display enforce the same pixel and byte limits', () => {
    assert.equal(MAX_PIXELS, MEDIA_LIMITS.maxImagePixels);
    assert.equal(DEFAULT_RENDITION_LIMITS.maxSourcePixels, MEDIA_LIMITS.maxImagePixels);
    assert.equal(MAX_FILE_BYTES, MEDIA_LIMITS.maxOriginalBytes);
    assert.equal(DEFAULT_RENDITION_LIMITS.maxSourceBytes, MEDIA_LIMITS.maxOriginalBytes);
  });

  it('a photo exactly at the pixel limit is indexed by ingest and renders on the display', async () => {
    const file = join(dir, 'at-limit.jpg');
    await writeJpeg(file, 10_000, MEDIA_LIMITS.maxImagePixels / 10_000);
    const facts = await readImage(file, jpeg);
    assert.equal(facts.width * facts.height, MEDIA_LIMITS.maxImagePixels);
    const rendition = await render(file);
    const meta = await sharp(rendition).metadata();
    assert.deepEqual([meta.format, meta.width, meta.height], ['jpeg', 1920, 1080]);
  });

  it('a photo one row over the limit is refused at ingest with TOO_MANY_PIXELS (and the display agrees)', async () => {
    const file = join(dir, 'over-limit.jpg');
    await writeJpeg(file, 10_000, MEDIA_LIMITS.maxImagePixels / 10_000 + 1);
    await assert.rejects(readImage(file, jpeg), (error: unknown) => {
      assert.ok(error instanceof IngestSkip);
      assert.equal(error.code, 'TOO_MANY_PIXELS');
      return true;
    });
    await assert.rejects(render(file), (error: unknown) => {
      assert.ok(isAppError(error));
      assert.equal(error.code, 'SOURCE_TOO_MANY_PIXELS');
      return true;
    });
  });
});
