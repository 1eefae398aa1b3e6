import type { Box, DetectedObject } from '../vision-types';

/**
 * A second, closer look at doubtful objects. CenterNet sees the whole photo squeezed to 512×512, so a small object
 * (a person down the street, a bowl on a table) gets a few pixels and a middling score. Run again on a crop around
 * the object, enlarged to the model's input, it scores a real object higher and a phantom lower or not at all.
 * Measured on the evaluation set (bench/vision-eval.ts, 168 photos, 68 looks): a person 0.36 -> 0.64, a bowl
 * 0.47 -> 0.57, a tie 0.39 -> 0.43; false ones a bird 0.46 -> none, a sports ball 0.44 -> none, a person in a
 * forest 0.37 -> none, sheep 0.45 -> none. Cost: one more CenterNet pass per doubtful label, 42 on 168 photos.
 *
 * Only a label none of whose detections answers a search gets a look (a label already answering needs no help), at
 * its most confident detection; the label's evidence is then what the closer look says, up or down.
 */

/** The crop is this many times the object's longer side (measured: 2.5 beat 4, which sees too little more). */
export const LOOK_EXPAND = 2.5;
/** Never a crop under this many pixels a side: CenterNet needs some context around a tiny object. */
export const LOOK_MIN_SIDE_PX = 160;
/** A detection in the crop is the same object when it covers at least this share of the smaller box. */
export const LOOK_SAME_OBJECT_OVERLAP = 0.5;
/**
 * A detection below this is not worth a look: on the set no closer look lifted one from under 0.3 to its gate (a
 * tie 0.27 -> 0.33, scissors 0.28 -> 0.35), and leaving them out halved the looks (68 -> 42).
 */
export const LOOK_MIN_SCORE = 0.3;
/** At most this many looks a photo (the table clutter of a group photo): bounds the cost; 1 to 3 measured alike. */
export const MAX_LOOKS_PER_PHOTO = 2;

/** A pixel rectangle of the analysed image. */
export interface PixelRegion {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * The detections worth a second look: per label without an answering detection, its best from LOOK_MIN_SCORE, best
 * labels first.
 */
export function secondLookCandidates(
  objects: readonly DetectedObject[],
  threshold: (label: string) => number,
  max = MAX_LOOKS_PER_PHOTO,
): DetectedObject[] {
  const answering = new Set(objects.filter((o) => o.score >= threshold(o.label)).map((o) => o.label));
  const best = new Map<string, DetectedObject>();
  for (const object of objects) {
    if (answering.has(object.label) || object.score < LOOK_MIN_SCORE) continue;
    if ((best.get(object.label)?.score ?? -1) < object.score) best.set(object.label, object);
  }
  return [...best.values()].sort((a, b) => b.score - a.score).slice(0, max);
}

/** The square-ish crop around a box (fractions of the image) that the second look sees, clipped to the image. */
export function lookRegion(box: Box, width: number, height: number): PixelRegion {
  const longer = Math.max(box.width * width, box.height * height);
  const side = Math.min(Math.max(width, height), Math.max(LOOK_MIN_SIDE_PX, LOOK_EXPAND * longer));
  const regionWidth = Math.max(1, Math.min(width, Math.round(side)));
  const regionHeight = Math.max(1, Math.min(height, Math.round(side)));
  const centreX = (box.left + box.width / 2) * width;
  const centreY = (box.top + box.height / 2) * height;
  const left = Math.round(Math.min(width - regionWidth, Math.max(0, centreX - regionWidth / 2)));
  const top = Math.round(Math.min(height - regionHeight, Math.max(0, centreY - regionHeight / 2)));
  return { left, top, width: regionWidth, height: regionHeight };
}

/** A box found in the crop (fractions of the crop) as fractions of the whole image. */
export function boxInImage(box: Box, region: PixelRegion, width: number, height: number): Box {
  return {
    left: (region.left + box.left * region.width) / width,
    top: (region.top + box.top * region.height) / height,
    width: (box.width * region.width) / width,
    height: (box.height * region.height) / height,
  };
}

/** Share of the smaller box that the two boxes have in common. */
export function overlapOfSmaller(a: Box, b: Box): number {
  const width = Math.max(0, Math.min(a.left + a.width, b.left + b.width) - Math.max(a.left, b.left));
  const height = Math.max(0, Math.min(a.top + a.height, b.top + b.height) - Math.max(a.top, b.top));
  const smaller = Math.min(a.width * a.height, b.width * b.height);
  return smaller > 0 ? (width * height) / smaller : 0;
}

/**
 * The closer look's score for the candidate: the best detection of its label in the crop (boxes in image
 * fractions) on the same object; 0 when the closer look does not see it.
 */
export function closerScore(candidate: DetectedObject, inCrop: readonly DetectedObject[]): number {
  let score = 0;
  for (const object of inCrop) {
    if (object.label !== candidate.label) continue;
    if (overlapOfSmaller(object.box, candidate.box) < LOOK_SAME_OBJECT_OVERLAP) continue;
    score = Math.max(score, object.score);
  }
  return score;
}

/**
 * A label the closer look did not see at all keeps this share of its first score: evidence for "more like this",
 * below every search threshold and every prior the gates are calibrated from (a candidate is below its gate, at
 * most 0.6, so it ends below 0.3). Dropping it would lose real objects the crop cut badly (darknet's horse, 0.31).
 */
export const OVERRULED_FACTOR = 0.5;

/**
 * The objects after the second looks: each looked-at label is the looked-at detection with the closer look's score
 * (its first score kept as `firstLook` for provenance), or OVERRULED_FACTOR of its first score when the closer look
 * did not see it; its other weaker detections are dropped (the closer look overruled them). Other labels are
 * untouched.
 */
export function applySecondLooks(
  objects: readonly DetectedObject[],
  looks: readonly { candidate: DetectedObject; score: number }[],
): DetectedObject[] {
  const looked = new Map(looks.map((look) => [look.candidate.label, look]));
  const result: DetectedObject[] = [];
  for (const object of objects) {
    const look = looked.get(object.label);
    if (look === undefined) result.push(object);
    else if (object === look.candidate)
      result.push({
        ...object,
        score: look.score > 0 ? look.score : object.score * OVERRULED_FACTOR,
        firstLook: object.score,
      });
  }
  return result;
}
