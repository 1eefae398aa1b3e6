import assert from 'node:assert/strict';
import type { PhotoMetadata } from '../../../../metadata-service/ingest/photo-metadata';
import { applyXmpSidecar, xmpSidecarNames } from '../../../../metadata-service/ingest/sidecars/xmp-sidecar';

const metadata = (overrides: Partial<PhotoMetadata> = {}): PhotoMetadata => ({
  mediaType: 'image/heic',
  mediaKind: 'photo',
  width: 4032,
  height: 3024,
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
  camera: { make: 'Apple', model: 'iPhone 15' },
  keywords: ['Family'],
  title: 'From the file',
  description: null,
  people: ['Anna'],
  favorite: false,
  rating: null,
  albums: [],
  perceptualHash: '0123456789abcdef',
  isScreenshot: false,
  location: {},
  hierarchicalKeywords: [],
  capture: { lens: null, projection: null, greyscale: false },
  ...overrides,
});

const sidecar = (inner: string): string =>
  '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
  '<rdf:Description rdf:about="" xmlns:exif="http://ns.adobe.com/exif/1.0/" xmlns:xmp="http://ns.adobe.com/xap/1.0/"' +
  ` xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">${inner}` +
  '</rdf:Description></rdf:RDF></x:xmpmeta>';

describe('XMP sidecars', () => {
  it('are looked for as IMG_1.HEIC.xmp and IMG_1.xmp, lower-case', () => {
    assert.deepEqual(xmpSidecarNames('IMG_1.HEIC'), ['img_1.heic.xmp', 'img_1.xmp']);
    assert.deepEqual(xmpSidecarNames('noext'), ['noext.xmp']);
  });

  it('fill what the file lacks and add to its lists; the file wins where it has data', () => {
    const merged = applyXmpSidecar(
      metadata(),
      sidecar(
        '<exif:GPSLatitude>33,51,54.5S</exif:GPSLatitude><exif:GPSLongitude>151,12.6W</exif:GPSLongitude>' +
          '<xmp:Rating>5</xmp:Rating><photoshop:DateCreated>2019-12-31T23:30:00+11:00</photoshop:DateCreated>' +
          '<dc:title><rdf:Alt><rdf:li xml:lang="x-default">From the sidecar</rdf:li></rdf:Alt></dc:title>' +
          '<dc:subject><rdf:Bag><rdf:li>Fireworks</rdf:li></rdf:Bag></dc:subject>' +
          '<photoshop:City>Sydney</photoshop:City>',
      ),
    );
    assert.ok(
      merged.gps &&
        Math.abs(merged.gps.latitude + 33.86514) < 1e-4 &&
        Math.abs(merged.gps.longitude + 151.21) < 1e-4,
    );
    assert.deepEqual([merged.taken.local, merged.taken.source], ['2019-12-31T23:30:00', 'exif-with-offset']);
    assert.deepEqual(merged.keywords, ['Family', 'Fireworks']);
    assert.equal(merged.title, 'From the file');
    assert.deepEqual([merged.rating, merged.favorite], [5, true]);
    assert.deepEqual(merged.location, { city: 'Sydney' });
    assert.deepEqual(merged.people, ['Anna']);
  });

  it('never takes a position that is out of range, 0,0 or malformed, nor replaces the file’s own', () => {
    const bad = (lat: string, lon: string) =>
      applyXmpSidecar(
        metadata(),
        sidecar(`<exif:GPSLatitude>${lat}</exif:GPSLatitude><exif:GPSLongitude>${lon}</exif:GPSLongitude>`),
      ).gps;
    assert.equal(bad('95,0N', '10,0E'), null);
    assert.equal(bad('0,0N', '0,0E'), null);
    assert.equal(bad('48.85', '2.29'), null);
    const own = { latitude: 1, longitude: 2 };
    const kept = applyXmpSidecar(
      metadata({ gps: own }),
      sidecar('<exif:GPSLatitude>10,0N</exif:GPSLatitude><exif:GPSLongitude>10,0E</exif:GPSLongitude>'),
    );
    assert.deepEqual(kept.gps, own);
    assert.deepEqual(applyXmpSidecar(metadata(), 'not xml at all').keywords, ['Family']);
  });
});
