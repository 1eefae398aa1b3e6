import assert from 'node:assert/strict';
import { readFile, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { readJpegMetadata } from '../../../metadata-service/ingest/read-jpeg-metadata';
import { IngestSkip } from '../../../metadata-service/ingest/skip-reasons';
import { makeTempDir, writeJpeg, type TempDir } from '../support/fixtures';

describe('readJpegMetadata', () => {
  let dir: TempDir;
  const mtime = new Date(2024, 4, 6, 7, 8, 9); // local clock: 2024-05-06T07:08:09

  beforeEach(async () => {
    dir = await makeTempDir();
  });
  afterEach(() => dir.cleanup());

  async function read(fixture: Parameters<typeof writeJpeg>[1]) {
    const file = join(dir.path, 'photo.jpg');
    await writeJpeg(file, fixture);
    return readJpegMetadata(file, mtime);
  }

  it('takes local and UTC capture time from DateTimeOriginal + OffsetTimeOriginal', async () => {
    const meta = await read({ dateTimeOriginal: '2025:07:14 15:30:12', offsetTimeOriginal: '+02:00' });
    assert.deepEqual(meta.taken, {
      local: '2025-07-14T15:30:12',
      utc: '2025-07-14T13:30:12.000Z',
      source: 'exif-with-offset',
      timeZone: '+02:00',
      timeZoneSource: 'exif-offset',
    });
  });

  it('applies a negative offset across midnight', async () => {
    const meta = await read({ dateTimeOriginal: '2025:12:31 20:00:00', offsetTimeOriginal: '-08:00' });
    assert.equal(meta.taken.local, '2025-12-31T20:00:00');
    assert.equal(meta.taken.utc, '2026-01-01T04:00:00.000Z');
  });

  it('keeps only the local time when the offset is missing', async () => {
    const meta = await read({ dateTimeOriginal: '2025:07:14 15:30:12' });
    assert.deepEqual(meta.taken, {
      local: '2025-07-14T15:30:12',
      utc: null,
      source: 'exif-local-only',
      timeZone: null,
      timeZoneSource: null,
    });
  });

  it('falls back to the file modification time (local clock) without an EXIF date', async () => {
    const meta = await read({ make: 'Canon' });
    assert.deepEqual(meta.taken, {
      local: '2024-05-06T07:08:09',
      utc: null,
      source: 'file-modified',
      timeZone: null,
      timeZoneSource: null,
    });
  });

  it('treats an unset camera clock (zeros) as no date', async () => {
    const meta = await read({ dateTimeOriginal: '0000:00:00 00:00:00', offsetTimeOriginal: '+02:00' });
    assert.equal(meta.taken.source, 'file-modified');
  });

  it('swaps width and height for orientation 6 and keeps them for 1', async () => {
    const rotated = await read({ width: 120, height: 80, orientation: 6 });
    assert.deepEqual([rotated.width, rotated.height, rotated.orientation], [80, 120, 6]);
    const upright = await read({ width: 120, height: 80, orientation: 1 });
    assert.deepEqual([upright.width, upright.height, upright.orientation], [120, 80, 1]);
    const none = await read({ width: 120, height: 80 });
    assert.deepEqual([none.width, none.height, none.orientation], [120, 80, 1]);
  });

  it('reads GPS as signed decimal degrees and the camera make/model', async () => {
    const meta = await read({
      gps: { latitude: -33.8568, longitude: 151.2153 },
      make: 'SONY',
      model: 'ILCE-7M4',
    });
    assert.ok(meta.gps);
    assert.ok(Math.abs(meta.gps.latitude - -33.8568) < 1e-4, String(meta.gps.latitude));
    assert.ok(Math.abs(meta.gps.longitude - 151.2153) < 1e-4, String(meta.gps.longitude));
    assert.deepEqual(meta.camera, { make: 'SONY', model: 'ILCE-7M4' });
    const without = await read({});
    assert.equal(without.gps, null);
    assert.deepEqual(without.camera, { make: null, model: null });
  });

  it('reads XMP dc:subject keywords, one or many', async () => {
    assert.deepEqual((await read({ keywords: ['Seaside', 'Holiday Trip'] })).keywords, [
      'Seaside',
      'Holiday Trip',
    ]);
    assert.deepEqual((await read({ keywords: ['dog'] })).keywords, ['dog']);
    assert.deepEqual((await read({})).keywords, []);
  });

  describe('hostile content', () => {
    async function skipCodeOf(write: (file: string) => Promise<void>): Promise<string> {
      const file = join(dir.path, 'bad.jpg');
      await write(file);
      await utimes(file, mtime, mtime);
      const error = await readJpegMetadata(file, mtime).then(
        () => assert.fail('expected a skip'),
        (e: unknown) => e,
      );
      assert.ok(error instanceof IngestSkip, String(error));
      return error.code;
    }

    it('rejects text named .jpg as NOT_AN_IMAGE', async () => {
      assert.equal(await skipCodeOf((f) => writeFile(f, 'definitely not a photo\n')), 'NOT_AN_IMAGE');
    });

    it('rejects a truncated JPEG as UNREADABLE_IMAGE', async () => {
      const good = join(dir.path, 'good.jpg');
      await writeJpeg(good, { width: 800, height: 600, seed: 5 });
      const bytes = await readFile(good);
      const code = await skipCodeOf((f) => writeFile(f, bytes.subarray(0, Math.floor(bytes.length * 0.5))));
      assert.equal(code, 'UNREADABLE_IMAGE');
    });

    it('rejects a PNG named .jpg as UNSUPPORTED_FORMAT', async () => {
      const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } })
        .png()
        .toBuffer();
      assert.equal(await skipCodeOf((f) => writeFile(f, png)), 'UNSUPPORTED_FORMAT');
    });
  });
});
