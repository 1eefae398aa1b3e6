import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { photoQuerySchema, type PhotoQueryInput } from '../../../common/contracts';
import { findPlacesByName } from '../../../metadata-service/places/find-places';
import type { Place } from '../../../metadata-service/places/place';
import { placeFromNames } from '../../../metadata-service/places/place-from-names';
import { reverseGeocode } from '../../../metadata-service/places/reverse-geocode';
import { matchingPhotos } from '../../../metadata-service/repositories/photo-filters';
import { PhotoRepository } from '../../../metadata-service/repositories/photo-repository';
import { describeOnEachEngine, type TestLibraryDatabase } from './library-engines';
import { photoRecord } from './photo-records';

const A = 'owner-a';
const B = 'owner-b';

function gps(latitude: number, longitude: number): Place {
  const place = reverseGeocode(latitude, longitude);
  assert.ok(place, `no place at ${latitude},${longitude}`);
  return place;
}

function named(names: Parameters<typeof placeFromNames>[0]): Place {
  const place = placeFromNames(names);
  assert.ok(place);
  return place;
}

/** Places as ingest stores them: from GPS (reverse geocoding) or, without GPS, from IPTC names. */
const LIBRARY: [string, () => Place | null][] = [
  ['ph_santa_monica', () => gps(34.0095, -118.497)],
  ['ph_downtown_la', () => gps(34.0522, -118.2437)],
  ['ph_anaheim', () => gps(33.8121, -117.919)],
  ['ph_paris_fr', () => gps(48.8584, 2.2945)],
  ['ph_paris_tx', () => named({ city: 'Paris', region: 'Texas', countryCode: 'US' })],
  ['ph_newquay', () => gps(50.415, -5.073)],
  ['ph_yellowstone', () => gps(44.42, -110.37)],
  ['ph_munich', () => named({ city: 'München', country: 'Deutschland' })],
  ['ph_brooklyn', () => gps(40.6782, -73.9442)],
  ['ph_shibuya', () => gps(35.6595, 139.7005)],
  ['ph_nowhere', () => null],
];

