import { z } from 'zod';
import { badRequest, type AppError } from '../../../common/errors';

/** Clips in an ambient slideshow when neither the frame's profile nor AMBIENT_CLIP_SHARE says otherwise. */
export const DEFAULT_CLIP_SHARE_PERCENT = 10;

/** The share of an ambient slideshow's items that are clips, in whole percent: 0 turns clips off, 100 clips only. */
export const clipSharePercentSchema = z
  .number({ message: 'must be a whole percentage from 0 to 100' })
  .int('must be a whole percentage from 0 to 100')
  .min(0, 'must be a whole percentage from 0 to 100')
  .max(100, 'must be a whole percentage from 0 to 100');

/** `AMBIENT_CLIP_SHARE`: "10" or "10%". */
export const clipShareEnvSchema = z.object({
  AMBIENT_CLIP_SHARE: z.preprocess(
    (value) => (typeof value === 'string' ? value.trim().replace(/%$/, '') || undefined : value),
    z.coerce
      .number({ message: 'must be a whole percentage from 0 to 100' })
      .pipe(clipSharePercentSchema)
      .optional(),
  ),
});

export function invalidClipShare(message: string, cause?: unknown): AppError {
  return badRequest('INVALID_CLIP_SHARE', `Invalid clip share: ${message}`, cause);
}

/**
 * Clips among the first `count` items at `percent`: round-half-up of count × share, so any window of items starting
 * at 0 holds exactly the rounded share, and clips are spread evenly (Bresenham's rule, on item indexes).
 */
export function clipsAmongFirst(count: number, percent: number): number {
  return Math.floor((count * percent + 50) / 100);
}

/** Whether item `index` is a clip's place at `percent`. Up to 50 % no two clip places are neighbours. */
export function isClipSlot(index: number, percent: number): boolean {
  return clipsAmongFirst(index + 1, percent) > clipsAmongFirst(index, percent);
}

/** Photo places among items [start, start + count). */
export function photoSlotsBetween(start: number, count: number, percent: number): number {
  return count - (clipsAmongFirst(start + count, percent) - clipsAmongFirst(start, percent));
}

/**
 * Clip places met from `start` until `photoItems` photo places have been passed: how many clips a batch that
 * places that many photo items may place between them (it ends on its last photo item).
 */
export function clipSlotsAmongPhotos(start: number, photoItems: number, percent: number): number {
  if (photoItems <= 0) return 0;
  let clips = 0;
  let photos = 0;
  for (let index = start; photos < photoItems; index++) {
    if (isClipSlot(index, percent)) clips++;
    else photos++;
  }
  return clips;
}

/**
 * Lays photo items and clip items out from item `start`: a clip on a clip place while clips are left, else the next
 * photo item (photos fill in for missing clips); once photo items run out, only clips remain and follow each other.
 */
export function interleave<T>(
  start: number,
  photos: readonly T[],
  clips: readonly T[],
  percent: number,
): T[] {
  const laid: T[] = [];
  let p = 0;
  let c = 0;
  for (let index = start; p < photos.length || c < clips.length; index++) {
    const clip = clips[c];
    const photo = photos[p];
    if (clip !== undefined && (isClipSlot(index, percent) || photo === undefined)) {
      laid.push(clip);
      c++;
    } else if (photo !== undefined) {
      laid.push(photo);
      p++;
    }
  }
  return laid;
}
