import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { migrateToLatest, openDatabase } from '../../../common/database';
import { LIBRARY_MIGRATIONS, migrateLibraryDatabase } from '../../../metadata-service/database/migrations';
import type { LibraryDatabase } from '../../../metadata-service/database/schema';
import { PhotoRepository } from '../../../metadata-service/repositories/photo-repository';
import { photoQuerySchema } from '../../../common/contracts';
import { scratchEngines } from '../../support/scratch-databases';
import { silentLogger } from '../support/fixtures';

for (const engine of scratchEngines()) {
  describe(`library migration 0006 (place levels) on a library written by 0005, ${engine.name}`, () => {
    it('fills every level for existing photos from their coordinates or names, and makes them searchable', async () => {
      const scratch = await engine.create();
      const db = openDatabase<LibraryDatabase>(scratch.location);
      try {
        const upTo0005 = Object.fromEntries(
          Object.entries(LIBRARY_MIGRATIONS).filter(([name]) => name < '0006'),
        );
        await migrateToLatest(db, 'library', upTo0005);
        // Rows as 0005's code wrote them: city/region/country from the old geocoder, none without GPS.
        const photo = (
          id: string,
          latitude: number | null,
          longitude: number | null,
          place: [string | null, string | null, string | null, string | null],
        ) =>
          sql`insert into photos (id, owner_id, content_hash, bytes, source_root, source_path, source_uri, media_type,
            width, height, orientation, taken_local, taken_utc, taken_time_source, file_mtime, ingested_at,
            latitude, longitude, place_city, place_region, place_country, place_country_code, shuffle_key)
            values (${id}, 'alice', ${`sha-${id}`}, 1, '/p', ${`${id}.jpg`}, ${`file:///p/${id}.jpg`}, 'image/jpeg',
            4, 3, 1, '2019-07-14T10:00:00', null, 'exif-local-only', 'x', 'x', ${latitude}, ${longitude},
            ${place[0]}, ${place[1]}, ${place[2]}, ${place[3]}, 42)`.execute(db);
        await photo('ph_santa_monica', 34.0095, -118.497, [
          'Santa Monica',
          'California',
          'United States',
          'US',
        ]);
        // More than 50 km from a town of 1,000: the old geocoder stored nothing.
        await photo('ph_yellowstone', 44.42, -110.37, [null, null, null, null]);
        await photo('ph_names_only', null, null, ['Newquay', null, 'United Kingdom', null]);
        await photo('ph_nowhere', null, null, [null, null, null, null]);

        await migrateLibraryDatabase(db, silentLogger);

        const rows = await db
          .selectFrom('photos')
          .select([
            'id',
            'place_sublocation',
            'place_city',
            'place_metro',
            'place_county',
            'place_region',
            'place_country',
            'place_country_code',
          ])
          .orderBy('id')
          .execute();
        const byId = new Map(rows.map((r) => [r.id, r]));
        assert.deepEqual(byId.get('ph_santa_monica'), {
          id: 'ph_santa_monica',
          place_sublocation: null,
          place_city: 'Santa Monica',
          place_metro: 'Los Angeles',
          place_county: 'Los Angeles County',
          place_region: 'California',
          place_country: 'United States',
          place_country_code: 'US',
        });
        assert.equal(byId.get('ph_yellowstone')?.place_country, 'United States');
        assert.equal(byId.get('ph_yellowstone')?.place_city, null);
        assert.equal(byId.get('ph_yellowstone')?.place_region, 'Wyoming');
        assert.deepEqual(
          [byId.get('ph_names_only')?.place_county, byId.get('ph_names_only')?.place_region],
          ['Cornwall', 'England'],
        );
        assert.equal(byId.get('ph_nowhere')?.place_country, null);

        const repo = new PhotoRepository(db);
        const found = async (name: string) =>
          (
            await repo.search('alice', photoQuerySchema.parse({ places: [{ name }] }), {
              limit: 10,
              offset: 0,
            })
          ).photos.map((p) => p.id);
        assert.deepEqual(await found('Los Angeles'), ['ph_santa_monica']);
        assert.deepEqual(await found('Cornwall'), ['ph_names_only']);
        assert.deepEqual((await found('United States')).sort(), ['ph_santa_monica', 'ph_yellowstone']);
      } finally {
        await db.destroy();
        await scratch.drop();
      }
    });
  });
}
