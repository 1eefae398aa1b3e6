import { dirname, join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';
import type { Config, Human, Result } from '@vladmandic/human';
import { registerFileModelLoader } from './file-model-loader';

/** Where the installed packages keep the wasm binaries and the model files (nothing is fetched at run time). */
function installedPaths(): { humanDist: string; models: string; wasm: string } {
  // human's "exports" keys lack './', so its wasm build cannot be imported by name; resolve its folder instead.
  const humanDist = dirname(require.resolve('@vladmandic/human'));
  const wasmMain = require.resolve('@tensorflow/tfjs-backend-wasm');
  return { humanDist, models: join(humanDist, '..', 'models'), wasm: dirname(wasmMain) };
}

/** Thresholds from ../shared/reference/computer-vision.md (tested on darknet and dlib photos). */
export const OBJECT_MIN_CONFIDENCE = 0.25;
export const FACE_MIN_CONFIDENCE = 0.3;

export function humanConfig(): Partial<Config> {
  const paths = installedPaths();
  return {
    backend: 'wasm',
    // Both defaults point at CDNs: jsdelivr for the wasm binaries, a relative file:// for models.
    wasmPath: `${paths.wasm}/`,
    wasmPlatformFetch: false,
    modelBasePath: `file://${paths.models}/`,
    debug: false,
    face: {
      enabled: true,
      detector: { rotation: true, maxDetected: 50, minConfidence: FACE_MIN_CONFIDENCE, return: false },
      mesh: { enabled: true },
      description: { enabled: true },
      iris: { enabled: false },
      emotion: { enabled: false },
      antispoof: { enabled: false },
      liveness: { enabled: false },
      attention: { enabled: false },
    },
    object: {
      enabled: true,
      modelPath: 'centernet.json',
      minConfidence: OBJECT_MIN_CONFIDENCE,
      maxDetected: 20,
    },
    body: { enabled: false },
    hand: { enabled: false },
    gesture: { enabled: false },
    segmentation: { enabled: false },
    filter: { enabled: false },
    cacheSensitivity: 0,
  };
}

/** One loaded human instance (≈150 ms to load, ≈290 MB resident): a worker process keeps one for its life. */
export async function loadHuman(): Promise<Human> {
  registerFileModelLoader();
  const paths = installedPaths();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Human: HumanClass } = require(join(paths.humanDist, 'human.node-wasm.js')) as {
    Human: new (config: Partial<Config>) => Human;
  };
  const human = new HumanClass(humanConfig());
  await human.load();
  return human;
}

/**
 * Objects first, then faces only when `wantFaces(objects)` says so: a face is only ever kept inside a person box
 * (face-filter.ts), so on a photo without a person the face pipeline (detector, mesh and descriptor: 30-130 ms a
 * face, more on a dog's face it would find) is work thrown away. One tensor serves both passes and is released
 * whatever happens. human merges a detect() config into its own, so each pass names both switches.
 */
export async function detectPixels(
  human: Human,
  pixels: { data: Buffer; width: number; height: number },
  wantFaces: (objects: Result['object']) => boolean = () => true,
): Promise<Pick<Result, 'object' | 'face'>> {
  const input = tf.tensor4d(new Int32Array(pixels.data), [1, pixels.height, pixels.width, 3], 'int32');
  try {
    const objects = await human.detect(input, { object: { enabled: true }, face: { enabled: false } });
    if (!wantFaces(objects.object)) return { object: objects.object, face: [] };
    const faces = await human.detect(input, { object: { enabled: false }, face: { enabled: true } });
    return { object: objects.object, face: faces.face };
  } finally {
    tf.dispose(input);
  }
}

/**
 * CenterNet alone on pixel regions of the image (objects/second-look.ts): each region becomes a tensor of its own and is
 * enlarged by the model to its 512×512 input. Boxes come back as fractions of their region.
 */
export async function detectObjectsInRegions(
  human: Human,
  pixels: { data: Buffer; width: number; height: number },
  regions: readonly { left: number; top: number; width: number; height: number }[],
): Promise<Result['object'][]> {
  const found: Result['object'][] = [];
  for (const region of regions) {
    // Only the region's pixels become a tensor (the same values tf.slice would cut from a whole-image tensor), not a
    // second full-size int32 copy of the photo (four bytes a sample) per analysis.
    const crop = tf.tensor4d(regionPixels(pixels, region), [1, region.height, region.width, 3], 'int32');
    try {
      const result = await human.detect(crop, { object: { enabled: true }, face: { enabled: false } });
      found.push(result.object);
    } finally {
      tf.dispose(crop);
    }
  }
  return found;
}

/** The RGB values of `region` (whole pixels inside the image) as int32, row by row. */
function regionPixels(
  pixels: { data: Buffer; width: number },
  region: { left: number; top: number; width: number; height: number },
): Int32Array {
  const values = new Int32Array(region.width * region.height * 3);
  const rowValues = region.width * 3;
  for (let y = 0; y < region.height; y++) {
    const from = ((region.top + y) * pixels.width + region.left) * 3;
    values.set(pixels.data.subarray(from, from + rowValues), y * rowValues);
  }
  return values;
}
