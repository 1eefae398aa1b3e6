import type { Viewport } from '../frame-api-types';

/** The contract's bounds for a viewport edge (common/contracts/display-api.ts). */
const MIN_EDGE = 64;
const MAX_EDGE = 3840;

/**
 * The screen in device pixels (CSS pixels × devicePixelRatio): what renditions should be made for. The server snaps
 * it to the nearest preset, so a 1280x720 window at DPR 1.5 gets the 1920x1080 rendition, not a blurry 1280 one.
 */
export function screenViewport(win: Window = window): Viewport {
  const ratio = win.devicePixelRatio > 0 ? win.devicePixelRatio : 1;
  return {
    width: clamp(Math.round(win.innerWidth * ratio)),
    height: clamp(Math.round(win.innerHeight * ratio)),
    shape: 'RECTANGLE',
  };
}

function clamp(pixels: number): number {
  return Math.min(MAX_EDGE, Math.max(MIN_EDGE, pixels || MIN_EDGE));
}
