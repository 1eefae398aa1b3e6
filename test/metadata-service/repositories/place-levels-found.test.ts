import assert from 'node:assert/strict';
import { photoQuerySchema } from '../../../common/contracts';
import { PhotoRepository } from '../../../metadata-service/repositories/photo-repository';
import { placeLevelsFound } from '../../../metadata-service/repositories/place-levels-found';
import { describeOnEachEngine, type TestLibraryDatabase } from './library-engines';
import { keywords, photoRecord } from './photo-records';

/** The levels a place name is stored at, per owner: what lets a search at any level read one index range. */
describeOnEachEngine('Place levels found', (engine) => {
  let database: TestLibraryDatabase;

  before(async () => {
    database = await engine.open();
    const repo = new PhotoRepository(database.db);
    await repo.insertPhotos([
      {
        photo: photoRecord('alice', 'ph_sm', {
          place: { city: 'Santa Monica', region: 'California', country: 'United States', countryCode: 'US' },
        }),
        labels: keywords('beach'),
      },
      {
        // Another owner's photo in Paris: never a level of alice's.
        photo: photoRecord('bob', 'ph_paris', {
          place: { city: 'Paris', region: 'Île-de-France', country: 'France', countryCode: 'FR' },
        }),
        labels: keywords('beach'),
      },
    ]);
  });
  after(() => database.cleanup());

  const found = (owner: string, places: { name: string; level?: 'city' | 'region' | 'continent' }[]) =>
    placeLevelsFound(database.db, owner, photoQuerySchema.parse({ places }));

  it('finds each name at the levels the owner has a photo of it, compared without case', async () => {
    const levels = await found('alice', [{ name: 'santa monica' }, { name: 'CALIFORNIA', level: 'city' }]);
    assert.deepEqual([...(levels.get('santa monica') ?? [])], ['city']);
    // A name asked at one level is probed at that level only: the filter reads no other.
    assert.deepEqual([...(levels.get('CALIFORNIA') ?? [])], []);
    const anyLevel = await found('alice', [{ name: 'CALIFORNIA' }]);
    assert.deepEqual([...(anyLevel.get('CALIFORNIA') ?? [])], ['region']);
  });

  it("finds no level for a name only another owner has, or nobody has; a qualified name's parts are probed", async () => {
    const levels = await found('alice', [
      { name: 'Paris' },
      { name: 'Atlantis' },
      { name: 'Santa Monica, California' },
    ]);
    assert.equal(levels.get('Paris')?.size, 0);
    assert.equal(levels.get('Atlantis')?.size, 0);
    assert.equal(levels.get('Santa Monica, California')?.size, 0);
    assert.deepEqual([...(levels.get('Santa Monica') ?? [])], ['city']);
    assert.deepEqual([...(levels.get('California') ?? [])], ['region']);
  });

  it("probes a continent's countries from one list: only the owner's, whatever the case", async () => {
    const levels = await found('alice', [{ name: 'North America', level: 'continent' }]);
    assert.ok(levels.size > 8, 'more names than arms');
    assert.deepEqual([...(levels.get('United States') ?? [])], ['country']);
    assert.deepEqual([...(levels.get('Canada') ?? [])], []);
    // Bob's France is not alice's.
    const europe = await found('alice', [{ name: 'Europe', level: 'continent' }]);
    assert.deepEqual([...(europe.get('France') ?? [])], []);
    assert.ok([...europe.values()].every((stored) => stored.size === 0));
    const bobsEurope = await found('bob', [{ name: 'europe' }]);
    assert.deepEqual([...(bobsEurope.get('France') ?? [])], ['country']);
  });

  it('probes nothing for a query without places', async () => {
    const levels = await found('alice', []);
    assert.equal(levels.size, 0);
  });

  it('searches a name at any level exactly as at its stored level, and an unknown name finds nothing', async () => {
    const repo = new PhotoRepository(database.db);
    const search = async (places: { name: string; level?: 'city' }[]) =>
      (
        await repo.search('alice', photoQuerySchema.parse({ places, order: 'newest' }), {
          limit: 10,
          offset: 0,
        })
      ).photos.map((p) => p.id);
    assert.deepEqual(await search([{ name: 'Santa Monica' }]), ['ph_sm']);
    assert.deepEqual(await search([{ name: 'Santa Monica', level: 'city' }]), ['ph_sm']);
    assert.deepEqual(await search([{ name: 'Paris' }]), []);
    assert.deepEqual(await search([{ name: 'Paris' }, { name: 'California' }]), ['ph_sm']);
  });
});
