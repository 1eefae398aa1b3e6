import type { Viewport } from '../frame-api-types';

/** The contract's bounds for a viewport edge (common/contracts/display-api.ts). */
const MIN_EDGE = 64;
const MAX_EDGE = 3840;

/**
 * The screen in device pixels (CSS pixels × devicePixelRatio): what renditions should be made for. The server keeps
 * its aspect ratio and quantizes its edges (renditions/presets.ts), so a 1024x768 window at DPR 2 gets a 2048x1536
 * rendition that fills it, not a letterboxed 16:9 one or a blurry 1024 one.
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
