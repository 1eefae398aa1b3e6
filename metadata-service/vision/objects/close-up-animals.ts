import type { DetectedObject } from '../vision-types';

/**
 * CenterNet names an animal that fills the frame by guesswork: on the evaluation set its only frame-filling animal
 * boxes were a cat called "dog" (0.47) and a man's face chip called "cat" (0.53), and the reference tests found the
 * same for close-ups of animals it has no class for (a squirrel called "bird"). Its animal classes are told apart
 * by body shape in context, which a close-up hides. So an animal box covering most of the photo is unconfirmed:
 * the label is kept with its evidence at a reduced confidence (for "more like this"), below every search
 * threshold, until another model can confirm it.
 */
export const CLOSE_UP_AREA = 0.8;
/** An unconfirmed close-up keeps 0.4 of its score: CenterNet's animal scores stay below 0.9, so below 0.36. */
export const UNCONFIRMED_FACTOR = 0.4;

/** COCO's animal classes, the ones CenterNet confuses with each other and with faces at close range. */
export const COCO_ANIMALS: ReadonlySet<string> = new Set([
  'bird',
  'cat',
  'dog',
  'horse',
  'sheep',
  'cow',
  'elephant',
  'bear',
  'zebra',
  'giraffe',
  'teddy bear',
]);

/** Share of the photo a box covers, clipped to the photo (boxes may overhang it a little). */
export function frameShare(box: DetectedObject['box']): number {
  const width = Math.max(0, Math.min(1, box.left + box.width) - Math.max(0, box.left));
  const height = Math.max(0, Math.min(1, box.top + box.height) - Math.max(0, box.top));
  return width * height;
}

export function isUnconfirmedCloseUp(object: DetectedObject): boolean {
  return COCO_ANIMALS.has(object.label.toLowerCase()) && frameShare(object.box) >= CLOSE_UP_AREA;
}

/** The score an object's label may carry: its own, or reduced when it is an animal close-up CenterNet cannot tell. */
export function confirmedScore(object: DetectedObject): number {
  return isUnconfirmedCloseUp(object) ? object.score * UNCONFIRMED_FACTOR : object.score;
}
