import type { PhotoSummary } from '../../common/contracts';
import type { RenditionPreset } from '../renditions/presets';

/** How far ahead a portrait looks for a partner: far enough to pair most runs, near enough to keep the order. */
export const PAIR_LOOKAHEAD = 3;

/** The photos of one item, left to right. */
export type Arranged = readonly [PhotoSummary] | readonly [PhotoSummary, PhotoSummary];

/** Pairs only make sense side by side on a landscape rectangle; portrait and round screens show one photo. */
export function pairsFitOn(preset: RenditionPreset): boolean {
  return preset.shape === 'RECTANGLE' && preset.width > preset.height;
}

/**
 * Turns an ordered list of photos into items. With pairing on, a portrait photo (taller than wide, as displayed)
 * shares its item with the next unused portrait at most PAIR_LOOKAHEAD places ahead, which moves up beside it;
 * everything else keeps its order. A photo is never paired with itself.
 */
export function arrangeItems(photos: readonly PhotoSummary[], pairing: boolean): Arranged[] {
  if (!pairing) return photos.map((photo) => [photo] as const);
  const used = new Set<number>();
  const items: Arranged[] = [];
  photos.forEach((photo, at) => {
    if (used.has(at)) return;
    used.add(at);
    // A clip plays on its own, and so does a live photo (it moves full screen): never half of a pair.
    const partnerAt = isPortrait(photo) && playsAlone(photo) ? findPartner(photos, at, used) : undefined;
    const partner = partnerAt === undefined ? undefined : photos[partnerAt];
    if (partnerAt === undefined || partner === undefined) {
      items.push([photo]);
      return;
    }
    used.add(partnerAt);
    items.push([photo, partner]);
  });
  return items;
}

function findPartner(
  photos: readonly PhotoSummary[],
  at: number,
  used: ReadonlySet<number>,
): number | undefined {
  const self = photos[at];
  for (let next = at + 1; next <= at + PAIR_LOOKAHEAD && next < photos.length; next++) {
    const candidate = photos[next];
    if (!candidate || used.has(next) || candidate.id === self?.id) continue;
    if (isPortrait(candidate) && playsAlone(candidate)) return next;
  }
  return undefined;
}

function playsAlone(photo: PhotoSummary): boolean {
  return photo.mediaKind !== 'video' && photo.motion === undefined;
}

function isPortrait(photo: PhotoSummary): boolean {
  return photo.height > photo.width;
}
