import assert from 'node:assert/strict';
import type { PhotoMetadata } from '../../../metadata-service/ingest/photo-metadata';
import { albumsFor, folderAlbumNames, toPhotoRecord } from '../../../metadata-service/ingest/photo-record';
import { photoIdFor } from '../../../metadata-service/ingest/photo-id';

const metadata = (overrides: Partial<PhotoMetadata> = {}): PhotoMetadata => ({
  mediaType: 'image/jpeg',
  mediaKind: 'photo',
  width: 3024,
  height: 4032,
  orientation: 6,
  durationMs: null,
  taken: {
    local: '2025-07-14T15:30:12',
    utc: '2025-07-14T13:30:12.000Z',
    source: 'exif-with-offset',
    timeZone: '+02:00',
    timeZoneSource: 'exif-offset',
  },
  gps: { latitude: 43.2965, longitude: 5.3698 },
  camera: { make: 'Apple', model: 'iPhone 15' },
  keywords: ['Seaside'],
  title: 'Old port',
  description: null,
  people: ['Anna', 'Bob'],
  favorite: true,
  rating: 5,
  albums: ['Summer trip'],
  perceptualHash: '00ff00ff00ff00ff',
  isScreenshot: false,
  location: {},
  hierarchicalKeywords: [],
  capture: { lens: null, projection: null, greyscale: false },
  ...overrides,
});

describe('toPhotoRecord', () => {
  const file = {
    path: 'Travel/Marseille 2025/IMG_1.jpg',
    bytes: 5000,
    modifiedAt: new Date('2025-07-15T00:00:00Z'),
  };
  const base = {
    ownerId: 'owner-a',
    contentHash: 'sha256-abc',
    file,
    sourceRoot: '/photos',
    sourceUri: 'file:///photos/Travel/Marseille%202025/IMG_1.jpg',
    ingestedAt: new Date('2026-01-01T00:00:00Z'),
  };

  it('maps metadata, the reverse-geocoded place, people and folder + Takeout albums to the stored record', () => {
    const calls: [number, number][] = [];
    const record = toPhotoRecord({
      ...base,
      metadata: metadata(),
      geocode: (lat, lon) => {
        calls.push([lat, lon]);
        return {
          city: 'Marseille',
          region: "Provence-Alpes-Côte d'Azur",
          country: 'France',
          countryCode: 'FR',
        };
      },
    });
    assert.deepEqual(calls, [[43.2965, 5.3698]]);
    assert.equal(record.id, photoIdFor('owner-a', 'sha256-abc'));
    assert.equal(record.place?.city, 'Marseille');
    assert.equal(record.timeZone, '+02:00');
    assert.equal(record.timeZoneSource, 'exif-offset');
    assert.equal(record.takenUtc, '2025-07-14T13:30:12.000Z');
    assert.equal(record.favorite, true);
    assert.equal(record.rating, 5);
    assert.equal(record.perceptualHash, '00ff00ff00ff00ff');
    assert.deepEqual(record.people, ['Anna', 'Bob']);
    assert.deepEqual(record.albums, [
      { name: 'Marseille 2025', source: 'folder' },
      { name: 'Summer trip', source: 'takeout' },
    ]);
    assert.equal(record.fileMtime, '2025-07-15T00:00:00.000Z');
  });

  it('has no place without GPS, and no folder album for a photo at the library root', () => {
    const record = toPhotoRecord({
      ...base,
      file: { ...file, path: 'IMG_1.jpg' },
      metadata: metadata({ gps: null, albums: [] }),
      geocode: () => assert.fail('no GPS, no lookup'),
    });
    assert.equal(record.place, null);
    assert.deepEqual(record.albums, []);
  });

  it('takes folder albums from the leaf folder, every folder, or none (LIBRARY_ALBUM_FOLDERS)', () => {
    assert.deepEqual(folderAlbumNames('Travel/Marseille 2025/IMG_1.jpg', 'leaf'), ['Marseille 2025']);
    assert.deepEqual(folderAlbumNames('Travel/Marseille 2025/IMG_1.jpg', 'all'), [
      'Travel',
      'Marseille 2025',
    ]);
    assert.deepEqual(folderAlbumNames('Travel/Marseille 2025/IMG_1.jpg', 'none'), []);
    assert.deepEqual(albumsFor('a/b.jpg', ['  ', 'Trip'], 'none'), [{ name: 'Trip', source: 'takeout' }]);
  });

  it('makes albums only of folders a person named: the deepest one in leaf mode, never filing', () => {
    assert.deepEqual(folderAlbumNames('Summer trip/DCIM/100CANON/IMG_0001.JPG', 'leaf'), ['Summer trip']);
    assert.deepEqual(folderAlbumNames('Takeout/Google Photos/Photos from 2019/IMG_1.jpg', 'leaf'), []);
    assert.deepEqual(folderAlbumNames('Takeout/Google Photos/Photos from 2019/IMG_1.jpg', 'all'), []);
    assert.deepEqual(folderAlbumNames('Phone/Camera/2019/IMG_1.jpg', 'all'), []);
    assert.deepEqual(
      folderAlbumNames(
        'takeout-20231006T063000Z-001/Takeout/Google Photos/Photos from 2019/IMG_1.jpg',
        'leaf',
      ),
      [],
    );
    assert.deepEqual(folderAlbumNames('Photos Library.photoslibrary/originals/F/F1A2.heic', 'all'), []);
    assert.deepEqual(folderAlbumNames('Phone backup/WhatsApp Images/Sent/IMG-1.jpg', 'leaf'), []);
    assert.deepEqual(folderAlbumNames('Trip to Rome/WhatsApp Images/IMG-1.jpg', 'leaf'), ['Trip to Rome']);
    assert.deepEqual(folderAlbumNames('2019/Beach day/2019-07-14/IMG_1.jpg', 'all'), ['Beach day']);
    assert.deepEqual(folderAlbumNames('Google Photos/Summer trip(1)/IMG_1.jpg', 'leaf'), ['Summer trip']);
  });

  it('keeps carried album names (Takeout titles, XMP events) only when they are albums', () => {
    assert.deepEqual(
      albumsFor('Photos from 2019/a.jpg', ['Photos from 2019', 'Untitled', 'Hawaii 2019'], 'leaf'),
      [{ name: 'Hawaii 2019', source: 'takeout' }],
    );
  });

  it('places a photo without GPS by its IPTC/XMP names, through the gazetteer', () => {
    const record = toPhotoRecord({
      ...base,
      metadata: metadata({ gps: null, location: { city: 'München', country: 'Germany' } }),
      geocode: () => assert.fail('no GPS, no reverse geocoding'),
    });
    assert.equal(record.place?.city, 'Munich');
    assert.equal(record.place?.countryCode, 'DE');
    assert.equal(record.latitude, null);
  });

  it('lets GPS win when a photo has both a position and location names', () => {
    const record = toPhotoRecord({
      ...base,
      metadata: metadata({ location: { city: 'Lyon', country: 'France' } }),
      geocode: () => ({ city: 'Marseille', region: null, country: 'France', countryCode: 'FR' }),
      placeFromNames: () => assert.fail('GPS wins'),
    });
    assert.equal(record.place?.city, 'Marseille');
  });
});
