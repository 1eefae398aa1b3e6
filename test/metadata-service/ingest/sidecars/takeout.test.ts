import assert from 'node:assert/strict';
import type { PhotoMetadata } from '../../../../metadata-service/ingest/photo-metadata';
import {
  applyTakeoutSidecar,
  parseTakeoutAlbum,
  parseTakeoutSidecar,
  takeoutSidecarNames,
  type TakeoutSidecar,
} from '../../../../metadata-service/ingest/sidecars/takeout';

function metadata(overrides: Partial<PhotoMetadata> = {}): PhotoMetadata {
  return {
    mediaType: 'image/jpeg',
    mediaKind: 'photo',
    width: 4000,
    height: 3000,
    orientation: 1,
    durationMs: null,
    taken: {
      local: '2024-05-06T07:08:09',
      utc: null,
      source: 'file-modified',
      timeZone: null,
      timeZoneSource: null,
    },
    gps: null,
    camera: { make: null, model: null },
    keywords: [],
    title: null,
    description: null,
    people: [],
    favorite: false,
    rating: null,
    albums: [],
    perceptualHash: '0123456789abcdef',
    isScreenshot: false,
    location: {},
    hierarchicalKeywords: [],
    capture: { lens: null, projection: null, greyscale: false },
    ...overrides,
  };
}

function sidecar(json: unknown): TakeoutSidecar {
  const parsed = parseTakeoutSidecar(json);
  assert.ok(parsed.ok, parsed.ok ? '' : parsed.reason);
  return parsed.value;
}

