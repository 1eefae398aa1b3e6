/** The quality and speed floor of issue 13, printed next to each figure by `npm run bench:vision`. */
export const VISION_TARGETS = {
  /** Object labels used by search, all (photo, label) decisions together. */
  objectPrecision: 0.95,
  objectRecall: 0.8,
  /** No single label class below this precision. */
  labelPrecision: 0.9,
  /** Faces of 40 px and more, as the models see them. */
  faceRecallFrom40: 0.9,
  purity: 0.97,
  clustersPerIdentity: 1.3,
  /** Sunset and sunrise labels. */
  scenePrecision: 0.9,
  photosPerSecond: 4,
  rssMbPerWorker: 450,
} as const;

export function verdict(
  value: number | undefined,
  target: number,
  direction: 'min' | 'max',
): 'PASS' | 'MISS' {
  if (value === undefined) return 'MISS';
  return (direction === 'min' ? value >= target : value <= target) ? 'PASS' : 'MISS';
}
