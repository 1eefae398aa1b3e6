import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PhotoMetadata } from '../../../../metadata-service/ingest/photo-metadata';
import { readPhotoMetadata } from '../../../../metadata-service/ingest/readers/read-photo-metadata';
import { parseIso6709 } from '../../../../metadata-service/ingest/readers/read-video';
import { IngestSkip } from '../../../../metadata-service/ingest/skip-reasons';
import { box, buildVideo, inflateBoxSize, type VideoFixture } from '../../fixtures/videos';
import { makeTempDir, type TempDir } from '../../support/fixtures';

describe('video reader (MP4 / MOV)', () => {
  let dir: TempDir;
  const mtime = new Date(2024, 4, 6, 7, 8, 9);

  beforeEach(async () => {
    dir = await makeTempDir();
  });
  afterEach(() => dir.cleanup());

  async function readBytes(bytes: Buffer, name = 'clip.mp4'): Promise<PhotoMetadata> {
    const file = join(dir.path, name);
    await writeFile(file, bytes);
    return readPhotoMetadata({ absolutePath: file, fileName: name, modifiedAt: mtime });
  }
  const read = (fixture: VideoFixture, name?: string): Promise<PhotoMetadata> =>
    readBytes(buildVideo(fixture), name);

  async function skipOf(bytes: Buffer): Promise<string> {
    const error = await readBytes(bytes).then(
      () => assert.fail('expected a skip'),
      (e: unknown) => e,
    );
    assert.ok(error instanceof IngestSkip, String(error));
    return error.code;
  }

  it('reads an MP4: UTC creation time placed in the GPS zone, duration, size, flagged as video', async () => {
    const meta = await read({
      createdAt: new Date('2024-07-04T19:30:00Z'),
      timescale: 600,
      duration: 600 * 12.5,
      width: 1920,
      height: 1080,
      xyz: '+34.0522-118.2437+089.000/',
    });
    assert.equal(meta.mediaType, 'video/mp4');
    assert.equal(meta.mediaKind, 'video');
    assert.equal(meta.durationMs, 12_500);
    assert.deepEqual([meta.width, meta.height], [1920, 1080]);
    assert.deepEqual(meta.gps, { latitude: 34.0522, longitude: -118.2437 });
    assert.deepEqual(meta.taken, {
      local: '2024-07-04T12:30:00', // Los Angeles, PDT (-07:00)
      utc: '2024-07-04T19:30:00.000Z',
      source: 'video-container',
      timeZone: 'America/Los_Angeles',
      timeZoneSource: 'gps',
    });
    assert.equal(meta.perceptualHash, null);
  });

  it('without GPS keeps the UTC wall time as local, with no zone', async () => {
    const meta = await read({ createdAt: new Date('2024-07-04T19:30:00Z'), version1: true });
    assert.deepEqual(meta.taken, {
      local: '2024-07-04T19:30:00',
      utc: '2024-07-04T19:30:00.000Z',
      source: 'video-container',
      timeZone: null,
      timeZoneSource: null,
    });
  });

  it('reads a MOV: QuickTime creationdate with offset, ISO 6709 location key, make/model; rotation swaps size', async () => {
    const meta = await read(
      {
        brand: 'qt  ',
        createdAt: new Date('2023-12-24T17:00:05Z'),
        width: 1920,
        height: 1080,
        rotation: 90,
        audioFirst: true,
        keys: {
          'com.apple.quicktime.location.ISO6709': '+48.8584+002.2945+035.000/',
          'com.apple.quicktime.make': 'Apple',
          'com.apple.quicktime.model': 'iPhone 15',
          'com.apple.quicktime.creationdate': '2023-12-24T18:00:05+0100',
        },
      },
      'IMG_0002.MOV',
    );
    assert.equal(meta.mediaType, 'video/quicktime');
    assert.deepEqual([meta.width, meta.height], [1080, 1920]);
    assert.deepEqual(meta.camera, { make: 'Apple', model: 'iPhone 15' });
    assert.deepEqual(meta.gps, { latitude: 48.8584, longitude: 2.2945 });
    assert.deepEqual(meta.taken, {
      local: '2023-12-24T18:00:05',
      utc: '2023-12-24T17:00:05.000Z',
      source: 'video-container',
      timeZone: '+01:00',
      timeZoneSource: 'exif-offset',
    });
  });

  it('falls back to the file time when the container clock was never set', async () => {
    const meta = await read({});
    assert.equal(meta.taken.source, 'file-modified');
    assert.equal(meta.taken.local, '2024-05-06T07:08:09');
  });

  it('180° rotation keeps the size; M4V is recognised', async () => {
    const meta = await read({ brand: 'M4V ', width: 640, height: 480, rotation: 180 });
    assert.deepEqual([meta.mediaType, meta.width, meta.height], ['video/x-m4v', 640, 480]);
  });

  describe('hostile containers', () => {
    it('a box claiming more bytes than the file holds → TRUNCATED_VIDEO', async () => {
      assert.equal(await skipOf(inflateBoxSize(buildVideo(), 'mdat', 1_000_000)), 'TRUNCATED_VIDEO');
      assert.equal(await skipOf(inflateBoxSize(buildVideo(), 'moov', 5_000)), 'TRUNCATED_VIDEO');
    });

    it('a file cut in the middle of its moov → TRUNCATED_VIDEO', async () => {
      const whole = buildVideo({ createdAt: new Date('2024-01-01T00:00:00Z') });
      assert.equal(await skipOf(whole.subarray(0, 120)), 'TRUNCATED_VIDEO');
    });

    it('no moov, or no video track → UNREADABLE_VIDEO', async () => {
      const ftyp = box('ftyp', Buffer.from('isom\0\0\x02\0isom', 'latin1'));
      assert.equal(await skipOf(Buffer.concat([ftyp, box('mdat', Buffer.alloc(64))])), 'UNREADABLE_VIDEO');
      assert.equal(await skipOf(buildVideo({ width: 0, height: 0 })), 'UNREADABLE_VIDEO');
    });

    it('lying sizes inside moov are contained: what can be read is read', async () => {
      const video = buildVideo({ createdAt: new Date('2024-07-04T19:30:00Z'), xyz: '+10.0000+020.0000/' });
      // Make the udta box inside moov claim far more than moov holds: its location is lost, nothing else.
      const at = video.indexOf(Buffer.from('udta', 'latin1')) - 4;
      const hostile = Buffer.from(video);
      hostile.writeUInt32BE(0x7fffffff, at);
      const meta = await readBytes(hostile);
      assert.equal(meta.gps, null);
      assert.equal(meta.taken.utc, '2024-07-04T19:30:00.000Z');
      assert.deepEqual([meta.width, meta.height], [1920, 1080]);
    });

    it('an audio-only MP4 (M4A) is UNSUPPORTED_FORMAT', async () => {
      const m4a = Buffer.concat([box('ftyp', Buffer.from('M4A \0\0\0\0M4A ', 'latin1')), box('mdat')]);
      assert.equal(await skipOf(m4a), 'UNSUPPORTED_FORMAT');
    });
  });

  it('reads the location from an iTunes-style ©xyz item (udta/meta/ilst), as tagging tools write it', async () => {
    const video = buildVideo({ createdAt: new Date('2026-11-28T17:00:00Z') });
    const text = Buffer.from('+40.6782-073.9442/', 'utf8');
    const type = Buffer.alloc(8);
    type.writeUInt32BE(1); // well-known type 1: UTF-8
    const udta = box(
      'udta',
      box(
        'meta',
        Buffer.alloc(4), // MP4's meta is a full box
        box('hdlr', Buffer.alloc(8), Buffer.from('mdir', 'latin1'), Buffer.alloc(13)),
        box('ilst', box('\u00a9xyz', box('data', type, text))),
      ),
    );
    // Append the udta to moov (the second top-level box) and grow moov's size to hold it.
    const moovAt = video.readUInt32BE(0);
    const moovEnd = moovAt + video.readUInt32BE(moovAt);
    const tagged = Buffer.concat([video.subarray(0, moovEnd), udta, video.subarray(moovEnd)]);
    tagged.writeUInt32BE(moovEnd - moovAt + udta.length, moovAt);
    const meta = await readBytes(tagged);
    assert.deepEqual(meta.gps, { latitude: 40.6782, longitude: -73.9442 });
    assert.equal(meta.taken.timeZone, 'America/New_York');
    assert.equal(meta.taken.local, '2026-11-28T12:00:00');
  });

  it('parses ISO 6709 in degrees, DDMM and DDMMSS forms', () => {
    assert.deepEqual(parseIso6709('+34.0522-118.2437/'), { latitude: 34.0522, longitude: -118.2437 });
    const ddmm = parseIso6709('+4030.5-07400.0/');
    assert.ok(ddmm && Math.abs(ddmm.latitude - 40.508333) < 1e-5 && ddmm.longitude === -74);
    const ddmmss = parseIso6709('-335130+1511255/');
    assert.ok(
      ddmmss &&
        Math.abs(ddmmss.latitude - -33.858333) < 1e-5 &&
        Math.abs(ddmmss.longitude - 151.215278) < 1e-5,
    );
    assert.equal(parseIso6709('garbage'), null);
    assert.equal(parseIso6709('+00.0000+000.0000/'), null);
  });
});
