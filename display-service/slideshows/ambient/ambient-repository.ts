import type { Kysely } from 'kysely';
import type { DisplayDatabase, SlideshowItemTable } from '../../database/schema';
import { isWriteConflict } from '../../database/write-conflicts';
import type { Slideshow } from '../slideshow';
import { toSlideshowRow } from '../slideshow-rows';

/** The newest stored item of an ambient slideshow: how many items exist, and the bag state after them. */
export interface AmbientTail {
  count: number;
  bagState: string | null;
}

/**
 * Ambient SQL. Every write is ONE statement, so it is atomic on its own and never holds a lock across an await:
 * two instances (or the library, sharing the SQLite file in one process) never wait on each other mid-transaction.
 */
export class AmbientRepository {
  constructor(private readonly db: Kysely<DisplayDatabase>) {}

  /**
   * Creates the device's ambient slideshow, or updates its settings when it exists already. The clip share is part
   * of the slideshow's id, so an existing row already has it.
   */
  async upsert(slideshow: Slideshow, clipSharePercent: number): Promise<void> {
    await this.db
      .insertInto('slideshows')
      .values({ ...toSlideshowRow(slideshow), clip_share: clipSharePercent })
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          memories: eb.ref('excluded.memories'),
          time_zone: eb.ref('excluded.time_zone'),
        })),
      )
      .execute();
  }

  /** The share of the slideshow's items that are clips, in percent (0 for slideshows made before clips). */
  async clipShare(slideshowId: string): Promise<number> {
    const row = await this.db
      .selectFrom('slideshows')
      .select('clip_share')
      .where('id', '=', slideshowId)
      .executeTakeFirst();
    return Number(row?.clip_share ?? 0);
  }

  async tail(slideshowId: string): Promise<AmbientTail> {
    const row = await this.db
      .selectFrom('slideshow_items')
      .select(['item_index', 'bag_state'])
      .where('slideshow_id', '=', slideshowId)
      .orderBy('item_index', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row
      ? { count: Number(row.item_index) + 1, bagState: row.bag_state }
      : { count: 0, bagState: null };
  }

  /**
   * Appends items in one INSERT. 'conflict' when another instance appended first (the primary key
   * (slideshow_id, item_index) refuses the whole statement, so nothing of ours was written): read the tail again.
   */
  async append(rows: readonly SlideshowItemTable[]): Promise<'appended' | 'conflict'> {
    if (rows.length === 0) return 'appended';
    try {
      await this.db.insertInto('slideshow_items').values(rows).execute();
      return 'appended';
    } catch (error) {
      if (isWriteConflict(error)) return 'conflict';
      throw error;
    }
  }

  /** Of `photoIds`, those shown on either side of an item drawn in `epoch`. */
  async shownInEpoch(slideshowId: string, epoch: number, photoIds: readonly string[]): Promise<Set<string>> {
    if (photoIds.length === 0) return new Set();
    const [left, right] = await Promise.all(
      (['photo_id', 'paired_photo_id'] as const).map((column) =>
        this.db
          .selectFrom('slideshow_items')
          .select(`${column} as id`)
          .where('slideshow_id', '=', slideshowId)
          .where('bag_epoch', '=', epoch)
          .where(column, 'in', photoIds)
          .execute(),
      ),
    );
    return new Set([...(left ?? []), ...(right ?? [])].flatMap((row) => (row.id === null ? [] : [row.id])));
  }

  async savePosition(ownerId: string, slideshowId: string, position: number): Promise<void> {
    await this.db
      .updateTable('slideshows')
      .set({ position })
      .where('id', '=', slideshowId)
      .where('owner_id', '=', ownerId)
      .execute();
  }
}
