import type { RequestEnvelope } from 'ask-sdk-model';
import { MAX_VIEWPORT_EDGE, MIN_VIEWPORT_EDGE, type Viewport } from '../../common/contracts';

/**
 * The pixel size renditions must be made for, or undefined when the device cannot show APL.
 *
 * Sized from `context.Viewport` pixels, never from `getViewportProfile()`: the SDK's profile table classifies an
 * Echo Show 8 (dpi 213) as a mobile device and has no Echo Show 15 profiles at all.
 */
export function renditionViewportOf(envelope: RequestEnvelope): Viewport | undefined {
  if (!envelope.context?.System?.device?.supportedInterfaces?.['Alexa.Presentation.APL']) return undefined;
  const state = envelope.context.Viewport;
  if (!state) return undefined;
  // current* is what is available now (e.g. a resized window); pixel* is the screen's maximum.
  const width = state.currentPixelWidth ?? state.pixelWidth;
  const height = state.currentPixelHeight ?? state.pixelHeight;
  if (!isPositive(width) || !isPositive(height)) return undefined;
  return {
    width: clampEdge(width),
    height: clampEdge(height),
    shape: state.shape === 'ROUND' ? 'ROUND' : 'RECTANGLE',
  };
}

function isPositive(value: number | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}

function clampEdge(pixels: number): number {
  return Math.min(MAX_VIEWPORT_EDGE, Math.max(MIN_VIEWPORT_EDGE, Math.round(pixels)));
}
