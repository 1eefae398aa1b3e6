/**
 * Per-label search gates for the local detector's objects (CenterNet), calibrated on the labelled evaluation set
 * by eval/vision/object-calibration.ts: a number is the confidence from which the label answers a search, null
 * means it never does (the model was wrong at its prior threshold and never right above its wrong answers).
 * Labels not named keep their prior (labels/search-thresholds.ts). Written by
 * `npm run bench:vision -- --write-gates`; the bench prints the held-out figures that justify it. "right" and
 * "wrong" count the set's photos where the model gave the label at any confidence.
 */
export const OBJECT_GATES_CALIBRATION = { photos: 168, set: 'set-e09db54a3e8c29f0' } as const;

export const OBJECT_SEARCH_GATES: Readonly<Record<string, number | null>> = {
  apple: 0.4, // unconfirmed: 0 right, 1 wrong detections
  banana: 0.4, // unconfirmed: 0 right, 1 wrong detections
  bed: 0.4, // unconfirmed: 0 right, 1 wrong detections
  bench: 0.4, // unconfirmed: 0 right, 1 wrong detections
  bicycle: 0.4, // measured: 2 right, 0 wrong detections
  bird: 0.47, // measured: 3 right, 5 wrong detections
  boat: 0.4, // measured: 2 right, 0 wrong detections
  book: 0.5, // unconfirmed: 0 right, 1 wrong detections
  bottle: 0.5, // measured: 3 right, 1 wrong detections
  bowl: 0.5, // measured: 1 right, 2 wrong detections
  bus: 0.4, // unconfirmed: 0 right, 1 wrong detections
  car: 0.4, // measured: 3 right, 2 wrong detections
  cat: 0.4, // unconfirmed: 0 right, 1 wrong detections
  'cell phone': 0.5, // measured: 1 right, 1 wrong detections
  chair: 0.4, // unconfirmed: 0 right, 1 wrong detections
  clock: 0.4, // unconfirmed: 0 right, 3 wrong detections
  couch: 0.4, // unconfirmed: 0 right, 0 wrong detections
  cow: 0.5, // unconfirmed: 0 right, 2 wrong detections
  cup: 0.5, // measured: 2 right, 0 wrong detections
  'dining table': 0.4, // unconfirmed: 0 right, 1 wrong detections
  dog: 0.4, // measured: 6 right, 1 wrong detections
  giraffe: 0.4, // measured: 1 right, 0 wrong detections
  handbag: 0.4, // unconfirmed: 0 right, 0 wrong detections
  horse: 0.4, // measured: 2 right, 0 wrong detections
  kite: 0.4, // measured: 3 right, 0 wrong detections
  motorcycle: 0.4, // measured: 1 right, 0 wrong detections
  orange: null, // not searchable: 1 right, 1 wrong detections
  'parking meter': 0.5, // unconfirmed: 0 right, 2 wrong detections
  person: 0.4, // measured: 95 right, 1 wrong detections
  'potted plant': 0.4, // unconfirmed: 0 right, 0 wrong detections
  remote: 0.5, // unconfirmed: 0 right, 1 wrong detections
  scissors: 0.5, // unconfirmed: 0 right, 1 wrong detections
  sheep: 0.5, // unconfirmed: 0 right, 1 wrong detections
  spoon: 0.5, // unconfirmed: 0 right, 0 wrong detections
  'sports ball': 0.45, // measured: 1 right, 2 wrong detections
  suitcase: 0.4, // unconfirmed: 0 right, 1 wrong detections
  surfboard: 0.4, // unconfirmed: 0 right, 1 wrong detections
  tie: 0.5, // measured: 2 right, 7 wrong detections
  'traffic light': 0.4, // unconfirmed: 0 right, 2 wrong detections
  vase: null, // not searchable: 0 right, 2 wrong detections
  'wine glass': 0.4, // measured: 2 right, 0 wrong detections
  zebra: 0.4, // measured: 1 right, 0 wrong detections
};
