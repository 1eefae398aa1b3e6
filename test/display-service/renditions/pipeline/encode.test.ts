import assert from 'node:assert/strict';
import sharp, { type JpegOptions } from 'sharp';
import { jpegOptions } from '../../../../display-service/renditions/pipeline/encode';

/** A detailed 320x200 screen (noise over a gradient): flat colour would encode the same under any tables. */
async function detailedScreen(): Promise<Buffer> {
  const gradient = Buffer.from(
    '<svg xmlns="http://www.w3.org/2000/svg" width="320" height="200"><defs><linearGradient id="g">' +
      '<stop offset="0" stop-color="#d84"/><stop offset="1" stop-color="#248"/></linearGradient></defs>' +
      '<rect width="100%" height="100%" fill="url(#g)"/></svg>',
  );
  const grain = await sharp({
    create: {
      width: 320,
      height: 200,
      channels: 3,
      background: '#808080',
      noise: { type: 'gaussian', mean: 128, sigma: 30 },
    },
  })
    .png()
    .toBuffer();
  return sharp(gradient)
    .composite([{ input: grain, blend: 'overlay' }])
    .removeAlpha()
    .raw()
    .toBuffer();
}

const encodeScreen = (pixels: Buffer, options: JpegOptions) =>
  sharp(pixels, { raw: { width: 320, height: 200, channels: 3 } })
    .jpeg(options)
    .toBuffer();

const decoded = async (jpeg: Buffer) => sharp(jpeg).raw().toBuffer();

describe('renditions/pipeline/encode jpegOptions', () => {
  it('writes a baseline JPEG', async () => {
    const jpeg = await encodeScreen(await detailedScreen(), jpegOptions(82));
    const meta = await sharp(jpeg).metadata();
    assert.equal(meta.isProgressive, false);
    // SOF0 (baseline DCT), not SOF2 (progressive).
    assert.ok(jpeg.includes(Buffer.from([0xff, 0xc0])));
    assert.ok(!jpeg.includes(Buffer.from([0xff, 0xc2])));
  });

  it("decodes to exactly the pixels of the progressive mozjpeg-table encode it replaced, not to the standard tables'", async () => {
    const screen = await detailedScreen();
    const ours = await decoded(await encodeScreen(screen, jpegOptions(82)));
    const progressive = await decoded(
      await encodeScreen(screen, {
        quality: 82,
        progressive: true,
        mozjpeg: true,
        trellisQuantisation: false,
        optimiseScans: false,
      }),
    );
    const standardTables = await decoded(await encodeScreen(screen, { quality: 82 }));
    assert.ok(ours.equals(progressive), 'same quantisation, same pixels');
    assert.ok(!ours.equals(standardTables), "mozjpeg's tables, not libjpeg's");
  });

  it('optimises its Huffman tables: smaller than the same encode with the standard ones', async () => {
    const screen = await detailedScreen();
    const optimised = await encodeScreen(screen, jpegOptions(82));
    const standardHuffman = await encodeScreen(screen, { ...jpegOptions(82), optimiseCoding: false });
    assert.ok(
      optimised.length < standardHuffman.length,
      `${optimised.length} bytes vs ${standardHuffman.length}`,
    );
  });
});
