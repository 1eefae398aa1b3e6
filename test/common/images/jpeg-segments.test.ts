import assert from 'node:assert/strict';
import sharp from 'sharp';
import { readJpegHeader } from '../../../common/images/jpeg-segments';
import { readPhotoMetadata } from '../../../metadata-service/ingest/readers/read-photo-metadata';
import { imageBytes, withIptcKeywords } from '../../metadata-service/fixtures/images';

/** A camera-like JPEG with EXIF (orientation 6, GPS), XMP and IPTC blocks. */
const cameraJpeg = async (): Promise<Buffer> =>
  withIptcKeywords(
    await imageBytes({
      width: 160,
      height: 120,
      orientation: 6,
      make: 'Apple',
      dateTimeOriginal: '2025:07:14 15:30:12',
      gps: { latitude: 43.2965, longitude: 5.3698 },
      xmp: { subject: ['Beach'], rating: 5, title: 'Calanques' },
    }),
    ['Sea', 'Été'],
  );

/** A segment inserted after SOI. */
const withSegment = (jpeg: Buffer, marker: number, payload: Buffer): Buffer => {
  const head = Buffer.alloc(4);
  head.writeUInt16BE(0xff00 | marker, 0);
  head.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), head, payload, jpeg.subarray(2)]);
};

describe('readJpegHeader', () => {
  it('gives the size and the very EXIF, XMP and IPTC blocks libvips gives', async () => {
    const jpeg = await cameraJpeg();
    const header = readJpegHeader(jpeg);
    const libvips = await sharp(jpeg).metadata();
    assert.ok(header && libvips.exif && libvips.xmp && libvips.iptc);
    assert.deepEqual(
      [header.width, header.height, header.channels],
      [libvips.width, libvips.height, libvips.channels],
    );
    assert.ok(header.exif?.equals(libvips.exif));
    assert.ok(header.xmp?.equals(libvips.xmp));
    assert.ok(header.iptc?.equals(libvips.iptc));
  });

  it('gives the colour components as encoded: one for a greyscale JPEG, as libvips reads it', async () => {
    const grey = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#808080' } })
      .toColourspace('b-w')
      .jpeg()
      .toBuffer();
    const libvips = await sharp(grey).metadata();
    assert.equal(libvips.channels, 1);
    assert.equal(readJpegHeader(grey)?.channels, 1);
  });

  it('makes the metadata read with the hash left for later equal to the read with its decode, hash aside', async () => {
    const content = await cameraJpeg();
    const input = {
      absolutePath: '/nonexistent/IMG_1.jpg',
      content,
      fileName: 'IMG_1.jpg',
      modifiedAt: new Date(0),
    };
    const now = await readPhotoMetadata(input);
    const later = await readPhotoMetadata({ ...input, perceptualHash: 'later' });
    assert.match(now.perceptualHash ?? '', /^[0-9a-f]{16}$/);
    assert.equal(later.perceptualHash, null);
    assert.deepEqual({ ...later, perceptualHash: now.perceptualHash }, now);
    // Orientation 6 from the EXIF block: the displayed size is swapped.
    assert.deepEqual([later.width, later.height, later.orientation], [120, 160, 6]);
  });

  it('leaves anything but a plain header to libvips (undefined), never a wrong answer', async () => {
    const jpeg = await imageBytes({ width: 64, height: 48 });
    const exif = Buffer.concat([
      Buffer.from('Exif\0\0', 'latin1'),
      Buffer.from('II*\0\x08\0\0\0\0\0', 'latin1'),
    ]);
    const noSofBeforeScan = Buffer.from([0xff, 0xd8, 0xff, 0xda, 0x00, 0x02, 0xff, 0xd9]);
    const heightByDnl = Buffer.from(jpeg);
    const sof = heightByDnl.indexOf(Buffer.from([0xff, 0xc0]));
    heightByDnl.writeUInt16BE(0, sof + 5);
    const cases: [string, Buffer][] = [
      ['not a JPEG', Buffer.from('shopping list')],
      ['cut inside a segment', jpeg.subarray(0, 30)],
      ['a segment length past the data', Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0xff, 0xff, 0x45])],
      ['no SOF before the scan', noSofBeforeScan],
      ['a height left to a DNL marker', heightByDnl],
      ['two EXIF blocks', withSegment(withSegment(jpeg, 0xe1, exif), 0xe1, exif)],
      ['a segment length below 2', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x01, 0xff, 0xd9])],
      [
        'garbage between segments',
        Buffer.concat([jpeg.subarray(0, 2), Buffer.from([0x00, 0x01]), jpeg.subarray(2)]),
      ],
    ];
    for (const [what, bytes] of cases) assert.equal(readJpegHeader(bytes), undefined, what);
  });

  it('reads the size of a JPEG whose pixels are cut off (the hash stage finds those)', async () => {
    const jpeg = await imageBytes({ width: 64, height: 48 });
    const scan = jpeg.indexOf(Buffer.from([0xff, 0xda]));
    const header = readJpegHeader(jpeg.subarray(0, scan + 20));
    assert.deepEqual([header?.width, header?.height], [64, 48]);
  });
});
