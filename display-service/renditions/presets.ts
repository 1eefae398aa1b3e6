import { MIN_VIEWPORT_EDGE, type Viewport } from '../../common/contracts';

export type ViewportShape = Viewport['shape'];

/** A screen size the display renders for; every rendition URL names one (see snapToPreset). */
export interface RenditionPreset {
  name: string;
  width: number;
  height: number;
  shape: ViewportShape;
}

/**
 * Long edges a rendition may have: the smallest one covering the screen is used, so the device scales down a
 * little rather than up. Each common screen's own long edge is a step (Fire tablets 1024, iPads at DPR 2 2048), so
 * those screens get their exact pixels; the rest are at most ~25 % larger than asked.
 */
export const LONG_EDGE_STEPS: readonly number[] = [
  480, 640, 800, 960, 1024, 1280, 1440, 1600, 1920, 2048, 2560, 3200, 3840,
];
/**
 * The short edge is kept to multiples of this: the aspect ratio stays within 0.4 % of the screen's at 1000 px
 * (the page's cover fit crops that away), while the set of sizes per long edge stays bounded (at most 480).
 */
export const SHORT_EDGE_STEP = 8;

/**
 * Screens the skill and the benches know by name. Every one snaps to itself: Echo Shows, Spot and Fire TV get
 * renditions of exactly their pixels.
 */
export const RENDITION_PRESETS: readonly RenditionPreset[] = [
  { name: 'echo-spot', width: 480, height: 480, shape: 'ROUND' },
  { name: 'echo-show-5', width: 960, height: 480, shape: 'RECTANGLE' },
  { name: 'echo-show-8-10', width: 1280, height: 800, shape: 'RECTANGLE' },
  { name: 'full-hd', width: 1920, height: 1080, shape: 'RECTANGLE' },
  { name: 'full-hd-portrait', width: 1080, height: 1920, shape: 'RECTANGLE' },
  { name: 'uhd-4k', width: 3840, height: 2160, shape: 'RECTANGLE' },
];

const LARGEST_LONG_EDGE = LONG_EDGE_STEPS[LONG_EDGE_STEPS.length - 1] ?? 3840;

/**
 * The rendition size for a screen: the screen's own aspect ratio (a 4:3 iPad gets 4:3, a 19.5:9 phone 19.5:9),
 * its long edge raised to the next step, its short edge to the nearest multiple of SHORT_EDGE_STEP. Quantizing
 * both edges keeps the set of sizes (and so the caches and the signed URLs) bounded while no screen is
 * letterboxed. A round screen gets a square.
 */
export function snapToPreset(viewport: Viewport): RenditionPreset {
  const landscape = viewport.width >= viewport.height;
  const screenLong = Math.max(viewport.width, viewport.height, 1);
  const screenShort = Math.max(1, Math.min(viewport.width, viewport.height));
  const long = LONG_EDGE_STEPS.find((step) => step >= screenLong) ?? LARGEST_LONG_EDGE;
  const short =
    viewport.shape === 'ROUND'
      ? long
      : Math.min(
          long,
          Math.max(
            MIN_VIEWPORT_EDGE,
            Math.round((long * screenShort) / screenLong / SHORT_EDGE_STEP) * SHORT_EDGE_STEP,
          ),
        );
  const width = landscape ? long : short;
  const height = landscape ? short : long;
  const known = RENDITION_PRESETS.find(
    (p) => p.width === width && p.height === height && p.shape === viewport.shape,
  );
  return known ?? { name: `${width}x${height}`, width, height, shape: viewport.shape };
}

/**
 * True when a rendition URL may name this size: exactly what snapToPreset gives for some screen of this shape
 * (which is its own snap). Checked before any other work, so the set of renderable sizes stays bounded.
 */
export function isRenditionSize(width: number, height: number, shape: ViewportShape): boolean {
  if (!Number.isInteger(width) || !Number.isInteger(height)) return false;
  const snapped = snapToPreset({ width, height, shape });
  return snapped.width === width && snapped.height === height;
}

/** The rule in words, for the 400 answer to a size outside it. */
export function describeRenditionSizes(): string {
  return (
    `long edge one of ${LONG_EDGE_STEPS.join(', ')}; short edge a multiple of ${SHORT_EDGE_STEP}, ` +
    `at least ${MIN_VIEWPORT_EDGE} (round screens: square)`
  );
}
