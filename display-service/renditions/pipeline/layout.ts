import type { FaceBox, RenditionJob, SourceProbe } from './context';

/** One rectangle of the screen showing one original. */
export interface Tile {
  left: number;
  top: number;
  width: number;
  height: number;
  /** Index into job.sourceUris. */
  source: number;
  /** `contain` becomes a crop when the photo's shape is close to the tile's (fitOf). */
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
  /** Drawn larger than the original: sharpened after the resize, so it is not soft. */
  upscaled: boolean;
}

/**
 * A photo whose aspect ratio is within this factor of its tile's is cropped to fill the tile (a 3:2 photo on a
 * 16:10 screen loses 3 % of each side); further off, it is shown whole on its blurred fill.
 */
export const CROP_TOLERANCE = 1.1;
/** A small original is enlarged at most this much (sharpened): beyond it, upscaling only shows blur. */
export const MAX_UPSCALE = 2;

/**
 * Whether a crop of the photo to the tile's shape cuts off so little that it is simply centred: no more than a
 * contain tile crops (CROP_TOLERANCE, up to 9 % of one side). libvips' attention strategy finds where to cut, but
 * it needs the whole resized photo in memory before the first row can be encoded: on cold 1280x800 renditions of
 * 3:2 12 MP JPEGs it cost 8 ms of a lone render (p50 52.6 ms against 44.3 centred) and a fifth of the throughput
 * (29.4 against 37.0 renders/s on 2 cores). Within a few percent its window moves no further than the cut itself;
 * a real crop (a portrait photo filling a landscape screen) still gets it, and faces always decide when known.
 */
export function cropsLittle(tile: { width: number; height: number }, photo: SourceProbe): boolean {
  const apart = Math.abs(Math.log(photo.width / photo.height / (tile.width / tile.height)));
  return apart <= Math.log(CROP_TOLERANCE) + 1e-9;
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
 * Whether the photo fills its tile (cropped) or is shown whole: `cover` tiles always crop; a `contain` tile crops
 * when the aspect ratios are within CROP_TOLERANCE, except on a round screen, where the bezel already cuts.
 */
export function fitOf(tile: Tile, photo: SourceProbe): 'contain' | 'cover' {
  if (tile.fit === 'cover') return 'cover';
  if (tile.round) return 'contain';
  return cropsLittle(tile, photo) ? 'cover' : 'contain';
}

/**
 * Where the photo goes in its tile, enlarged at most MAX_UPSCALE times:
 * - contain: as large as fits in the tile, or on a round screen in the largest rectangle of the photo's own
 *   aspect ratio inscribed in the circle, so no corner is cut off by the bezel;
 * - cover: exactly the tile's size when that needs at most MAX_UPSCALE; otherwise a crop of the tile's aspect
 *   ratio at MAX_UPSCALE times the original's resolution.
 */
export function foregroundBox(tile: Tile, photo: SourceProbe): ForegroundBox {
  if (fitOf(tile, photo) === 'cover') {
    const scale = Math.max(tile.width / photo.width, tile.height / photo.height);
    if (scale <= MAX_UPSCALE)
      return { width: tile.width, height: tile.height, fit: 'cover', upscaled: scale > 1 };
    const shown = MAX_UPSCALE / scale;
    return {
      width: Math.max(1, Math.min(tile.width, Math.round(tile.width * shown))),
      height: Math.max(1, Math.min(tile.height, Math.round(tile.height * shown))),
      fit: 'cover',
      upscaled: true,
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
  const scale = Math.min(MAX_UPSCALE, box.width / photo.width, box.height / photo.height);
  return {
    width: Math.max(1, Math.min(box.width, Math.round(photo.width * scale))),
    height: Math.max(1, Math.min(box.height, Math.round(photo.height * scale))),
    fit: 'fill',
    upscaled: scale > 1,
  };
}

/** A region of the photo scaled to `scaled`, in its pixels. */
export interface CropWindow {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * The crop of `box`'s size out of the photo scaled to `scaled` that keeps the faces: centred on the smallest
 * rectangle holding every face box, moved only as far as the photo's edges require. When the faces are spread
 * wider than the crop, the middle of them is kept.
 */
export function faceCropWindow(
  scaled: { width: number; height: number },
  box: { width: number; height: number },
  faces: readonly FaceBox[],
): CropWindow {
  const span = (start: (face: FaceBox) => number, size: (face: FaceBox) => number, full: number) => {
    const from = Math.min(...faces.map(start));
    const to = Math.max(...faces.map((face) => start(face) + size(face)));
    return ((from + to) / 2) * full;
  };
  const centreX = span(
    (f) => f.left,
    (f) => f.width,
    scaled.width,
  );
  const centreY = span(
    (f) => f.top,
    (f) => f.height,
    scaled.height,
  );
  const place = (centre: number, size: number, full: number) =>
    Math.round(Math.min(Math.max(0, centre - size / 2), Math.max(0, full - size)));
  return {
    left: place(centreX, box.width, scaled.width),
    top: place(centreY, box.height, scaled.height),
    width: Math.min(box.width, scaled.width),
    height: Math.min(box.height, scaled.height),
  };
}
