import assert from 'node:assert/strict';
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import sharp from 'sharp';
import { hammingDistance } from '../../../../metadata-service/ingest/perceptual-hash';
import type { PhotoMetadata } from '../../../../metadata-service/ingest/photo-metadata';
import {
  readPhotoMetadata,
  type ReadPhotoInput,
} from '../../../../metadata-service/ingest/readers/read-photo-metadata';
import { IngestSkip } from '../../../../metadata-service/ingest/skip-reasons';
import {
  HEIC_SAMPLE,
  imageBytes,
  pngClaiming,
  tiffWithExif,
  withIptcKeywords,
  writeImage,
  type ImageFixture,
} from '../../fixtures/images';
import { makeTempDir, type TempDir } from '../../support/fixtures';
import { exiftoolXmp, IIM, lightroomXmp, withExtendedXmp, writeExportJpeg } from '../support/export-shapes';

describe('readPhotoMetadata', () => {
  let dir: TempDir;
  const mtime = new Date(2024, 4, 6, 7, 8, 9); // this machine's clock: 2024-05-06T07:08:09

  beforeEach(async () => {
    dir = await makeTempDir();
  });
  afterEach(() => dir.cleanup());

  async function read(
    fixture: ImageFixture,
    name = 'photo.img',
    extra: Partial<ReadPhotoInput> = {},
  ): Promise<PhotoMetadata> {
    const file = join(dir.path, name);
    await writeImage(file, fixture);
    return readPhotoMetadata({ absolutePath: file, fileName: name, modifiedAt: mtime, ...extra });
  }

  async function readBytes(bytes: Buffer | string, name = 'file.jpg'): Promise<PhotoMetadata> {
    const file = join(dir.path, name);
    await writeFile(file, bytes);
    return readPhotoMetadata({ absolutePath: file, fileName: name, modifiedAt: mtime });
  }

  async function skipOf(bytes: Buffer | string, name = 'file.jpg'): Promise<string> {
    const error = await readBytes(bytes, name).then(
      () => assert.fail('expected a skip'),
      (e: unknown) => e,
    );
    assert.ok(error instanceof IngestSkip, String(error));
    return error.code;
  }

  describe('formats, sniffed from content', () => {
    const tagged: ImageFixture = {
      dateTimeOriginal: '2025:07:14 15:30:12',
      offsetTimeOriginal: '+02:00',
      make: 'Canon',
      model: 'EOS R6',
      gps: { latitude: 43.2965, longitude: 5.3698 },
      xmp: { subject: ['Seaside'], rating: 4 },
    };
    const expected = {
      taken: {
        local: '2025-07-14T15:30:12',
        utc: '2025-07-14T13:30:12.000Z',
        source: 'exif-with-offset',
        timeZone: '+02:00',
        timeZoneSource: 'exif-offset',
      },
      camera: { make: 'Canon', model: 'EOS R6' },
      keywords: ['Seaside'],
      rating: 4,
    };

    for (const [format, mediaType] of [
      ['jpeg', 'image/jpeg'],
      ['png', 'image/png'],
      ['webp', 'image/webp'],
      ['avif', 'image/avif'],
    ] as const) {
      it(`reads ${format}: size, EXIF date/offset, GPS, camera, XMP keywords and rating`, async () => {
        // A misleading extension on purpose: the content decides.
        const meta = await read({ ...tagged, format, width: 160, height: 120 }, 'photo.jpg');
        assert.equal(meta.mediaType, mediaType);
        assert.equal(meta.mediaKind, 'photo');
        assert.deepEqual([meta.width, meta.height, meta.orientation], [160, 120, 1]);
        assert.deepEqual(meta.taken, expected.taken);
        assert.deepEqual(meta.camera, expected.camera);
        assert.deepEqual(meta.keywords, expected.keywords);
        assert.equal(meta.rating, expected.rating);
        assert.equal(meta.favorite, false);
        assert.ok(
          meta.gps &&
            Math.abs(meta.gps.latitude - 43.2965) < 1e-4 &&
            Math.abs(meta.gps.longitude - 5.3698) < 1e-4,
        );
        assert.match(meta.perceptualHash ?? '', /^[0-9a-f]{16}$/);
        assert.equal(meta.durationMs, null);
      });
    }

    it('reads TIFF: size and EXIF from its own IFDs', async () => {
      const tiff = await tiffWithExif({
        width: 160,
        height: 120,
        make: 'Nikon',
        dateTimeOriginal: '2025:07:14 15:30:12',
        offsetTimeOriginal: '+02:00',
      });
      const meta = await readBytes(tiff, 'scan.jpg');
      assert.equal(meta.mediaType, 'image/tiff');
      assert.deepEqual([meta.width, meta.height], [160, 120]);
      assert.deepEqual(meta.taken, expected.taken);
      assert.deepEqual(meta.camera, { make: 'Nikon', model: null });
      const withXmp = await read({ format: 'tiff', xmp: { subject: ['Seaside'], rating: 4 } }, 'x.tif');
      assert.deepEqual([withXmp.keywords, withXmp.rating], [['Seaside'], 4]);
    });

    it('reads HEIC: pixels via heic-decode, EXIF from the HEIF container, time zone from GPS', async () => {
      const file = join(dir.path, 'IMG_0001.HEIC');
      await copyFile(HEIC_SAMPLE, file);
      const meta = await readPhotoMetadata({
        absolutePath: file,
        fileName: 'IMG_0001.HEIC',
        modifiedAt: mtime,
      });
      assert.equal(meta.mediaType, 'image/heic');
      assert.deepEqual([meta.width, meta.height, meta.orientation], [160, 120, 1]);
      assert.deepEqual(meta.camera, { make: 'Apple', model: 'iPhone 13' });
      // No offset in the EXIF: Lisbon's zone, summer time (WEST, +01:00).
      assert.deepEqual(meta.taken, {
        local: '2023-08-19T18:45:00',
        utc: '2023-08-19T17:45:00.000Z',
        source: 'exif-with-gps-zone',
        timeZone: 'Europe/Lisbon',
        timeZoneSource: 'gps',
      });
      // Same scene rendered to JPEG: its perceptual hash is a near-duplicate of the HEIC's.
      const jpeg = await read({ scene: 'lisbon', quality: 80 }, 'lisbon.jpg');
      assert.ok(meta.perceptualHash && jpeg.perceptualHash);
      assert.ok(hammingDistance(meta.perceptualHash, jpeg.perceptualHash) <= 6);
    });
  });

  describe('capture time', () => {
    it('keeps only the local time when there is neither offset nor GPS', async () => {
      const meta = await read({ dateTimeOriginal: '2025:07:14 15:30:12' });
      assert.deepEqual(meta.taken, {
        local: '2025-07-14T15:30:12',
        utc: null,
        source: 'exif-local-only',
        timeZone: null,
        timeZoneSource: null,
      });
    });

    it('derives the zone from GPS and applies its offset at that date (DST-correct)', async () => {
      const newYork = { latitude: 40.7128, longitude: -74.006 };
      const winter = await read({ dateTimeOriginal: '2025:01:10 12:00:00', gps: newYork });
      assert.equal(winter.taken.utc, '2025-01-10T17:00:00.000Z');
      assert.equal(winter.taken.timeZone, 'America/New_York');
      assert.equal(winter.taken.source, 'exif-with-gps-zone');
      const summer = await read({ dateTimeOriginal: '2025:07:10 12:00:00', gps: newYork });
      assert.equal(summer.taken.utc, '2025-07-10T16:00:00.000Z');
      // Southern hemisphere: Sydney is on daylight time in January (+11), standard time in July (+10).
      const sydney = { latitude: -33.8568, longitude: 151.2153 };
      const january = await read({ dateTimeOriginal: '2025:01:10 12:00:00', gps: sydney });
      assert.equal(january.taken.utc, '2025-01-10T01:00:00.000Z');
      assert.equal(january.taken.timeZone, 'Australia/Sydney');
    });

    it('prefers the EXIF offset over the GPS zone', async () => {
      const meta = await read({
        dateTimeOriginal: '2025:07:10 12:00:00',
        offsetTimeOriginal: '-04:00',
        gps: { latitude: 48.8566, longitude: 2.3522 },
      });
      assert.equal(meta.taken.source, 'exif-with-offset');
      assert.equal(meta.taken.utc, '2025-07-10T16:00:00.000Z');
    });

    it('falls back to an XMP date, then to the file time (local clock)', async () => {
      const xmpDated = await read({ format: 'png', xmp: { dateCreated: '2021-03-04T05:06:07+09:00' } });
      assert.equal(xmpDated.taken.local, '2021-03-04T05:06:07');
      assert.equal(xmpDated.taken.utc, '2021-03-03T20:06:07.000Z');
      const undated = await read({ make: 'Canon' });
      assert.deepEqual(undated.taken, {
        local: '2024-05-06T07:08:09',
        utc: null,
        source: 'file-modified',
        timeZone: null,
        timeZoneSource: null,
      });
      const unsetClock = await read({
        dateTimeOriginal: '0000:00:00 00:00:00',
        offsetTimeOriginal: '+02:00',
      });
      assert.equal(unsetClock.taken.source, 'file-modified');
    });
  });

  describe('orientation', () => {
    it('reports the displayed size: orientation 6 and 8 swap, 1 and 3 do not', async () => {
      for (const [orientation, size] of [
        [6, [120, 160]],
        [8, [120, 160]],
        [3, [160, 120]],
        [1, [160, 120]],
      ] as const) {
        const meta = await read({ width: 160, height: 120, orientation });
        assert.deepEqual([meta.width, meta.height, meta.orientation], [...size, orientation]);
      }
      const webp = await read({ format: 'webp', width: 160, height: 120, orientation: 6 });
      assert.deepEqual([webp.width, webp.height], [120, 160]);
    });

    it('hashes the upright picture: a rotated copy with its orientation tag matches the original', async () => {
      const upright = await read({ scene: 'diagonal', width: 160, height: 120 }, 'a.jpg');
      // The same picture stored sideways (rotated 90° counter-clockwise) with Orientation 6 to display upright.
      const sideways = await sharp(await imageBytes({ scene: 'diagonal', width: 160, height: 120 }))
        .rotate(-90)
        .withMetadata({ orientation: 6 })
        .jpeg()
        .toBuffer();
      const stored = await readBytes(sideways, 'b.jpg');
      assert.deepEqual([stored.width, stored.height], [160, 120]);
      assert.ok(hammingDistance(upright.perceptualHash ?? '', stored.perceptualHash ?? '') <= 6);
    });
  });

  describe('people, titles, ratings, keywords', () => {
    it('reads XMP title, description, face-region names, and rating 5 as a favourite', async () => {
      const meta = await read({
        xmp: {
          title: 'Sunset & friends',
          description: 'Last evening at the beach',
          faces: ['Alice Martin', 'Bob'],
          rating: 5,
        },
      });
      assert.equal(meta.title, 'Sunset & friends');
      assert.equal(meta.description, 'Last evening at the beach');
      assert.deepEqual(meta.people.sort(), ['Alice Martin', 'Bob']);
      assert.equal(meta.rating, 5);
      assert.equal(meta.favorite, true);
    });

    it('merges IPTC keywords with XMP dc:subject, without duplicates', async () => {
      const jpeg = await imageBytes({ xmp: { subject: ['Dog', 'Beach'] } });
      const meta = await readBytes(withIptcKeywords(jpeg, ['Beach', 'Puppy', 'Café']));
      assert.deepEqual(meta.keywords, ['Dog', 'Beach', 'Puppy', 'Café']);
    });
  });

  describe('screenshots', () => {
    it('recognises screenshot file names', async () => {
      for (const name of [
        'Screenshot_20240101-101010.png',
        'Screen Shot 2019-05-01 at 10.00.00.png',
        'Screen Recording 2024.mov.png',
      ]) {
        assert.equal((await read({ format: 'png' }, name)).isScreenshot, true, name);
      }
      assert.equal((await read({ format: 'png' }, 'IMG_0001.png')).isScreenshot, false);
    });

    it('recognises a PNG whose UserComment says Screenshot (iOS), but not a camera photo with a comment', async () => {
      assert.equal(
        (await read({ format: 'png', userComment: 'Screenshot' }, 'IMG_1.png')).isScreenshot,
        true,
      );
      assert.equal(
        (await read({ format: 'png', xmp: { userComment: 'Screenshot' } }, 'IMG_2.png')).isScreenshot,
        true,
      );
      assert.equal(
        (await read({ make: 'Canon', userComment: 'Screenshot' }, 'IMG_3.jpg')).isScreenshot,
        false,
      );
    });
  });

  describe('sidecars and albums', () => {
    it('lets a Takeout sidecar fill the date, GPS, people and favourite the file lacks', async () => {
      const meta = await read({ make: 'Pixel' }, 'IMG_1.jpg', {
        sidecar: {
          title: 'IMG_1.jpg',
          description: 'Birthday cake',
          photoTakenTime: { timestamp: '1700000000', formatted: 'Nov 14, 2023, 10:13:20 PM UTC' },
          geoData: { latitude: 51.5074, longitude: -0.1278, altitude: 0 },
          people: [{ name: 'Mom' }],
          favorited: true,
        },
        folderAlbums: ['Birthdays'],
      });
      assert.deepEqual(meta.taken, {
        local: '2023-11-14T22:13:20',
        utc: '2023-11-14T22:13:20.000Z',
        source: 'sidecar',
        timeZone: 'Europe/London',
        timeZoneSource: 'gps',
      });
      assert.deepEqual(meta.gps, { latitude: 51.5074, longitude: -0.1278 });
      assert.equal(meta.title, null); // Takeout's title is just the file name
      assert.equal(meta.description, 'Birthday cake');
      assert.deepEqual(meta.people, ['Mom']);
      assert.equal(meta.favorite, true);
      assert.deepEqual(meta.albums, ['Birthdays']);
    });

    it('ignores an invalid sidecar with a logged reason and keeps the photo', async () => {
      const warnings: unknown[] = [];
      const logger = {
        debug: () => undefined,
        info: () => undefined,
        warn: (message: string, fields?: Record<string, unknown>) => warnings.push({ message, ...fields }),
        error: () => undefined,
        child: () => logger,
      };
      const meta = await read({ dateTimeOriginal: '2025:07:14 15:30:12' }, 'IMG_2.jpg', {
        sidecar: { photoTakenTime: { timestamp: 'yesterday' }, people: 'Mom' },
        logger,
      });
      assert.equal(meta.taken.local, '2025-07-14T15:30:12');
      assert.deepEqual(meta.people, []);
      assert.equal(warnings.length, 1);
      assert.match(JSON.stringify(warnings[0]), /takeout sidecar ignored.*photoTakenTime/);
    });
  });

  describe('hostile and odd content', () => {
    it('zero bytes → EMPTY_FILE', async () => {
      assert.equal(await skipOf(Buffer.alloc(0)), 'EMPTY_FILE');
    });

    it('text named .jpg → NOT_AN_IMAGE', async () => {
      assert.equal(await skipOf('definitely not a photo\n'), 'NOT_AN_IMAGE');
    });

    it('a PDF or GIF named .jpg → UNSUPPORTED_FORMAT', async () => {
      assert.equal(await skipOf('%PDF-1.7\n1 0 obj\n'), 'UNSUPPORTED_FORMAT');
      const gif = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#000' } })
        .gif()
        .toBuffer();
      assert.equal(await skipOf(gif), 'UNSUPPORTED_FORMAT');
    });

    it('a truncated JPEG → UNREADABLE_IMAGE', async () => {
      const bytes = await imageBytes({ scene: 'checker', width: 800, height: 600 });
      assert.equal(await skipOf(bytes.subarray(0, Math.floor(bytes.length * 0.5))), 'UNREADABLE_IMAGE');
    });

    it('a truncated HEIC → UNREADABLE_IMAGE', async () => {
      const bytes = await readFile(HEIC_SAMPLE);
      assert.equal(await skipOf(bytes.subarray(0, bytes.length - 600), 'x.heic'), 'UNREADABLE_IMAGE');
    });

    it('a 30000x30000 PNG "bomb" is refused from its header, without decoding', async () => {
      const started = Date.now();
      assert.equal(await skipOf(pngClaiming(30_000, 30_000), 'bomb.png'), 'TOO_MANY_PIXELS');
      assert.ok(Date.now() - started < 2000, 'refused quickly');
    });

    it('reads a CMYK JPEG and a 16-bit PNG', async () => {
      const svg = await imageBytes({ format: 'png', scene: 'harbour' });
      const cmyk = await sharp(svg).toColourspace('cmyk').jpeg().toBuffer();
      assert.equal((await sharp(cmyk).metadata()).space, 'cmyk');
      const fromCmyk = await readBytes(cmyk, 'cmyk.jpg');
      assert.deepEqual([fromCmyk.mediaType, fromCmyk.width, fromCmyk.height], ['image/jpeg', 160, 120]);
      const deep = await sharp(svg).toColourspace('rgb16').png().toBuffer();
      assert.equal((await sharp(deep).metadata()).depth, 'ushort');
      const fromDeep = await readBytes(deep, 'deep.png');
      assert.deepEqual([fromDeep.mediaType, fromDeep.width, fromDeep.height], ['image/png', 160, 120]);
      // Same picture, whatever the colour model or depth.
      const rgb = await readBytes(svg, 'rgb.png');
      const deepDistance = hammingDistance(rgb.perceptualHash ?? '', fromDeep.perceptualHash ?? '');
      const cmykDistance = hammingDistance(rgb.perceptualHash ?? '', fromCmyk.perceptualHash ?? '');
      assert.ok(deepDistance <= 6, `16-bit: ${deepDistance}`);
      assert.ok(cmykDistance <= 6, `CMYK: ${cmykDistance}`);
    });

    it('garbage EXIF does not cost the photo: it is dated by its file', async () => {
      const jpeg = await imageBytes({ scene: 'stripes' });
      const garbage = Buffer.concat([
        Buffer.from('Exif\0\0MM\0*\0\0\0\x08\xff\xff', 'latin1'),
        Buffer.alloc(40, 0xff),
      ]);
      const app1 = Buffer.alloc(4);
      app1.writeUInt16BE(0xffe1, 0);
      app1.writeUInt16BE(garbage.length + 2, 2);
      const meta = await readBytes(Buffer.concat([jpeg.subarray(0, 2), app1, garbage, jpeg.subarray(2)]));
      assert.equal(meta.taken.source, 'file-modified');
      assert.deepEqual([meta.width, meta.height], [160, 120]);
    });
  });

  describe('near-duplicates', () => {
    it('resized or recompressed copies hash close (≤ 6), different pictures far (≥ 12)', async () => {
      const hash = async (fixture: ImageFixture, name: string): Promise<string> => {
        const meta = await read(fixture, name);
        assert.ok(meta.perceptualHash);
        return meta.perceptualHash;
      };
      const original = await hash({ scene: 'harbour', width: 640, height: 480, quality: 95 }, 'o.jpg');
      const small = await hash({ scene: 'harbour', width: 200, height: 150, quality: 60 }, 's.jpg');
      const webp = await hash(
        { scene: 'harbour', format: 'webp', width: 320, height: 240, quality: 40 },
        'w.webp',
      );
      assert.ok(hammingDistance(original, small) <= 6, `resized: ${hammingDistance(original, small)}`);
      assert.ok(hammingDistance(original, webp) <= 6, `recompressed: ${hammingDistance(original, webp)}`);
      for (const scene of ['stripes', 'checker', 'diagonal'] as const) {
        const other = await hash({ scene, width: 640, height: 480 }, `${scene}.jpg`);
        assert.ok(hammingDistance(original, other) >= 12, `${scene}: ${hammingDistance(original, other)}`);
      }
    });
  });
});

