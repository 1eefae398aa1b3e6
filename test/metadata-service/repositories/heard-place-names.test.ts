import assert from 'node:assert/strict';
import { photoQuerySchema, type PhotoQueryInput } from '../../../common/contracts';
import { reverseGeocode } from '../../../metadata-service/places/reverse-geocode';
import { PhotoRepository } from '../../../metadata-service/repositories/photo-repository';
import { describeOnEachEngine, type TestLibraryDatabase } from './library-engines';
import { photoRecord } from './photo-records';

const A = 'owner-a';

/**
 * A place as a voice slot hears it, with no level: an abbreviation the gazetteer reads as a place means that place,
 * not every place that shares its English name at another level.
 */
describeOnEachEngine('Place names as heard, read through the gazetteer', (engine) => {
  let database: TestLibraryDatabase;
  let repo: PhotoRepository;

  beforeEach(async () => {
    database = await engine.open();
    repo = new PhotoRepository(database.db);
    const places: [string, number, number][] = [
      ['ph_seattle', 47.6062, -122.3321],
      ['ph_white_house', 38.8977, -77.0365],
      ['ph_manhattan', 40.758, -73.9855],
    ];
    for (const [index, [id, latitude, longitude]] of places.entries()) {
      const place = reverseGeocode(latitude, longitude);
      assert.ok(place, id);
      await repo.insertPhoto(photoRecord(A, id, { takenLocal: `2026-07-0${index + 1}T10:00:00`, place }), []);
    }
  });
  afterEach(() => database.cleanup());

  const ids = async (places: PhotoQueryInput['places']): Promise<string[]> => {
    const response = await repo.search(A, photoQuerySchema.parse({ places }), { limit: 100, offset: 0 });
    return response.photos.map((photo) => photo.id).sort();
  };

  it('"DC" is Washington, D.C., never the state of Washington (Seattle)', async () => {
    assert.deepEqual(await ids([{ name: 'dc' }]), ['ph_white_house']);
    // "Washington" said alone is every Washington: the state and the city.
    assert.deepEqual(await ids([{ name: 'washington' }]), ['ph_seattle', 'ph_white_house']);
    assert.deepEqual(await ids([{ name: 'nyc' }]), ['ph_manhattan']);
  });
});
