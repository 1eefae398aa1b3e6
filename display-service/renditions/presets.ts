import type { Viewport } from '../../common/contracts';

export type ViewportShape = Viewport['shape'];

/** One of the few screen sizes the display renders for; every rendition URL names one of these. */
export interface RenditionPreset {
  name: string;
  width: number;
  height: number;
  shape: ViewportShape;
}

/**
 * The bounded set of rendition sizes. Devices report many slightly different viewports; snapping them to these
 * keeps the rendition caches warm (one image serves every Echo Show 8 and 10) and bounds what a URL may ask for.
 */
export const RENDITION_PRESETS: readonly RenditionPreset[] = [
  { name: 'echo-spot', width: 480, height: 480, shape: 'ROUND' },
  { name: 'echo-show-5', width: 960, height: 480, shape: 'RECTANGLE' },
  { name: 'echo-show-8-10', width: 1280, height: 800, shape: 'RECTANGLE' },
  { name: 'full-hd', width: 1920, height: 1080, shape: 'RECTANGLE' },
  { name: 'full-hd-portrait', width: 1080, height: 1920, shape: 'RECTANGLE' },
  { name: 'uhd-4k', width: 3840, height: 2160, shape: 'RECTANGLE' },
];

/** The preset with exactly this size and shape, if there is one. */
export function findPreset(width: number, height: number, shape: ViewportShape): RenditionPreset | undefined {
  return RENDITION_PRESETS.find((p) => p.width === width && p.height === height && p.shape === shape);
}

/** True when some preset (of any shape) has this size; used to refuse odd sizes before any other work. */
export function isPresetSize(width: number, height: number): boolean {
  return RENDITION_PRESETS.some((p) => p.width === width && p.height === height);
}

/**
 * The preset a viewport is served at: an exact match first; otherwise, among presets of the same shape, those
 * with the closest aspect ratio, and of those the smallest that covers the viewport (else the largest), so the
 * device scales down a little rather than up.
 */
export function snapToPreset(viewport: Viewport): RenditionPreset {
  const exact = findPreset(viewport.width, viewport.height, viewport.shape);
  if (exact) return exact;
  const sameShape = RENDITION_PRESETS.filter((p) => p.shape === viewport.shape);
  const candidates = sameShape.length > 0 ? sameShape : RENDITION_PRESETS;
  const wanted = Math.log(viewport.width / viewport.height);
  const distance = (p: RenditionPreset): number => Math.abs(Math.log(p.width / p.height) - wanted);
  const closest = Math.min(...candidates.map(distance));
  // Ratios are compared with a little slack so 1920x1080 and 3840x2160 count as the same shape of screen.
  const sameRatio = candidates
    .filter((p) => distance(p) - closest < 1e-9)
    .sort((a, b) => a.width * a.height - b.width * b.height);
  const covering = sameRatio.find((p) => p.width >= viewport.width && p.height >= viewport.height);
  const chosen = covering ?? sameRatio[sameRatio.length - 1];
  if (!chosen) throw new Error('RENDITION_PRESETS is empty');
  return chosen;
}
