import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { LocalFileOriginalStore } from '../../../display-service/renditions/local-file-original-store';
import {
  SchemeRoutingOriginalStore,
  type OriginalStore,
} from '../../../display-service/renditions/original-store';
import { sceneSvg } from '../../metadata-service/fixtures/images';
import { withExifThumbnail } from '../../support/exif-thumbnail';
import { displayPerTest } from '../helpers/display-harness';
import { pixelAt, summaryFor } from '../helpers/image-fixtures';

const OWNER = 'owner-one-pass';

/** A stuck original (a network share that stopped answering) that tells the test once a render is reading it. */
class StuckOriginalStore implements OriginalStore {
  private reached!: () => void;
  readonly reading = new Promise<void>((resolve) => (this.reached = resolve));

  size(): Promise<number> {
    return Promise.resolve(1000);
  }

  read(_uri: string, options: { signal: AbortSignal }): Promise<Buffer> {
    this.reached();
    return new Promise((_resolve, reject) => {
      options.signal.addEventListener('abort', () => reject(new Error('read aborted')), { once: true });
    });
  }
}

describe('renditions: the blurred fill in one pass only for a render on its own', () => {
  const scratch = displayPerTest();

  it('fills from the EXIF thumbnail while no other render runs, and from the photo itself while one does', async () => {
    // The thumbnail is the photo's shape but all red (as a stale one could be): the fill shows which one made it.
    const photo = await sharp(Buffer.from(sceneSvg('harbour', 2000, 1500)))
      .jpeg({ quality: 90 })
      .toBuffer();
    const red = await sharp({ create: { width: 160, height: 120, channels: 3, background: '#ff0000' } })
      .jpeg()
      .toBuffer();
    const file = join(scratch.dir, 'harbour.jpg');
    await writeFile(file, withExifThumbnail(photo, red));
    const stuck = new StuckOriginalStore();
    const running = await scratch.start({
      originals: new SchemeRoutingOriginalStore({ 'file:': new LocalFileOriginalStore(), 'stuck:': stuck }),
      limits: { renderTimeoutMs: 2000 },
    });
    const { library } = running;
    library.add(OWNER, await summaryFor(file, 'p_harbour'));
    const stalled = await summaryFor(file, 'p_stuck');
    // Its own content hash: the same bytes' rendition would be served from the cache without a render.
    library.add(OWNER, {
      ...stalled,
      source: { ...stalled.source, uri: 'stuck://share/p_stuck.jpg', contentHash: 'f'.repeat(64) },
    });
    const urlFor = (photoId: string, width: number, height: number) =>
      running.signedUrl({ ownerId: OWNER, photoId, width, height, shape: 'RECTANGLE' });
    const leftBand = async (width: number, height: number): Promise<{ r: number; g: number; b: number }> => {
      const response = await fetch(urlFor('p_harbour', width, height));
      assert.equal(response.status, 200);
      const image = Buffer.from(await response.arrayBuffer());
      return pixelAt(image, 10, Math.round(height / 2));
    };

    const alone = await leftBand(1280, 800);
    assert.ok(alone.r > 100 && alone.g < 30 && alone.b < 30, `alone: a red fill ${JSON.stringify(alone)}`);

    // Another render holds a slot, stuck reading its original; a new size of the same photo is a new render.
    const held = fetch(urlFor('p_stuck', 1280, 800)).then((response) => response.status);
    await stuck.reading;
    const underLoad = await leftBand(960, 480);
    assert.ok(
      underLoad.r < 60 && underLoad.b > 40,
      `under load: the photo's own fill ${JSON.stringify(underLoad)}`,
    );
    assert.equal(await held, 503, 'the stuck render gives up at its deadline');
  });
});
