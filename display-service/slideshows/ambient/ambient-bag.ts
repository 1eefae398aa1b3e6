import { z } from 'zod';
import type { LibraryApi } from '../../../common/clients/library-client';
import {
  MAX_SEARCH_PAGE,
  type PhotoQuery,
  type PhotoSummary,
  type SearchResponse,
} from '../../../common/contracts';
import { isAppError } from '../../../common/errors';
import { MAX_MEMORIES, memoriesQuery } from './memories';

/**
 * Where one shuffle bag stands:
 * - epoch: how many times every photo has been shown; each epoch walks the library in its own seeded shuffle;
 * - phase 'walk': following the shuffle with the library's cursor; 'sweep': one more pass from the start of the
 *   same shuffle for photos added behind the cursor mid-epoch, before the epoch may end.
 */
const bagWalkSchema = z.object({
  epoch: z.number().int().nonnegative(),
  phase: z.enum(['walk', 'sweep']),
  cursor: z.string().nullable(),
});
export type BagWalk = z.output<typeof bagWalkSchema>;

/**
 * Where an ambient slideshow's shuffle bags stand, stored with the last item of every batch: the photos' bag, the
 * last local day memories were shown (memoriesDay), and the clips' bag (its own epochs; absent in states stored
 * before clips were mixed in, which start it afresh).
 */
export const ambientBagStateSchema = bagWalkSchema.extend({
  memoriesDay: z.string().nullable(),
  clips: bagWalkSchema.nullable().default(null),
});
export type AmbientBagState = z.output<typeof ambientBagStateSchema>;

export const INITIAL_BAG_WALK: BagWalk = { epoch: 0, phase: 'walk', cursor: null };

export const INITIAL_BAG_STATE: AmbientBagState = {
  ...INITIAL_BAG_WALK,
  memoriesDay: null,
  clips: null,
};

/** A drawn photo and the epoch it counts as shown in. */
export interface DrawnPhoto {
  photo: PhotoSummary;
  epoch: number;
}

export interface BagDraw {
  photos: DrawnPhoto[];
  state: AmbientBagState;
}

export interface AmbientBagDependencies {
  library: LibraryApi;
  ownerId: string;
  /** Seeds are derived from it, so each slideshow has its own shuffles. */
  slideshowId: string;
  /** The bag's seeded shuffle for a seed (memories.ts bagQuery, or selectionBagQuery for a profile's selection). */
  bagQuery(seed: string): PhotoQuery;
  /** Of `photoIds`, those already shown in `epoch` (stored items of this slideshow). */
  shownInEpoch(epoch: number, photoIds: readonly string[]): Promise<ReadonlySet<string>>;
}

/** A sweep reads the whole library again, so it reads in the largest pages the library allows. */
const SWEEP_PAGE = MAX_SEARCH_PAGE;
/** An epoch that ends twice within one draw means the library has fewer photos than asked for: stop there. */
const MAX_EPOCH_ENDS_PER_DRAW = 2;

/**
 * Draws the next photos of an endless, no-repeat shuffle: memories first when the day has changed, then the bag,
 * where every photo of the owner is shown once before any is shown again. Photos already shown in the current
 * epoch (memories, photos moved in the shuffle) are skipped; deleted and hidden ones are never returned by the
 * library; photos added mid-epoch are met by the walk or, if they landed behind the cursor, by the sweep.
 * Deterministic for a given state and library, so two instances drawing at once draw the same photos.
 */
export async function drawFromBag(
  deps: AmbientBagDependencies,
  start: AmbientBagState,
  options: {
    wanted: number;
    today: string | null;
    /** Stop rather than start an epoch past this one (clips wait for the photos to go round). */
    maxEpoch?: number;
  },
): Promise<BagDraw> {
  let state = { ...start };
  const drawn: DrawnPhoto[] = [];
  const drawnNow = new Set<string>();
  const take = (photo: PhotoSummary, epoch: number): void => {
    drawn.push({ photo, epoch });
    drawnNow.add(`${epoch}/${photo.id}`);
  };

  if (options.today !== null && state.memoriesDay !== options.today) {
    const memories = await deps.library.search(deps.ownerId, {
      query: memoriesQuery(options.today),
      limit: MAX_MEMORIES,
    });
    // Memories count as shown in the current epoch, so the bag does not bring them back soon after.
    for (const photo of memories.photos) take(photo, state.epoch);
    state = { ...state, memoriesDay: options.today };
  }

  let epochEnds = 0;
  const maxEpoch = options.maxEpoch ?? Number.POSITIVE_INFINITY;
  while (drawn.length < options.wanted && epochEnds < MAX_EPOCH_ENDS_PER_DRAW && state.epoch <= maxEpoch) {
    const { epoch, phase, cursor } = state;
    let page: SearchResponse;
    try {
      page = await deps.library.search(deps.ownerId, {
        query: deps.bagQuery(`${deps.slideshowId}/${epoch}`),
        // A walk takes what it asks for, so the cursor ends exactly after the last photo taken.
        limit: phase === 'walk' ? Math.min(options.wanted - drawn.length, MAX_SEARCH_PAGE) : SWEEP_PAGE,
        ...(cursor === null ? {} : { cursor }),
      });
    } catch (error) {
      // A stored cursor the library no longer accepts (its query defaults changed in an upgrade): sweep the
      // epoch from the start instead, which skips every photo already shown in it.
      if (cursor === null || !isAppError(error) || error.code !== 'INVALID_CURSOR') throw error;
      state = { ...state, phase: 'sweep', cursor: null };
      continue;
    }
    const fresh = page.photos.filter((photo) => !drawnNow.has(`${epoch}/${photo.id}`));
    const shown =
      fresh.length === 0
        ? new Set<string>()
        : await deps.shownInEpoch(
            epoch,
            fresh.map((p) => p.id),
          );
    for (const photo of fresh) if (!shown.has(photo.id)) take(photo, epoch);

    if (page.nextCursor !== undefined) {
      state = { ...state, cursor: page.nextCursor };
    } else if (phase === 'walk') {
      state = { ...state, phase: 'sweep', cursor: null };
    } else {
      // The sweep found the end: every photo of the owner has been shown in this epoch.
      state = { ...state, epoch: epoch + 1, phase: 'walk', cursor: null };
      epochEnds++;
    }
  }
  return { photos: drawn, state };
}
