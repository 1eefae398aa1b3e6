/**
 * Which detected face is which face of the table: greedy one-to-one matching, best intersection over union first.
 * The table's boxes are tight (brows to chin, dlib style) while detectors pad theirs to about twice the side, which
 * puts a correct detection's IoU near 0.25 or below; so a pair counts when the detection covers at least half of
 * the table's box and neither box's side is more than MAX_SIDE_RATIO times the other's (a box around a whole group
 * is no face).
 */
export type Box = readonly [left: number, top: number, width: number, height: number];

export const MIN_COVERAGE = 0.5;
export const MAX_SIDE_RATIO = 3;

export function iou(a: Box, b: Box): number {
  const left = Math.max(a[0], b[0]);
  const top = Math.max(a[1], b[1]);
  const right = Math.min(a[0] + a[2], b[0] + b[2]);
  const bottom = Math.min(a[1] + a[3], b[1] + b[3]);
  const overlap = Math.max(0, right - left) * Math.max(0, bottom - top);
  const union = a[2] * a[3] + b[2] * b[3] - overlap;
  return union <= 0 ? 0 : overlap / union;
}

export interface FaceMatch {
  /** [index in truth, index in detected] pairs. */
  pairs: [number, number][];
  missed: number[];
  extra: number[];
}

/** The share of `covered` that `by` overlaps. */
export function coverage(covered: Box, by: Box): number {
  const width = Math.max(0, Math.min(covered[0] + covered[2], by[0] + by[2]) - Math.max(covered[0], by[0]));
  const height = Math.max(0, Math.min(covered[1] + covered[3], by[1] + by[3]) - Math.max(covered[1], by[1]));
  const area = covered[2] * covered[3];
  return area <= 0 ? 0 : (width * height) / area;
}

/** Whether a detection can be this face of the table at all. */
export function couldBe(truth: Box, detected: Box): boolean {
  const side = (b: Box) => Math.sqrt(b[2] * b[3]);
  const ratio = side(detected) / side(truth);
  return coverage(truth, detected) >= MIN_COVERAGE && ratio <= MAX_SIDE_RATIO && ratio >= 1 / MAX_SIDE_RATIO;
}

export function matchFaces(truth: readonly Box[], detected: readonly Box[]): FaceMatch {
  const candidates: { t: number; d: number; overlap: number }[] = [];
  truth.forEach((t, ti) =>
    detected.forEach((d, di) => {
      if (couldBe(t, d)) candidates.push({ t: ti, d: di, overlap: iou(t, d) });
    }),
  );
  candidates.sort((x, y) => y.overlap - x.overlap || x.t - y.t || x.d - y.d);
  const usedTruth = new Set<number>();
  const usedDetected = new Set<number>();
  const pairs: [number, number][] = [];
  for (const { t, d } of candidates) {
    if (usedTruth.has(t) || usedDetected.has(d)) continue;
    usedTruth.add(t);
    usedDetected.add(d);
    pairs.push([t, d]);
  }
  return {
    pairs: pairs.sort((x, y) => x[0] - y[0]),
    missed: truth.map((_, i) => i).filter((i) => !usedTruth.has(i)),
    extra: detected.map((_, i) => i).filter((i) => !usedDetected.has(i)),
  };
}

export type FaceSizeBucket = '<40' | '40-80' | '>=80';
export const FACE_SIZE_BUCKETS: readonly FaceSizeBucket[] = ['<40', '40-80', '>=80'];

/** A face's size: the longer side of its box, in pixels of the image the models see. */
export function faceSizeBucket(pixels: number): FaceSizeBucket {
  if (pixels < 40) return '<40';
  return pixels < 80 ? '40-80' : '>=80';
}
