import type { LibraryApi } from '../../../common/clients/library-client';
import type { PhotoQuery, PhotoSummary } from '../../../common/contracts';
import { buildEntries } from '../build-entries';
import type { SlideshowEntry } from '../slideshow';
import {
  INITIAL_BAG_WALK,
  drawFromBag,
  type AmbientBagDependencies,
  type AmbientBagState,
  type DrawnPhoto,
} from './ambient-bag';
import { clipSlotsAmongPhotos, interleave, photoSlotsBetween } from './clip-share';
import { bagQuery, selectionAllows, selectionBagQuery, type MediaKind } from './memories';

/** Where an ambient slideshow's next items come from. */
export interface BatchSource {
  library: LibraryApi;
  ownerId: string;
  slideshowId: string;
  /** The frame profile's selection, or null for the whole library. */
  selection: PhotoQuery | null;
  /** Share of items that are clips, in percent (0–100). */
  clipSharePercent: number;
  /** Portrait photos share an item on this screen. */
  pairing: boolean;
  /** Of `photoIds`, those already shown in `epoch` (stored items of this slideshow). */
  shownInEpoch(epoch: number, photoIds: readonly string[]): Promise<ReadonlySet<string>>;
}

/** One item of a batch and the epoch of the bag it was drawn from (stored as its bag_epoch). */
export interface BatchItem {
  entry: SlideshowEntry;
  epoch: number;
}

interface Draw {
  drawn: DrawnPhoto[];
  state: AmbientBagState;
}

/**
 * The next items of an ambient slideshow from item `start`: photos from the photos' bag (memories first when the day
 * has changed) and clips from a bag of their own, laid out so that clips take the places `clip-share.ts` gives them.
 * Photos fill a clip's place when there is no clip to put there: the library has too few (a clip is not shown
 * again before every photo of the current epoch has been), or none. When there are no photos at all, only clips
 * remain and follow each other. A batch ends on its last photo item, so the next starts at the next place.
 */
export async function drawBatch(
  source: BatchSource,
  state: AmbientBagState,
  options: { start: number; wanted: number; today: string | null },
): Promise<{ items: BatchItem[]; state: AmbientBagState }> {
  const { start, wanted, today } = options;
  const share = source.clipSharePercent;
  if (share >= 100) {
    const clips = await drawClips(source, state, wanted);
    if (clips.drawn.length > 0)
      return { items: await itemsOf(source, clips.drawn, start), state: clips.state };
    const photos = await drawPhotos(source, clips.state, wanted, today);
    return { items: await itemsOf(source, photos.drawn, start), state: photos.state };
  }
  const photos = await drawPhotos(source, state, Math.max(1, photoSlotsBetween(start, wanted, share)), today);
  if (photos.drawn.length === 0) {
    const clips = await drawClips(source, photos.state, wanted);
    return { items: await itemsOf(source, clips.drawn, start), state: clips.state };
  }
  const photoItems = await itemsOf(source, photos.drawn, start);
  const clipPlaces = clipSlotsAmongPhotos(start, photoItems.length, share);
  if (clipPlaces === 0) return { items: photoItems, state: photos.state };
  // Clips never start an epoch ahead of the photos: a library with few clips shows each once per round of photos.
  const clips = await drawClips(source, photos.state, clipPlaces, photos.state.epoch);
  const clipItems = await itemsOf(source, clips.drawn, start);
  const laid = interleave(start, photoItems, clipItems, share);
  return {
    items: laid.map((item, offset) => ({ ...item, entry: { ...item.entry, index: start + offset } })),
    state: clips.state,
  };
}

function bagDependencies(source: BatchSource, kind: MediaKind, seedPrefix: string): AmbientBagDependencies {
  const { library, ownerId, selection } = source;
  return {
    library,
    ownerId,
    slideshowId: seedPrefix,
    bagQuery: (seed) =>
      selection === null ? bagQuery(seed, kind) : selectionBagQuery(selection, seed, kind),
    shownInEpoch: (epoch, ids) => source.shownInEpoch(epoch, ids),
  };
}

async function drawPhotos(
  source: BatchSource,
  state: AmbientBagState,
  wanted: number,
  today: string | null,
): Promise<Draw> {
  // "My videos" has no photos: narrowing it to photos would show what it does not ask for.
  if (source.selection !== null && !selectionAllows(source.selection, 'photo')) return { drawn: [], state };
  const draw = await drawFromBag(bagDependencies(source, 'photo', source.slideshowId), state, {
    wanted,
    today,
  });
  return { drawn: draw.photos, state: draw.state };
}

async function drawClips(
  source: BatchSource,
  state: AmbientBagState,
  wanted: number,
  maxEpoch?: number,
): Promise<Draw> {
  if (wanted <= 0) return { drawn: [], state };
  if (source.selection !== null && !selectionAllows(source.selection, 'video')) return { drawn: [], state };
  const walk = state.clips ?? INITIAL_BAG_WALK;
  const draw = await drawFromBag(
    bagDependencies(source, 'video', `${source.slideshowId}/clips`),
    { ...walk, memoriesDay: null, clips: null },
    { wanted, today: null, ...(maxEpoch === undefined ? {} : { maxEpoch }) },
  );
  const { epoch, phase, cursor } = draw.state;
  return { drawn: draw.photos, state: { ...state, clips: { epoch, phase, cursor } } };
}

/** Drawn photos (or clips) as items, numbered from `start`; a pair never spans two epochs. */
async function itemsOf(
  source: BatchSource,
  drawn: readonly DrawnPhoto[],
  start: number,
): Promise<BatchItem[]> {
  const items: BatchItem[] = [];
  for (const run of runsByEpoch(drawn)) {
    const entries = await buildEntries(source.library, source.ownerId, run.photos, {
      pairing: source.pairing,
      startIndex: start + items.length,
    });
    items.push(...entries.map((entry) => ({ entry, epoch: run.epoch })));
  }
  return items;
}

function runsByEpoch(drawn: readonly DrawnPhoto[]): { epoch: number; photos: PhotoSummary[] }[] {
  const runs: { epoch: number; photos: PhotoSummary[] }[] = [];
  for (const { photo, epoch } of drawn) {
    const current = runs[runs.length - 1];
    if (current && current.epoch === epoch) current.photos.push(photo);
    else runs.push({ epoch, photos: [photo] });
  }
  return runs;
}
