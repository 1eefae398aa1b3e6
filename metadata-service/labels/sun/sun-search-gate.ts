import type { SunLabel } from './sun-rules';

/** A sun label answers a search only when its measured precision reaches this. */
export const SUN_PRECISION_BAR = 0.9;

/**
 * Measured precision per sun label (`npm run bench:sun`, rules-1, 63 real photos), the lower of "as taken" (each
 * photo at its own instant and place, 49 cases) and the sweep (every photo at sun +2° evening and morning, −6.5°
 * and −20°, 252 cases). The sweep is the hard one: it asks what each picture would be called had it been taken then.
 *
 * | label       | as taken (TP/FP) | sweep (TP/FP) | answers search |
 * | sunset      | 1.00 (2/0)       | 1.00 (2/0)    | yes            |
 * | sunrise     | - (0/0)          | 1.00 (2/0)    | yes            |
 * | golden hour | 1.00 (2/0)       | 0.18 (4/18)   | no: warm objects (marigold, coffee, horses) look like warm light |
 * | blue hour   | 1.00 (2/0)       | 0.38 (3/5)    | no: a daytime blue sky looks like a blue-hour sky |
 * | night       | 1.00 (1/0)       | 0.40 (2/3)    | no: a dark forest or moss close-up looks like night |
 *
 * On the vision evaluation set (eval/vision/, 169 photos: faces, rooms, flowers, animals, streets, three sunsets) at
 * sun +2° evening and morning, sunset and sunrise measured 1.00 precision and 1.00 recall (3/0/0 each).
 *
 * Sunset and sunrise clear the bar on little support (two real sunset photos, each in both halves of the day): a
 * label that clears it answers; the others are kept with their evidence (and "more like this") but never answer.
 * The test sun-photo-set.test.ts fails when a label marked here as answering drops below the bar.
 */
export const SUN_LABEL_PRECISION: Readonly<Record<SunLabel, number>> = {
  sunset: 1.0,
  sunrise: 1.0,
  'golden hour': 0.18,
  'blue hour': 0.38,
  night: 0.4,
};

/** The confidence every sun label is stored with: both halves of its rule agreed (the gate is per label). */
export const SUN_LABEL_CONFIDENCE = 1;

/** The confidence from which a sun label answers a search: never (above 1) when its precision is below the bar. */
export function sunSearchThreshold(label: string): number {
  // Own keys only: a label such as "constructor" must not find Object.prototype's.
  const precision = Object.hasOwn(SUN_LABEL_PRECISION, label)
    ? SUN_LABEL_PRECISION[label as SunLabel]
    : undefined;
  return precision !== undefined && precision >= SUN_PRECISION_BAR
    ? SUN_LABEL_CONFIDENCE
    : Number.POSITIVE_INFINITY;
}