describe('Google Takeout sidecars', () => {
  describe('takeoutSidecarNames', () => {
    it('lists the plain and supplemental-metadata names first', () => {
      const names = takeoutSidecarNames('IMG_1.JPG');
      assert.deepEqual(names.slice(0, 2), ['IMG_1.JPG.json', 'IMG_1.JPG.supplemental-metadata.json']);
      assert.ok(names.includes('IMG_1.json'));
    });

    it('cuts long names the way Takeout does (51 characters with .json)', () => {
      const name = 'PXL_20230704_193000123.NIGHT.PORTRAIT-01.COVER.jpg'; // 50 characters
      const names = takeoutSidecarNames(name);
      assert.ok(names.includes(`${name.slice(0, 46)}.json`));
      const supplemental = takeoutSidecarNames('IMG_20200101_123456789_HDR.jpg');
      const cut = 'IMG_20200101_123456789_HDR.jpg.supplemental-me.json';
      assert.equal(cut.length, 51);
      assert.ok(supplemental.includes(cut), supplemental.join());
      assert.ok(names.every((n) => n.endsWith('.json')));
    });

    it('maps duplicates IMG_1(1).JPG → IMG_1.JPG(1).json', () => {
      const names = takeoutSidecarNames('IMG_1(1).JPG');
      assert.equal(names[0], 'IMG_1.JPG(1).json');
      assert.ok(names.includes('IMG_1.JPG.supplemental-metadata(1).json'));
    });

    it("gives an edited copy its original's sidecar", () => {
      assert.ok(takeoutSidecarNames('IMG_1-edited.JPG').includes('IMG_1.JPG.json'));
      assert.ok(takeoutSidecarNames('IMG_1-bearbeitet.jpg').includes('IMG_1.jpg.json'));
    });
  });

  describe('parsing', () => {
    it('accepts the real shape (string timestamps, extra fields) and rejects a wrong one with a reason', () => {
      const parsed = sidecar({
        title: 'IMG_1.JPG',
        photoTakenTime: { timestamp: '1700000000', formatted: '…' },
        geoData: { latitude: 1.5, longitude: 2.5, altitude: 10, latitudeSpan: 0 },
        url: 'https://photos.google.com/…',
      });
      assert.equal(parsed.photoTakenTime?.timestamp, 1_700_000_000);
      const bad = parseTakeoutSidecar({ people: [{ nom: 'Mom' }] });
      assert.equal(bad.ok, false);
      assert.match(bad.ok ? '' : bad.reason, /people\.0\.name/);
      assert.equal(parseTakeoutSidecar('not an object').ok, false);
    });

    it('reads an album metadata.json title', () => {
      assert.deepEqual(parseTakeoutAlbum({ title: 'Trip to Rome', description: '' }), {
        ok: true,
        value: 'Trip to Rome',
      });
      assert.equal(parseTakeoutAlbum({ title: '  ' }).ok, false);
    });
  });

  describe('applyTakeoutSidecar', () => {
    it('fills date and GPS the file lacks: UTC instant, local time in the GPS zone', () => {
      const merged = applyTakeoutSidecar(
        metadata(),
        sidecar({
          photoTakenTime: { timestamp: '1719855000' },
          geoData: { latitude: 35.0116, longitude: 135.7681 },
        }),
      );
      assert.deepEqual(merged.taken, {
        local: '2024-07-02T02:30:00',
        utc: '2024-07-01T17:30:00.000Z',
        source: 'sidecar',
        timeZone: 'Asia/Tokyo',
        timeZoneSource: 'gps',
      });
      assert.deepEqual(merged.gps, { latitude: 35.0116, longitude: 135.7681 });
    });

    it('without a position keeps the UTC wall time, zone unknown', () => {
      const merged = applyTakeoutSidecar(metadata(), sidecar({ photoTakenTime: { timestamp: 1719855000 } }));
      assert.deepEqual(merged.taken, {
        local: '2024-07-01T17:30:00',
        utc: '2024-07-01T17:30:00.000Z',
        source: 'sidecar',
        timeZone: null,
        timeZoneSource: null,
      });
    });

    it('never overrides the file: EXIF date and GPS win; 0,0 means no position', () => {
      const exifTaken = {
        local: '2024-01-01T10:00:00',
        utc: '2024-01-01T09:00:00.000Z',
        source: 'exif-with-offset' as const,
        timeZone: '+01:00',
        timeZoneSource: 'exif-offset' as const,
      };
      const merged = applyTakeoutSidecar(
        metadata({ taken: exifTaken, gps: { latitude: 48.85, longitude: 2.35 } }),
        sidecar({ photoTakenTime: { timestamp: '1' }, geoData: { latitude: 10, longitude: 10 } }),
      );
      assert.deepEqual(merged.taken, exifTaken);
      assert.deepEqual(merged.gps, { latitude: 48.85, longitude: 2.35 });
      const zero = applyTakeoutSidecar(metadata(), sidecar({ geoData: { latitude: 0, longitude: 0 } }));
      assert.equal(zero.gps, null);
    });

    it('places an EXIF local-only time in the zone of the sidecar position', () => {
      const merged = applyTakeoutSidecar(
        metadata({
          taken: {
            local: '2024-01-15T09:00:00',
            utc: null,
            source: 'exif-local-only',
            timeZone: null,
            timeZoneSource: null,
          },
        }),
        sidecar({ geoDataExif: { latitude: 40.7128, longitude: -74.006 } }),
      );
      assert.equal(merged.taken.source, 'exif-with-gps-zone');
      assert.equal(merged.taken.utc, '2024-01-15T14:00:00.000Z');
      assert.equal(merged.taken.timeZone, 'America/New_York');
    });

    it('beats a video container date, adds description, people and favourite; keeps a real title', () => {
      const merged = applyTakeoutSidecar(
        metadata({
          mediaKind: 'video',
          people: ['Dad'],
          taken: {
            local: '2024-01-01T00:00:00',
            utc: '2024-01-01T00:00:00.000Z',
            source: 'video-container',
            timeZone: null,
            timeZoneSource: null,
          },
        }),
        sidecar({
          title: 'First steps',
          description: ' Our garden ',
          photoTakenTime: { timestamp: '1704100000' },
          people: [{ name: 'Mom' }, { name: 'Dad' }],
          favorited: true,
        }),
      );
      assert.equal(merged.taken.source, 'sidecar');
      assert.equal(merged.title, 'First steps');
      assert.equal(merged.description, 'Our garden');
      assert.deepEqual(merged.people, ['Dad', 'Mom']);
      assert.equal(merged.favorite, true);
    });
  });
});
