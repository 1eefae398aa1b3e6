import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import sharp from 'sharp';
import { DEFAULT_RENDITION_LIMITS } from '../../../../display-service/renditions/limits';
import { LocalFileOriginalStore } from '../../../../display-service/renditions/local-file-original-store';
import { DEFAULT_FORMAT_SETTINGS } from '../../../../display-service/renditions/output-formats';
import { jpegOptions } from '../../../../display-service/renditions/pipeline/encode';
import { renderRendition } from '../../../../display-service/renditions/pipeline/render-rendition';

const REPO_ROOT = join(__dirname, '..', '..', '..', '..');
const DARKNET = 'usr/share/darknet/data';
/** Real photographs (Debian's darknet package), all far enough from 2:1 to get the blurred fill, none enlarged. */
const PHOTOS = ['dog.jpg', 'kite.jpg', 'horses.jpg', 'giraffe.jpg'];
const SCREEN = { width: 960, height: 480 };

/**
 * The blurred fill as it was made before the fill was painted band by band (pipeline v2.1): the whole photo
 * decoded to fit (never enlarged), an eighth-size copy blurred (sigma 3) and darkened (0.55), scaled up bilinearly to the screen,
 * the photo composited over its centre with libvips' composite, encoded with the same JPEG settings.
 */
async function referenceRendition(file: string): Promise<Buffer> {
  const { autoOrient: photo } = await sharp(file).metadata();
  const scale = Math.min(1, SCREEN.width / photo.width, SCREEN.height / photo.height);
  const { data, info } = await sharp(file, { autoOrient: true })
    .resize(Math.round(photo.width * scale), Math.round(photo.height * scale), { fit: 'fill' })
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  const raw = { width: info.width, height: info.height, channels: info.channels };
  const background = await sharp(data, { raw })
    .resize(SCREEN.width / 8, SCREEN.height / 8, { fit: 'cover' })
    .blur(3)
    .modulate({ brightness: 0.55 })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return sharp(background.data, { raw: background.info })
    .resize(SCREEN.width, SCREEN.height, { fit: 'fill', kernel: 'linear' })
    .composite([{ input: data, raw, gravity: 'centre' }])
    .removeAlpha()
    .jpeg(jpegOptions(DEFAULT_FORMAT_SETTINGS.jpeg.quality))
    .toBuffer();
}

/** Mean absolute difference per channel value (0-255) between two images of the same size. */
async function meanAbsoluteDifference(a: Buffer, b: Buffer): Promise<number> {
  const [left, right] = await Promise.all(
    [a, b].map((image) => sharp(image).removeAlpha().raw().toBuffer({ resolveWithObject: true })),
  );
  assert.ok(left && right);
  assert.deepEqual([left.info.width, left.info.height], [right.info.width, right.info.height]);
  let total = 0;
  for (let i = 0; i < left.data.length; i++) total += Math.abs((left.data[i] ?? 0) - (right.data[i] ?? 0));
  return total / left.data.length;
}

function acceptancePhotosRoot(): string {
  const set = process.env.ACCEPTANCE_PHOTOS?.trim();
  if (set) return set;
  const fetched = spawnSync(join(REPO_ROOT, 'scripts', 'fetch-acceptance-photos.sh'), {
    encoding: 'utf8',
    timeout: 600_000,
  });
  const root = fetched.stdout?.trim().split('\n').pop();
  if (fetched.status !== 0 || !root) {
    throw new Error(`scripts/fetch-acceptance-photos.sh failed: ${fetched.stderr?.slice(-300)}`);
  }
  return root;
}

describe('renditions/pipeline blurred fill: the same look as before it was made cheap', function () {
  this.timeout(120_000);
  let root: string;
  before(() => {
    root = acceptancePhotosRoot();
  });

  for (const name of PHOTOS) {
    it(`${name} on a 2:1 screen differs from the reference by a mean of under 1 level in 255`, async () => {
      const file = join(root, DARKNET, name);
      const rendered = await renderRendition(
        {
          sourceUris: [pathToFileURL(file).href],
          ...SCREEN,
          shape: 'RECTANGLE',
          composition: 'contain',
          format: 'jpeg',
        },
        {
          originals: new LocalFileOriginalStore(),
          limits: DEFAULT_RENDITION_LIMITS,
          formats: DEFAULT_FORMAT_SETTINGS,
        },
      );
      const reference = await referenceRendition(file);
      const difference = await meanAbsoluteDifference(rendered, reference);
      assert.ok(difference < 1, `mean absolute difference ${difference.toFixed(3)}`);
      // The comparison can fail: the same photo without its fill (black bands) is far from the reference.
      const unfilled = await sharp(file)
        .resize(SCREEN.width, SCREEN.height, { fit: 'contain', background: '#000000' })
        .jpeg(jpegOptions(DEFAULT_FORMAT_SETTINGS.jpeg.quality))
        .toBuffer();
      assert.ok((await meanAbsoluteDifference(unfilled, reference)) > 4 * Math.max(difference, 0.5));
    });
  }
});
