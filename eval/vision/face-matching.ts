/**
 * Which detected face is which face of the table: greedy one-to-one matching by intersection over union, best pair
 * first. The table's boxes are tight (brows to chin, dlib style) while detectors pad theirs, so a correct detection
 * of a 37 px face in a 55 px box has an IoU near 0.45: the default bar of 0.25 accepts that and still rejects a
 * neighbour's face.
 */
export type Box = readonly [left: number, top: number, width: number, height: number];

export const DEFAULT_MIN_IOU = 0.25;

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

export function matchFaces(
  truth: readonly Box[],
  detected: readonly Box[],
  minIou = DEFAULT_MIN_IOU,
): FaceMatch {
  const candidates: { t: number; d: number; overlap: number }[] = [];
  truth.forEach((t, ti) =>
    detected.forEach((d, di) => {
      const overlap = iou(t, d);
      if (overlap >= minIou) candidates.push({ t: ti, d: di, overlap });
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
