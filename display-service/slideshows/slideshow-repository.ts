import type { Kysely } from 'kysely';
import type { DisplayDatabase } from '../database/schema';
import type { Slideshow, SlideshowEntry } from './slideshow';
import { ENTRY_COLUMNS, fromEntryRow, fromSlideshowRow, toItemRow, toSlideshowRow } from './slideshow-rows';

// 8 bound parameters per row; 500 rows stays far below SQLite's and PostgreSQL's parameter limits.
const INSERT_CHUNK_ROWS = 500;

/** Slideshow SQL shared by both kinds. Every read is scoped to an owner so no query can leak another tenant's data. */
export class SlideshowRepository {
  constructor(private readonly db: Kysely<DisplayDatabase>) {}

  /** Stores a playlist and its ordered entries atomically: a reader never sees a half-written slideshow. */
  async create(slideshow: Slideshow, entries: readonly SlideshowEntry[]): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.insertInto('slideshows').values(toSlideshowRow(slideshow)).execute();
      for (let start = 0; start < entries.length; start += INSERT_CHUNK_ROWS) {
        const rows = entries
          .slice(start, start + INSERT_CHUNK_ROWS)
          .map((entry) => toItemRow(slideshow.id, entry));
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
    return row ? fromSlideshowRow(row) : undefined;
  }

  /** Entries with index in [start, start + count), in order. */
  async listEntries(slideshowId: string, start: number, count: number): Promise<SlideshowEntry[]> {
    const rows = await this.db
      .selectFrom('slideshow_items')
      .select(ENTRY_COLUMNS)
      .where('slideshow_id', '=', slideshowId)
      .where('item_index', '>=', start)
      .where('item_index', '<', start + count)
      .orderBy('item_index')
      .execute();
    return rows.map(fromEntryRow);
  }

  /** A cheap query that fails when the database does not answer (readiness). */
  async ping(): Promise<void> {
    await this.db.selectFrom('slideshows').select('id').limit(1).execute();
  }
}
