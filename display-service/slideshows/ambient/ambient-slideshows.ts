import { setTimeout as sleep } from 'node:timers/promises';
import type { z } from 'zod';
import type { LibraryApi } from '../../../common/clients/library-client';
import type { AmbientPosition, PhotoQuery, startAmbientRequestSchema } from '../../../common/contracts';
import type { SlideshowItemTable } from '../../database/schema';
import { displayErrors } from '../../errors';
import { snapToPreset } from '../../renditions/presets';
import { pairsFitOn } from '../pair-portraits';
import type { Slideshow } from '../slideshow';
import type { SlideshowRepository } from '../slideshow-repository';
import { toItemRow } from '../slideshow-rows';
import { drawBatch } from './ambient-batch';
import { INITIAL_BAG_STATE, ambientBagStateSchema } from './ambient-bag';
import type { AmbientRepository, AmbientTail } from './ambient-repository';
import { ambientSlideshowId } from './ambient-slideshow-id';
import { bagQuery, isSelection, localDay, selectionBagQuery, selectionKey } from './memories';

/** A start request after contract validation (defaults filled in). */
export type ValidStartAmbientRequest = z.output<typeof startAmbientRequestSchema>;

/** A page may start at most this many items past those made so far (each one costs a draw from the library). */
export const MAX_AMBIENT_AHEAD = 1000;
/** Items are made at least this many at a time, so a device paging 10 at a time does not ask the library each time. */
const MIN_BATCH_ITEMS = 20;
/** Lost races with other instances before giving up with 503 AMBIENT_BUSY. */
const MAX_CONFLICTS = 10;

export interface AmbientDependencies {
  library: LibraryApi;
  slideshows: SlideshowRepository;
  repository: AmbientRepository;
  /** ms clock */
  now: () => number;
  /** The share of a device's ambient items that are clips, in percent (profiles/); absent: no clips. */
  clipShareFor?: (ownerId: string, deviceId: string) => Promise<number>;
}

/**
 * Ambient slideshows: one per owner, device and screen preset, endless. Items are made on demand, a batch at a
 * time, from the shuffle bag (ambient-bag.ts) and appended in one statement; when two instances race for the same
 * indexes the primary key lets one win, and the other reads back what was stored. So every instance serves the
 * same items at the same indexes, and a restart continues from the stored bag state.
 */
export class AmbientSlideshows {
  constructor(private readonly deps: AmbientDependencies) {}

  /**
   * `selection`: what the device's profile says it shows (profiles/), null for the whole library. Each selection
   * has a slideshow of its own (and no memories, which would show other photos), so changing it starts afresh and
   * changing it back resumes where the old one stopped. The clip share likewise: a changed share is followed
   * from the next start (items made ahead for the old share are not played), and changing it back resumes.
   */
  async start(request: ValidStartAmbientRequest, selection: PhotoQuery | null = null): Promise<Slideshow> {
    const clipShare = (await this.deps.clipShareFor?.(request.ownerId, request.deviceId)) ?? 0;
    const shows = selection === null ? '' : `\nshows:${selectionKey(selection)}`;
    // Without clips the id is the one slideshows had before clips were mixed in, so those keep their place.
    const clips = clipShare === 0 ? '' : `\nclips:${clipShare}`;
    const id = ambientSlideshowId(
      request.ownerId,
      `${request.deviceId}${shows}${clips}`,
      snapToPreset(request.viewport),
    );
    await this.deps.repository.upsert(
      {
        id,
        ownerId: request.ownerId,
        kind: 'ambient',
        // What the bag plays, for the record; each epoch's seed is set when it is drawn.
        query: selection === null ? bagQuery(id) : selectionBagQuery(selection, id),
        viewport: request.viewport,
        deviceId: request.deviceId,
        total: 0,
        photoCount: 0,
        span: null,
        createdAt: new Date(this.deps.now()).toISOString(),
        ambient: {
          memories: selection === null && request.memories,
          timeZone: request.timeZone ?? 'UTC',
          position: 0,
        },
      },
      clipShare,
    );
    const stored = await this.deps.slideshows.findForOwner(request.ownerId, id);
    // Only a SHA-256 collision with another owner's device could get here.
    if (!stored) throw new Error(`ambient slideshow ${id} belongs to another owner`);
    return stored;
  }

  /** Makes items [0, start + count) exist, drawing batches as needed; answers how many exist now. */
  async ensureItems(slideshow: Slideshow, start: number, count: number): Promise<number> {
    let tail = await this.deps.repository.tail(slideshow.id);
    if (start > tail.count + MAX_AMBIENT_AHEAD) {
      throw displayErrors.ambientPageTooFar(tail.count, MAX_AMBIENT_AHEAD);
    }
    const end = start + count;
    let conflicts = 0;
    const clipShare = tail.count < end ? await this.deps.repository.clipShare(slideshow.id) : 0;
    while (tail.count < end) {
      const rows = await this.nextBatch(
        slideshow,
        tail,
        Math.max(end - tail.count, MIN_BATCH_ITEMS),
        clipShare,
      );
      // An empty library: nothing to show, and nothing to store.
      if (rows.length === 0) break;
      if ((await this.deps.repository.append(rows)) === 'conflict') {
        if (++conflicts > MAX_CONFLICTS) throw displayErrors.ambientBusy();
        // Whoever won may still be writing behind a SQLite lock; give it a moment before reading back.
        await sleep(5 * conflicts);
      }
      tail = await this.deps.repository.tail(slideshow.id);
    }
    return tail.count;
  }

  async savePosition(ownerId: string, slideshowId: string, index: number): Promise<AmbientPosition> {
    const slideshow = await this.deps.slideshows.findForOwner(ownerId, slideshowId);
    if (!slideshow || slideshow.kind !== 'ambient') throw displayErrors.slideshowNotFound();
    const { count } = await this.deps.repository.tail(slideshowId);
    if (index > 0 && index >= count) throw displayErrors.positionOutOfRange(count);
    await this.deps.repository.savePosition(ownerId, slideshowId, index);
    return { slideshowId, position: index };
  }

  /** The rows of the next batch, numbered from the tail; the last one carries the bag state after the batch. */
  private async nextBatch(
    slideshow: Slideshow,
    tail: AmbientTail,
    wanted: number,
    clipSharePercent: number,
  ): Promise<SlideshowItemTable[]> {
    const { library, repository, now } = this.deps;
    const settings = slideshow.ambient ?? { memories: false, timeZone: 'UTC', position: 0 };
    const state =
      tail.bagState === null ? INITIAL_BAG_STATE : ambientBagStateSchema.parse(JSON.parse(tail.bagState));
    const batch = await drawBatch(
      {
        library,
        ownerId: slideshow.ownerId,
        slideshowId: slideshow.id,
        selection: isSelection(slideshow.query) ? slideshow.query : null,
        clipSharePercent,
        pairing: pairsFitOn(snapToPreset(slideshow.viewport)),
        shownInEpoch: (epoch, photoIds) => repository.shownInEpoch(slideshow.id, epoch, photoIds),
      },
      state,
      {
        start: tail.count,
        wanted,
        today: settings.memories ? localDay(now(), settings.timeZone) : null,
      },
    );
    const rows = batch.items.map((item) =>
      toItemRow(slideshow.id, item.entry, { bagEpoch: item.epoch, bagState: null }),
    );
    const last = rows[rows.length - 1];
    if (last) last.bag_state = JSON.stringify(batch.state);
    return rows;
  }
}
