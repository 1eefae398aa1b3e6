import type { SupportedInterfaces, interfaces } from 'ask-sdk-model';
import { AppError } from '../../common/errors';

/** A device as the skill sees it: its viewport (screens only) and the interfaces it declares. */
export interface DevicePreset {
  name: string;
  viewport?: interfaces.viewport.ViewportState;
  supportedInterfaces: SupportedInterfaces;
}

const APL_INTERFACE: SupportedInterfaces = {
  'Alexa.Presentation.APL': { runtime: { maxVersion: '2024.2' } },
};

interface ScreenSpec {
  name: string;
  mode: interfaces.viewport.Mode;
  shape: interfaces.viewport.Shape;
  width: number;
  height: number;
  dpi: number;
  touch: boolean;
  /** Arc-minutes of the user's field of view the screen covers, as Alexa reports in `experiences`. */
  arcMinutes: [number, number];
}

/** Freezes a preset all the way down: presets are shared by every envelope of the process, so none may change. */
function frozen<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) frozen(child);
    Object.freeze(value);
  }
  return value;
}

function screen(spec: ScreenSpec): DevicePreset {
  return {
    name: spec.name,
    viewport: {
      experiences: [
        {
          arcMinuteWidth: spec.arcMinutes[0],
          arcMinuteHeight: spec.arcMinutes[1],
          canRotate: false,
          canResize: false,
        },
      ],
      mode: spec.mode,
      shape: spec.shape,
      pixelWidth: spec.width,
      pixelHeight: spec.height,
      currentPixelWidth: spec.width,
      currentPixelHeight: spec.height,
      dpi: spec.dpi,
      touch: spec.touch ? ['SINGLE'] : [],
      keyboard: spec.mode === 'TV' ? ['DIRECTION'] : [],
      video: { codecs: ['H_264_41', 'H_264_42'] },
    },
    supportedInterfaces: { ...APL_INTERFACE },
  };
}

/**
 * Presets after the APL authoring tool's viewport profiles (pixels = dp × dpi / 160). Echo Show 8 keeps the tool's
 * dpi 213, which ask-sdk-core's getViewportProfile misreads as a mobile device: the skill must not rely on it.
 */
export const DEVICES: readonly DevicePreset[] = frozen([
  screen({
    name: 'Echo Show 5',
    mode: 'HUB',
    shape: 'RECTANGLE',
    width: 960,
    height: 480,
    dpi: 160,
    touch: true,
    arcMinutes: [246, 123],
  }),
  screen({
    name: 'Echo Show 8',
    mode: 'HUB',
    shape: 'RECTANGLE',
    width: 1280,
    height: 800,
    dpi: 213,
    touch: true,
    arcMinutes: [246, 154],
  }),
  screen({
    name: 'Echo Show 10',
    mode: 'HUB',
    shape: 'RECTANGLE',
    width: 1280,
    height: 800,
    dpi: 160,
    touch: true,
    arcMinutes: [290, 181],
  }),
  screen({
    name: 'Echo Show 15',
    mode: 'HUB',
    shape: 'RECTANGLE',
    width: 1920,
    height: 1080,
    dpi: 160,
    touch: true,
    arcMinutes: [430, 242],
  }),
  screen({
    name: 'Echo Show 15 portrait',
    mode: 'HUB',
    shape: 'RECTANGLE',
    width: 1080,
    height: 1920,
    dpi: 160,
    touch: true,
    arcMinutes: [242, 430],
  }),
  screen({
    name: 'Echo Show 21',
    mode: 'HUB',
    shape: 'RECTANGLE',
    width: 1920,
    height: 1080,
    dpi: 160,
    touch: true,
    arcMinutes: [560, 315],
  }),
  screen({
    name: 'Echo Spot',
    mode: 'HUB',
    shape: 'ROUND',
    width: 480,
    height: 480,
    dpi: 160,
    touch: true,
    arcMinutes: [144, 144],
  }),
  screen({
    name: 'Fire TV',
    mode: 'TV',
    shape: 'RECTANGLE',
    width: 1920,
    height: 1080,
    dpi: 320,
    touch: false,
    arcMinutes: [1087, 611],
  }),
  { name: 'Echo Dot', supportedInterfaces: {} },
]);

/** Looks a preset up by name, ignoring case and extra spaces. */
export function findDevice(name: string): DevicePreset {
  const wanted = name.trim().replace(/\s+/g, ' ').toLowerCase();
  const device = DEVICES.find((preset) => preset.name.toLowerCase() === wanted);
  if (device) return device;
  throw new AppError({
    status: 400,
    code: 'UNKNOWN_DEVICE',
    publicMessage: `Unknown device "${name}". Known devices: ${DEVICES.map((d) => d.name).join(', ')}`,
  });
}
