import { sql, type Kysely, type Migration } from 'kysely';
import type { LibraryDatabase } from './schema';
import { placeColumns, type PlaceColumns } from '../places/place-columns';
import { placeFromNames } from '../places/place-from-names';
import type { Place } from '../places/place';
import { reverseGeocode } from '../places/reverse-geocode';

/** Rows read per round trip while filling the new columns (also the cap on ids in one UPDATE … IN). */
const BATCH = 500;

/**
 * Issue 11 (places like people say them): a photo belongs to every level a person may name its place at —
 * sublocation ("Bogenhausen"), city, metro ("Los Angeles" for Santa Monica), county ("Cornwall"), region, country —
 * each searchable from its own owner-first index like the 0002 city/region/country ones, so a place filter at one
 * level is one index range, and at any level an OR of index ranges. Existing photos are placed again from their
 * coordinates (country by boundary now, so photos in national parks gain a country and region) or, without GPS,
 * from the names they already carry.
 */
export const placeLevelsMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    for (const column of [
      'place_sublocation',
      'place_metro',
      'place_county',
      'place_region_code',
      'place_county_code',
    ]) {
      await db.schema.alterTable('photos').addColumn(column, 'text').execute();
    }
    // Filled before the new indexes exist: a million rows rewritten without maintaining three more indexes.
    await placeExistingPhotos(db as Kysely<LibraryDatabase>);
    for (const level of ['sublocation', 'metro', 'county'] as const) {
      await sql`create index ${sql.raw(`photos_owner_${level}_idx`)} on photos (owner_id, lower(${sql.ref(
        `place_${level}`,
      )}), taken_local, left_out, id)`.execute(db);
    }
  },
  async down(db: Kysely<unknown>): Promise<void> {
    for (const level of ['sublocation', 'metro', 'county']) {
      await db.schema.dropIndex(`photos_owner_${level}_idx`).execute();
    }
    for (const column of [
      'place_county_code',
      'place_region_code',
      'place_county',
      'place_metro',
      'place_sublocation',
    ]) {
      await db.schema.alterTable('photos').dropColumn(column).execute();
    }
  },
};

/** Every photo with coordinates or place names, in id order, a batch at a time. */
export async function placeExistingPhotos(db: Kysely<LibraryDatabase>): Promise<number> {
  let after = '';
  let placed = 0;
  for (;;) {
    const rows = await db
      .selectFrom('photos')
      .select([
        'id',
        'latitude',
        'longitude',
        'place_city',
        'place_region',
        'place_country',
        'place_country_code',
      ])
      .where('id', '>', after)
      .where((eb) =>
        eb.or([
          eb('latitude', 'is not', null),
          eb('place_city', 'is not', null),
          eb('place_region', 'is not', null),
          eb('place_country', 'is not', null),
        ]),
      )
      .orderBy('id')
      .limit(BATCH)
      .execute();
    if (rows.length === 0) return placed;
    // Photos come in clusters (a trip, a burst): one UPDATE per distinct place in the batch, not per photo.
    const idsByPlace = new Map<string, { columns: PlaceColumns; ids: string[] }>();
    for (const row of rows) {
      const place: Place | null =
        row.latitude !== null && row.longitude !== null
          ? reverseGeocode(Number(row.latitude), Number(row.longitude))
          : placeFromNames({
              city: row.place_city,
              region: row.place_region,
              country: row.place_country,
              countryCode: row.place_country_code,
            });
      const columns = placeColumns(place);
      const key = JSON.stringify(columns);
      const group = idsByPlace.get(key) ?? { columns, ids: [] };
      group.ids.push(row.id);
      idsByPlace.set(key, group);
    }
    for (const { columns, ids } of idsByPlace.values()) {
      await db.updateTable('photos').set(columns).where('id', 'in', ids).execute();
      placed += ids.length;
    }
    after = rows[rows.length - 1]?.id ?? after;
  }
}
