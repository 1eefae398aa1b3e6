import assert from 'node:assert/strict';
import { PLACE_FILTER_LEVELS } from '../../../common/contracts';
import { placeFromNames } from '../../../metadata-service/places/place-from-names';
import { reverseGeocode } from '../../../metadata-service/places/reverse-geocode';
import { PhotoRepository } from '../../../metadata-service/repositories/photo-repository';
import { placesInUse } from '../../../metadata-service/repositories/places-in-use';
import { describeOnEachEngine, type TestLibraryDatabase } from './library-engines';
import { photoRecord } from './photo-records';

describeOnEachEngine('Places in use', (engine) => {
  let database: TestLibraryDatabase;

  beforeEach(async () => {
    database = await engine.open();
  });
  afterEach(() => database.cleanup());

  it("lists every level of the owner's places once, and none of another owner's", async () => {
    const repo = new PhotoRepository(database.db);
    const santaMonica = reverseGeocode(34.0095, -118.497);
    await repo.insertPhoto(photoRecord('alice', 'ph_1', { place: santaMonica }), []);
    await repo.insertPhoto(photoRecord('alice', 'ph_2', { place: santaMonica }), []);
    await repo.insertPhoto(
      photoRecord('alice', 'ph_3', { place: placeFromNames({ sublocation: 'Pier', city: 'Santa Monica' }) }),
      [],
    );
    await repo.insertPhoto(photoRecord('alice', 'ph_4', { place: null }), []);
    await repo.insertPhoto(photoRecord('bob', 'ph_5', { place: reverseGeocode(48.8584, 2.2945) }), []);

    const places = await placesInUse(database.db, 'alice');
    const sort = (list: typeof places) =>
      [...list].sort((a, b) => `${a.level}:${a.name}`.localeCompare(`${b.level}:${b.name}`));
    assert.deepEqual(
      sort(places),
      sort([
        { level: 'sublocation', name: 'Pier' },
        { level: 'city', name: 'Santa Monica' },
        { level: 'metro', name: 'Los Angeles' },
        { level: 'county', name: 'Los Angeles County' },
        { level: 'region', name: 'California' },
        { level: 'country', name: 'United States' },
      ]),
    );
    assert.deepEqual(await placesInUse(database.db, 'nobody'), []);
  });

  it('lists the finest levels first, then by name, whatever order the photos came in', async () => {
    const repo = new PhotoRepository(database.db);
    // Cornwall (England) first, so the United Kingdom row is read before the Scotland one.
    await repo.insertPhoto(photoRecord('alice', 'ph_1', { place: reverseGeocode(50.266, -5.0527) }), []);
    await repo.insertPhoto(photoRecord('alice', 'ph_2', { place: reverseGeocode(57.1497, -2.0943) }), []);
    const places = await placesInUse(database.db, 'alice');
    const levels = places.map((p) => p.level);
    assert.deepEqual(
      levels,
      [...levels].sort((a, b) => PLACE_FILTER_LEVELS.indexOf(a) - PLACE_FILTER_LEVELS.indexOf(b)),
    );
    const regions = places.filter((p) => p.level === 'region').map((p) => p.name);
    assert.deepEqual(
      regions,
      [...regions].sort((a, b) => a.localeCompare(b)),
    );
    assert.ok(regions.includes('Scotland'), regions.join(', '));
    assert.equal(places.at(-1)?.name, 'United Kingdom');
  });
});
