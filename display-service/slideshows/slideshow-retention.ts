import type { Kysely } from 'kysely';
import type { DisplayDatabase } from '../database/schema';
import type { Logger } from '../../common/logger';

/** How long slideshows are kept and how many an owner may have. */
export interface SlideshowRetentionOptions {
  /** A playlist nobody has paged (or created) for this long is deleted. Default 72 h. */
  ttlMs: number;
  /** Playlists per owner; creating one more drops that owner's least recently used. Default 200. */
  maxPerOwner: number;
  /** A playlist paged this recently is never dropped by the cap: a device is still showing it. Default 15 min. */
  activeMs: number;
  /**
   * A playlist created this recently is never dropped by the cap either: the device that asked for it has not paged
   * it yet. Without this, an owner with more than `maxPerOwner` playlists in use lost each new one before its first
   * page (the load bench: 100 frames of one owner, 404 on the first page of every new slideshow). Default 2 min.
   */
  createdGraceMs: number;
  /** Slideshows deleted per sweep at most, so one sweep never holds the database for long. Default 500. */
  batchSize: number;
  /** Expiry sweeps run this often in the background. Default 10 min. */
  sweepIntervalMs: number;
}

export const DEFAULT_SLIDESHOW_RETENTION: SlideshowRetentionOptions = {
  ttlMs: 72 * 3600_000,
  maxPerOwner: 200,
  activeMs: 15 * 60_000,
  createdGraceMs: 2 * 60_000,
  batchSize: 500,
  sweepIntervalMs: 10 * 60_000,
};

/** Page reads record their time at most this often per slideshow: one UPDATE a minute, not one per page. */
export const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * Keeps slideshow storage bounded (issue 12: 2,000 unauthenticated creates added 46 MB, nothing was ever deleted).
 * Ambient slideshows (one per device) are never deleted here; playlists expire when unused for `ttlMs`, and each
 * owner keeps at most `maxPerOwner`, least recently used dropped first. "Used" is the last page read, else creation.
 * Every statement is portable SQL on both engines and deletes at most `batchSize` slideshows.
 */
export class SlideshowRetention {
  private timer: NodeJS.Timeout | undefined;
  private sweeping: Promise<number> | undefined;

  constructor(
    private readonly db: Kysely<DisplayDatabase>,
    private readonly options: SlideshowRetentionOptions,
    private readonly logger: Logger,
    private readonly now: () => number,
  ) {}

  /** Starts the periodic expiry sweep; the timer never keeps the process alive. */
  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.sweepInBackground(), this.options.sweepIntervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Records a page read, when the stored time is older than the resolution (cheap: usually no write at all). */
  async touch(slideshowId: string, lastUsedAt: string | null | undefined): Promise<void> {
    const now = this.now();
    if (lastUsedAt && now - Date.parse(lastUsedAt) < LAST_USED_RESOLUTION_MS) return;
    await this.db
      .updateTable('slideshows')
      .set({ last_used_at: new Date(now).toISOString() })
      .where('id', '=', slideshowId)
      .execute();
  }

  /** After a create: hold the owner to the cap, and expire a batch of old playlists (of anyone). */
  async afterCreate(ownerId: string): Promise<void> {
    await this.enforceCap(ownerId);
    void this.sweepInBackground();
  }

  /** Drops the owner's least recently used playlists beyond the cap; returns how many were deleted. */
  async enforceCap(ownerId: string): Promise<number> {
    const { maxPerOwner, activeMs, createdGraceMs, batchSize } = this.options;
    const activeSince = new Date(this.now() - activeMs).toISOString();
    const createdSince = new Date(this.now() - createdGraceMs).toISOString();
    // Newest first; everything after the first `maxPerOwner` is over the cap unless a device is paging it or is about
    // to (created within the grace). Those still count toward the cap, so it holds again once they are paged or old.
    const over = await this.db
      .selectFrom('slideshows')
      .select(['id', 'created_at'])
      .where('owner_id', '=', ownerId)
      .where('kind', '!=', 'ambient')
      .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', activeSince)]))
      .orderBy((eb) => eb.fn.coalesce('last_used_at', 'created_at'), 'desc')
      .orderBy('id', 'desc')
      .limit(batchSize)
      .offset(Math.max(0, maxPerOwner - (await this.countActive(ownerId, activeSince))))
      .execute();
    return this.deleteIds(over.filter((row) => row.created_at < createdSince).map((row) => row.id));
  }

  /** Deletes up to one batch of playlists unused for longer than the TTL; returns how many. */
  async expire(): Promise<number> {
    const cutoff = new Date(this.now() - this.options.ttlMs).toISOString();
    const expired = await this.db
      .selectFrom('slideshows')
      .select('id')
      .where('kind', '!=', 'ambient')
      .where((eb) =>
        eb.or([
          eb('last_used_at', '<', cutoff),
          eb.and([eb('last_used_at', 'is', null), eb('created_at', '<', cutoff)]),
        ]),
      )
      .limit(this.options.batchSize)
      .execute();
    return this.deleteIds(expired.map((row) => row.id));
  }

  /** Waits for a background sweep in progress (tests, shutdown). */
  async settled(): Promise<void> {
    await this.sweeping;
  }

  /** One sweep at a time; a failure (database down) is logged and retried at the next interval. */
  private sweepInBackground(): Promise<number> {
    this.sweeping ??= this.expire()
      .catch((error: unknown) => {
        this.logger.warn('slideshow expiry sweep failed; retried later', { error });
        return 0;
      })
      .finally(() => {
        this.sweeping = undefined;
      });
    return this.sweeping;
  }

  /** Playlists of the owner paged within the active window: they count toward the cap but are never dropped. */
  private async countActive(ownerId: string, activeSince: string): Promise<number> {
    const row = await this.db
      .selectFrom('slideshows')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('owner_id', '=', ownerId)
      .where('kind', '!=', 'ambient')
      .where('last_used_at', '>=', activeSince)
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  private async deleteIds(ids: readonly string[]): Promise<number> {
    if (ids.length === 0) return 0;
    await this.db.transaction().execute(async (trx) => {
      // Items first: the foreign key cascades on SQLite only with foreign_keys on, and this stays explicit.
      await trx.deleteFrom('slideshow_items').where('slideshow_id', 'in', ids).execute();
      await trx.deleteFrom('slideshows').where('id', 'in', ids).execute();
    });
    return ids.length;
  }
}
