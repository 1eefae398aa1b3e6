import assert from 'node:assert/strict';
import { albumDisplayName, isAlbumName, notAlbumReason } from '../../../metadata-service/ingest/album-names';

/** Folder names as real exports and people's libraries have them, with what each one is. */
const NOT_ALBUMS: readonly [string, string][] = [
  // Dates and Takeout's automatic year folders, in the locales Takeout writes them.
  ['2019', 'date'],
  ['2019-07', 'date'],
  ['2019_07_14', 'date'],
  ['20190714', 'date'],
  ['2019-07-14', 'date'],
  ['July 2019', 'date'],
  ['2019 Juli', 'date'],
  ['Photos from 2019', 'date'],
  ['Photos from 2026', 'date'],
  ['Fotos von 2019', 'date'],
  ['Photos de 2019', 'date'],
  ['Fotos de 2019', 'date'],
  ['Foto del 2019', 'date'],
  ["Foto's uit 2019", 'date'],
  ['Zdjęcia z 2019', 'date'],
  ['Pictures 2019', 'date'],
  ['2019 Photos', 'date'],
  // Camera cards (DCF) and devices.
  ['DCIM', 'filing'],
  ['100CANON', 'camera-folder'],
  ['100APPLE', 'camera-folder'],
  ['100MSDCF', 'camera-folder'],
  ['101NIKON', 'camera-folder'],
  ['100_FUJI', 'camera-folder'],
  ['100GOPRO', 'camera-folder'],
  ['Camera', 'filing'],
  ['Camera Roll', 'filing'],
  ['Phone', 'filing'],
  ['iPhone 12 Pro', 'device'],
  ['Galaxy S21', 'device'],
  ['Canon EOS R6', 'device'],
  ['Pixel 7a', 'device'],
  // Apps and services.
  ['Screenshots', 'filing'],
  ['Screen Shots', 'filing'],
  ['WhatsApp Images', 'filing'],
  ['WhatsApp Video', 'filing'],
  ['Sent', 'filing'],
  ['Telegram', 'filing'],
  ['Telegram Images', 'filing'],
  ['Instagram', 'filing'],
  ['Mobile Uploads', 'filing'],
  ['Google Photos', 'filing'],
  ['Camera Uploads', 'filing'],
  ['Screenshots 2020', 'filing'],
  // Storage and exporters.
  ['Download', 'filing'],
  ['Downloads', 'filing'],
  ['Misc', 'filing'],
  ['Backup', 'filing'],
  ['Pictures', 'filing'],
  ['My Pictures', 'filing'],
  ['Photos', 'filing'],
  ['My Photos', 'date'],
  ['Export', 'filing'],
  ['Takeout', 'filing'],
  ['Untitled', 'filing'],
  ['Untitled(3)', 'filing'],
  ['Sans titre(9)', 'filing'],
  ['New Folder', 'filing'],
  ['Neuer Ordner', 'filing'],
  ['Archive', 'filing'],
  ['takeout-20231006T063000Z-001', 'filing'],
  ['Takeout 2', 'filing'],
  ['Photos Library.photoslibrary', 'filing'],
  ['F', 'filing'],
  ['   ', 'empty'],
];

const ALBUMS: readonly string[] = [
  'Summer trip',
  'Beach day',
  "Anna's wedding 2019",
  'Beach 2026',
  'Paris, July 14, 2019',
  'Christmas 2024',
  'Winter 2025-26',
  'Home',
  'Family',
  'New York',
  'Old Town',
  'Birthday card',
  'Wedding video',
  'Pixel art',
  'Holiday photos',
  'The Alps',
  'Hochzeit Anna & Ben',
  'Camping in Cornwall',
];

describe('album names', () => {
  it('never makes an album of dates, Takeout year folders, camera, device, app or storage folders', () => {
    for (const [name, reason] of NOT_ALBUMS) {
      assert.equal(notAlbumReason(name), reason, name);
      assert.equal(isAlbumName(name), false, name);
    }
  });

  it('makes an album of every folder or title a person named', () => {
    for (const name of ALBUMS) assert.equal(notAlbumReason(name), undefined, name);
  });

  it("shows an album without Takeout's duplicate counter", () => {
    assert.equal(albumDisplayName(' Summer trip(1) '), 'Summer trip');
    assert.equal(albumDisplayName('Trip (2)'), 'Trip');
    assert.equal(albumDisplayName('Route 66'), 'Route 66');
  });
});
