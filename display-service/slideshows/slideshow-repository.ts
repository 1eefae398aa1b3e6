import type { Kysely } from 'kysely';
import { photoQuerySchema, viewportSchema } from '../../common/contracts';
import type { DisplayDatabase, SlideshowTable } from '../database/schema';
import type { Slideshow, SlideshowEntry } from './slideshow';

// 4 bound parameters per row; 500 rows stays far below SQLite's and PostgreSQL's parameter limits.
const INSERT_CHUNK_ROWS = 500;

/** All slideshow SQL lives here. Every read is scoped to an owner so no query can leak another tenant's data. */
export class SlideshowRepository {
  constructor(private readonly db: Kysely<DisplayDatabase>) {}

  /** Stores the slideshow and its ordered entries atomically: a reader never sees a half-written slideshow. */
  async create(slideshow: Slideshow, entries: readonly SlideshowEntry[]): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.insertInto('slideshows').values(toRow(slideshow)).execute();
      for (let start = 0; start < entries.length; start += INSERT_CHUNK_ROWS) {
        const rows = entries.slice(start, start + INSERT_CHUNK_ROWS).map((entry) => ({
          slideshow_id: slideshow.id,
          item_index: entry.index,
          photo_id: entry.photoId,
          taken_local: entry.takenLocal,
        }));
        await trx.insertInto('slideshow_items').values(rows).execute();
      }
    });
  }

  async findForOwner(ownerId: string, slideshowId: string): Promise<Slideshow | undefined> {
    const row = await this.db
      .selectFrom('slideshows')
      .selectAll()
      .where('id', '=', slideshowId)
      .where('owner_id', '=', ownerId)
      .executeTakeFirst();
    return row ? fromRow(row) : undefined;
  }

  /** Entries with index in [start, start + count), in order. */
  async listEntries(slideshowId: string, start: number, count: number): Promise<SlideshowEntry[]> {
    const rows = await this.db
      .selectFrom('slideshow_items')
      .select(['item_index', 'photo_id', 'taken_local'])
      .where('slideshow_id', '=', slideshowId)
      .where('item_index', '>=', start)
      .where('item_index', '<', start + count)
      .orderBy('item_index')
      .execute();
    return rows.map((row) => ({
      index: Number(row.item_index),
      photoId: row.photo_id,
      takenLocal: row.taken_local,
    }));
  }
}

function toRow(slideshow: Slideshow): SlideshowTable {
  return {
    id: slideshow.id,
    owner_id: slideshow.ownerId,
    query_json: JSON.stringify(slideshow.query),
    viewport_width: slideshow.viewport.width,
    viewport_height: slideshow.viewport.height,
    viewport_shape: slideshow.viewport.shape,
    device_id: slideshow.deviceId,
    total: slideshow.total,
    span_first: slideshow.span?.first ?? null,
    span_last: slideshow.span?.last ?? null,
    created_at: slideshow.createdAt,
  };
}

function fromRow(row: SlideshowTable): Slideshow {
  return {
    id: row.id,
    ownerId: row.owner_id,
    query: photoQuerySchema.parse(JSON.parse(row.query_json)),
    viewport: viewportSchema.parse({
      // PostgreSQL drivers may return integers as strings; SQLite returns numbers.
      width: Number(row.viewport_width),
      height: Number(row.viewport_height),
      shape: row.viewport_shape,
    }),
    deviceId: row.device_id,
    total: Number(row.total),
    span: row.span_first && row.span_last ? { first: row.span_first, last: row.span_last } : null,
    createdAt: row.created_at,
  };
}