describe('readPhotoMetadata on real export shapes', () => {
  let dir: TempDir;
  const mtime = new Date(2024, 4, 6, 7, 8, 9);

  beforeEach(async () => {
    dir = await makeTempDir();
  });
  afterEach(() => dir.cleanup());

  const read = (path: string): Promise<PhotoMetadata> =>
    readPhotoMetadata({ absolutePath: path, fileName: basename(path), modifiedAt: mtime });

  it('a Lightroom export without GPS: named location, hierarchical people, faces and caption', async () => {
    const path = join(dir.path, 'Lightroom export', 'DSC_0042.jpg');
    await writeExportJpeg(path, {
      dateTimeOriginal: '2019:07:14 10:00:00',
      make: 'NIKON CORPORATION',
      model: 'NIKON D750',
      xmpPacket: lightroomXmp({
        keywords: ['Dog'],
        hierarchical: ['Animals|Dog', 'People|Family|Anna Smith'],
        caption: 'morning walk along the beach',
        city: 'Paris',
        country: 'France',
        countryCode: 'FR',
        faces: [{ name: 'Ben', x: 0.5, y: 0.5, w: 0.2, h: 0.3 }],
      }),
    });
    const metadata = await read(path);
    assert.equal(metadata.gps, null);
    assert.deepEqual(metadata.location, { city: 'Paris', country: 'France', countryCode: 'FR' });
    assert.deepEqual(metadata.people, ['Ben', 'Anna Smith']);
    assert.deepEqual(metadata.hierarchicalKeywords, ['Animals|Dog', 'People|Family|Anna Smith']);
    assert.equal(metadata.description, 'morning walk along the beach');
    assert.equal(metadata.taken.source, 'exif-local-only');
  });

  it('IPTC IIM location when the XMP names none; XMP wins when both do; XMP events are carried albums', async () => {
    const iimOnly = join(dir.path, 'iim.jpg');
    await writeExportJpeg(iimOnly, {
      iptc: [
        [IIM.city, 'Lyon'],
        [IIM.country, 'France'],
        [IIM.keywords, 'market'],
      ],
    });
    const fromIim = await read(iimOnly);
    assert.deepEqual(fromIim.location, { city: 'Lyon', country: 'France' });
    assert.deepEqual(fromIim.keywords, ['market']);

    const both = join(dir.path, 'both.jpg');
    await writeExportJpeg(both, {
      xmpPacket: exiftoolXmp({
        locationCreated: { City: 'Nice', CountryName: 'France' },
        event: 'Summer trip',
      }),
      iptc: [[IIM.city, 'Lyon']],
    });
    const fromXmp = await read(both);
    assert.deepEqual(fromXmp.location, { city: 'Nice', country: 'France' });
    assert.deepEqual(fromXmp.albums, ['Summer trip']);
  });

  it('a JPEG whose XMP overflowed into extended XMP: read from the bytes in memory and from the file', async () => {
    const path = join(dir.path, 'big-xmp.jpg');
    const jpeg = withExtendedXmp(
      await imageBytes(),
      lightroomXmp({ keywords: ['Wedding'] }),
      lightroomXmp({ faces: [{ name: 'Bride', x: 0.5, y: 0.5, w: 0.2, h: 0.2 }] }),
    );
    await writeFile(path, jpeg);
    const fromFile = await read(path);
    const fromMemory = await readPhotoMetadata({
      absolutePath: path,
      content: jpeg,
      fileName: 'big-xmp.jpg',
      modifiedAt: mtime,
    });
    for (const metadata of [fromFile, fromMemory]) {
      assert.deepEqual([metadata.keywords, metadata.people], [['Wedding'], ['Bride']]);
    }
  });
});