describeOnEachEngine('Place filters', (engine) => {
  let database: TestLibraryDatabase;
  let repo: PhotoRepository;

  beforeEach(async () => {
    database = await engine.open();
    repo = new PhotoRepository(database.db);
    for (const [id, place] of LIBRARY) {
      const day = String(LIBRARY.findIndex(([other]) => other === id) + 1).padStart(2, '0');
      const taken = `2026-07-${day}T10:00:00`;
      assert.equal(
        await repo.insertPhoto(photoRecord(A, id, { takenLocal: taken, place: place() }), []),
        true,
      );
    }
    // Another owner's photo in the same city is never found.
    await repo.insertPhoto(photoRecord(B, 'ph_b_la', { place: gps(34.0522, -118.2437) }), []);
  });
  afterEach(() => database.cleanup());

  const ids = async (places: PhotoQueryInput['places']): Promise<string[]> => {
    const response = await repo.search(A, photoQuerySchema.parse({ places }), { limit: 100, offset: 0 });
    return response.photos.map((p) => p.id).sort();
  };
  /** The filter the free-text parser builds from a name: the gazetteer's first reading. */
  const asSaid = (name: string) => {
    const [match] = findPlacesByName(name);
    assert.ok(match, `${name} is a place`);
    return [{ name: match.name, level: match.level }];
  };

  it('finds a suburb by its metropolitan city, and the city alone at the city level', async () => {
    assert.deepEqual(await ids(asSaid('Los Angeles')), ['ph_downtown_la', 'ph_santa_monica']);
    assert.deepEqual(await ids([{ name: 'Los Angeles' }]), ['ph_downtown_la', 'ph_santa_monica']);
    assert.deepEqual(await ids([{ name: 'Los Angeles', level: 'city' }]), ['ph_downtown_la']);
    assert.deepEqual(await ids(asSaid('Santa Monica')), ['ph_santa_monica']);
    // Anaheim is in Orange County, not in the Los Angeles metro (the county line is the region's, not the rule's).
    assert.deepEqual(await ids([{ name: 'Los Angeles County' }]), ['ph_downtown_la', 'ph_santa_monica']);
  });

  it('finds counties and regions, said in English or German', async () => {
    assert.deepEqual(await ids(asSaid('Orange County')), ['ph_anaheim']);
    assert.deepEqual(await ids(asSaid('Cornwall')), ['ph_newquay']);
    assert.deepEqual(await ids(asSaid('Oberbayern')), ['ph_munich']);
    assert.deepEqual(await ids(asSaid('Bayern')), ['ph_munich']);
    assert.deepEqual(await ids(asSaid('Deutschland')), ['ph_munich']);
    assert.deepEqual(await ids(asSaid('California')), ['ph_anaheim', 'ph_downtown_la', 'ph_santa_monica']);
  });

  it('gives a photo in a national park its country', async () => {
    assert.deepEqual(await ids(asSaid('USA')), [
      'ph_anaheim',
      'ph_brooklyn',
      'ph_downtown_la',
      'ph_paris_tx',
      'ph_santa_monica',
      'ph_yellowstone',
    ]);
  });

  it('matches every same-named place without a level, and one when qualified', async () => {
    assert.deepEqual(await ids([{ name: 'Paris' }]), ['ph_paris_fr', 'ph_paris_tx']);
    assert.deepEqual(await ids(asSaid('Paris Texas')), ['ph_paris_tx']);
    assert.deepEqual(await ids(asSaid('Paris, France')), ['ph_paris_fr']);
    assert.deepEqual(await ids([{ name: 'Paris, Texas', level: 'city' }]), ['ph_paris_tx']);
    assert.deepEqual(await ids([{ name: 'Paris, Nowhere' }]), []);
  });

  it('reads a name as heard (a voice slot) as the gazetteer does: German, unqualified, a ward without "-ku"', async () => {
    assert.deepEqual(await ids([{ name: 'München' }]), ['ph_munich']);
    assert.deepEqual(await ids([{ name: 'München', level: 'city' }]), ['ph_munich']);
    assert.deepEqual(await ids([{ name: 'München', level: 'country' }]), []);
    assert.deepEqual(await ids([{ name: 'Paris Texas' }]), ['ph_paris_tx']);
    assert.deepEqual(await ids([{ name: 'Shibuya' }]), ['ph_shibuya']);
    assert.deepEqual(await ids([{ name: 'Blorptastic' }]), []);
  });

  it('finds a borough as itself and as its metro', async () => {
    assert.deepEqual(await ids([{ name: 'Brooklyn' }]), ['ph_brooklyn']);
    assert.deepEqual(await ids([{ name: 'Brooklyn', level: 'city' }]), ['ph_brooklyn']);
    assert.deepEqual(await ids([{ name: 'New York City', level: 'metro' }]), ['ph_brooklyn']);
    assert.deepEqual(await ids([{ name: 'NYC' }]), ['ph_brooklyn']);
  });

  it('answers a known place without photos with nothing, never with everything', async () => {
    assert.deepEqual(asSaid('Italy'), [{ name: 'Italy', level: 'country' }]);
    assert.deepEqual(await ids(asSaid('Italy')), []);
    assert.deepEqual(await ids([{ name: "x' or 1=1 --" }]), []);
  });

  it('finds a continent or world region by the countries in it, as said or with its level', async () => {
    const europe = ['ph_munich', 'ph_newquay', 'ph_paris_fr'];
    assert.deepEqual(await ids([{ name: 'Europe', level: 'continent' }]), europe);
    assert.deepEqual(await ids([{ name: 'europe' }]), europe);
    assert.deepEqual(await ids([{ name: 'Europa' }]), europe);
    assert.deepEqual(await ids([{ name: 'Western Europe', level: 'continent' }]), [
      'ph_munich',
      'ph_paris_fr',
    ]);
    assert.deepEqual(await ids([{ name: 'Eastern Asia' }]), ['ph_shibuya']);
    // North America is its countries, not a town called North; France's overseas parts do not put Paris there.
    assert.deepEqual(await ids([{ name: 'north america' }]), await ids(asSaid('USA')));
    assert.deepEqual(await ids([{ name: 'the Caribbean' }]), []);
    assert.deepEqual(await ids([{ name: 'Africa', level: 'continent' }]), []);
    // A name that is no continent at the continent level matches nothing, never everything.
    assert.deepEqual(await ids([{ name: 'Paris', level: 'continent' }]), []);
  });

  it("counts a continent from its countries' month rows, the total its pages hold", async () => {
    const statements: string[] = [];
    const traced = database.db.withPlugin({
      transformQuery(args) {
        statements.push(database.db.getExecutor().compileQuery(args.node, args.queryId).sql);
        return args.node;
      },
      transformResult: (args) => Promise.resolve(args.result),
    });
    const europe = photoQuerySchema.parse({ places: [{ name: 'Europe', level: 'continent' }] });
    const response = await new PhotoRepository(traced).search(A, europe, { limit: 100, offset: 0 });
    assert.equal(response.total, 3);
    assert.deepEqual(response.span, { first: '2026-07-04T10:00:00', last: '2026-07-08T10:00:00' });
    assert.ok(
      statements.some((statement) => statement.includes('sum(photos)')),
      statements.join('\n'),
    );
    assert.ok(!statements.some((statement) => statement.includes('count(*)')), statements.join('\n'));
    // Paged country by country and merged: the same order and pages as one sorted list.
    const newest = photoQuerySchema.parse({ ...europe, order: 'newest' });
    const page = async (offset: number) =>
      (await new PhotoRepository(traced).search(A, newest, { limit: 2, offset })).photos.map(
        (photo) => photo.id,
      );
    statements.length = 0;
    assert.deepEqual(await page(0), ['ph_munich', 'ph_newquay']);
    assert.deepEqual(await page(1), ['ph_newquay', 'ph_paris_fr']);
    assert.ok(
      statements.some((statement) => statement.includes('as "parts"')),
      statements.join('\n'),
    );
  });

  it("keeps a person's place name in the photo's facts, with the metro and county as extras", async () => {
    const facts = await repo.getPhoto(A, 'ph_santa_monica');
    assert.deepEqual(facts?.place, {
      city: 'Santa Monica',
      region: 'California',
      country: 'United States',
      countryCode: 'US',
      metro: 'Los Angeles',
      county: 'Los Angeles County',
    });
    const [caption] = await repo.describePhotos(A, ['ph_santa_monica']);
    assert.deepEqual(caption?.place, {
      city: 'Santa Monica',
      region: 'California',
      country: 'United States',
    });
  });

  if (engine.name === 'SQLite') {
    it('reads the per-level indexes: one level is one index range, any level an OR of index ranges', async () => {
      // A library big enough for the planner's statistics to tell the owner apart from a place (5,000 photos in
      // 100 towns), then ANALYZE as the library does after ingest.
      await sql`with recursive n(i) as (select 1 union all select i + 1 from n where i < 5000)
        insert into photos (id, owner_id, content_hash, bytes, source_root, source_path, source_uri, media_type,
          width, height, orientation, taken_local, taken_time_source, file_mtime, ingested_at, place_city,
          place_metro, place_region, place_country, shuffle_key)
        select 'ph_bulk_' || i, ${A}, 'bulk-' || i, 1, '/p', 'bulk/' || i || '.jpg', 'file:///p/bulk/' || i, 'image/jpeg',
          4, 3, 1, '2020-01-01T00:00:00', 'exif-local-only', 'x', 'x', 'Town ' || (i % 100), 'Metro ' || (i % 10),
          'Region ' || (i % 5), 'Country ' || (i % 2), i from n`.execute(database.db);
      await repo.refreshStatistics();
      const oneLevel = await explain(database, [{ name: 'Los Angeles', level: 'metro' }]);
      assert.match(oneLevel, /photos_owner_metro_idx/);
      const anyLevel = await explain(database, [{ name: 'Los Angeles' }]);
      for (const level of ['sublocation', 'city', 'metro', 'county', 'region', 'country']) {
        assert.match(anyLevel, new RegExp(`photos_owner_${level}_idx`));
      }
      assert.doesNotMatch(anyLevel, /SCAN photos(?! USING)/);
    });
  }
});

async function explain(database: TestLibraryDatabase, places: PhotoQueryInput['places']): Promise<string> {
  const query = photoQuerySchema.parse({ places });
  const compiled = matchingPhotos(database.db, { ownerId: A, query, hiddenPeople: [], hiddenAlbums: [] })
    .select('photos.id')
    .compile();
  const result = await database.db.executeQuery<{ detail: string }>({
    ...compiled,
    sql: `explain query plan ${compiled.sql}`,
  });
  return result.rows.map((r) => r.detail).join('\n');
}
