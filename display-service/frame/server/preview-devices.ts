import type { PreviewDevice } from '../frame-api-types';
import { frameErrors } from './frame-errors';

/**
 * The screens the preview shows, with the viewport each reports to the skill (tools/alexa-simulator/devices.ts
 * has the same table for `npm run alexa`; a test keeps the two in step). Pixels are what renditions are made for;
 * dpi and mode decide which of the APL document's size classes applies.
 */
export const PREVIEW_DEVICES: readonly PreviewDevice[] = [
  { name: 'Echo Show 5', width: 960, height: 480, dpi: 160, shape: 'RECTANGLE', mode: 'HUB' },
  { name: 'Echo Show 8', width: 1280, height: 800, dpi: 213, shape: 'RECTANGLE', mode: 'HUB' },
  { name: 'Echo Show 10', width: 1280, height: 800, dpi: 160, shape: 'RECTANGLE', mode: 'HUB' },
  { name: 'Echo Show 15', width: 1920, height: 1080, dpi: 160, shape: 'RECTANGLE', mode: 'HUB' },
  { name: 'Echo Show 15 portrait', width: 1080, height: 1920, dpi: 160, shape: 'RECTANGLE', mode: 'HUB' },
  { name: 'Echo Show 21', width: 1920, height: 1080, dpi: 160, shape: 'RECTANGLE', mode: 'HUB' },
  { name: 'Echo Spot', width: 480, height: 480, dpi: 160, shape: 'ROUND', mode: 'HUB' },
  { name: 'Fire TV', width: 1920, height: 1080, dpi: 320, shape: 'RECTANGLE', mode: 'TV' },
];

export const DEFAULT_PREVIEW_DEVICE = 'Echo Show 8';

/** Looks a device up by name, ignoring case and extra spaces. */
export function findPreviewDevice(name: string): PreviewDevice {
  const wanted = name.trim().replace(/\s+/g, ' ').toLowerCase();
  const device = PREVIEW_DEVICES.find((d) => d.name.toLowerCase() === wanted);
  if (!device) throw frameErrors.unknownDevice(PREVIEW_DEVICES.map((d) => d.name));
  return device;
}
