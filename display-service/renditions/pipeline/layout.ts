import type { RenditionJob, SourceProbe } from './context';

/** One rectangle of the screen showing one original. */
export interface Tile {
  left: number;
  top: number;
  width: number;
  height: number;
  /** Index into job.sourceUris. */
  source: number;
  fit: 'contain' | 'cover';
  /** The visible area is the circle inscribed in the tile (Echo Spot), not the whole square. */
  round: boolean;
}

/** How large the decoded photo is drawn inside its tile; sharp resizes straight from the decoder to this. */
export interface ForegroundBox {
  width: number;
  height: number;
  /** `fill` when width × height already has the photo's aspect ratio; `cover` crops to it. */
  fit: 'fill' | 'cover';
}

/** Splits the screen into tiles: the whole screen for contain/cover, two halves (left, right) for a pair. */
export function layoutTiles(job: RenditionJob): Tile[] {
  const { width, height, composition } = job;
  const round = job.shape === 'ROUND';
  if (composition !== 'pair') {
    return [{ left: 0, top: 0, width, height, source: 0, fit: composition, round }];
  }
  const half = Math.floor(width / 2);
  return [
    { left: 0, top: 0, width: half, height, source: 0, fit: 'contain', round: false },
    { left: half, top: 0, width: width - half, height, source: 1, fit: 'contain', round: false },
  ];
}

/**
 * Where the photo goes in its tile, never enlarged past the original (a small original stays sharp and small on
 * its blurred surround instead of being blown up soft):
 * - contain: as large as fits in the tile, or on a round screen in the largest rectangle of the photo's own
 *   aspect ratio inscribed in the circle, so no corner is cut off by the bezel;
 * - cover: exactly the tile's size when the original is large enough; otherwise a crop of the tile's aspect ratio
 *   at the original's own resolution.
 */
export function foregroundBox(tile: Tile, photo: SourceProbe): ForegroundBox {
  if (tile.fit === 'cover') {
    const scale = Math.max(tile.width / photo.width, tile.height / photo.height);
    if (scale <= 1) return { width: tile.width, height: tile.height, fit: 'cover' };
    return {
      width: Math.max(1, Math.min(photo.width, Math.round(tile.width / scale))),
      height: Math.max(1, Math.min(photo.height, Math.round(tile.height / scale))),
      fit: 'cover',
    };
  }
  let box = { width: tile.width, height: tile.height };
  if (tile.round) {
    const diameter = Math.min(tile.width, tile.height);
    const aspect = photo.width / photo.height;
    const diagonal = Math.sqrt(1 + aspect * aspect);
    box = {
      width: Math.max(1, Math.floor((diameter * aspect) / diagonal)),
      height: Math.max(1, Math.floor(diameter / diagonal)),
    };
  }
  const scale = Math.min(1, box.width / photo.width, box.height / photo.height);
  return {
    width: Math.max(1, Math.min(box.width, Math.round(photo.width * scale))),
    height: Math.max(1, Math.min(box.height, Math.round(photo.height * scale))),
    fit: 'fill',
  };
}
