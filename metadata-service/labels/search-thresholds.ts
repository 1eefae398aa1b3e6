import type { LabelSource } from '../database/schema';

/**
 * When a label answers a search. Every label a photo gets is kept with its confidence in photo_label_sources (its
 * provenance); the searchable row in photo_labels is written only when one source's confidence reaches the label's
 * threshold for that source.
 *
 * - keyword, sidecar, folder: the owner's own words (confidence 1.0, folders 0.8) always answer.
 * - vision: the model's score must reach the label's threshold below. Objects the detector (CenterNet, COCO) sees
 *   directly need 0.5; classes it confuses with others or finds as tiny clutter need more. Scene labels come from
 *   Rekognition's scene classifier (its own floor is 0.7, so those answer) or are DERIVED from an object at half or
 *   less of its score (coco-labels.ts): a surfboard's 0.9 makes a "beach" of 0.45, kept as evidence, never an
 *   answer. Only a derivation the object implies (skis → snow, at 0.8 of the object) can answer, and only when the
 *   object itself was seen at 0.75 or more.
 */
export const VISION_SEARCH_THRESHOLDS: Readonly<Record<string, number>> = {
  // Scenes: never from a suggestion, only from a scene classifier or an implying object seen clearly.
  beach: 0.6,
  coast: 0.6,
  sea: 0.6,
  water: 0.6,
  lake: 0.6,
  river: 0.6,
  mountain: 0.6,
  forest: 0.6,
  snow: 0.6,
  sunset: 0.6,
  sunrise: 0.6,
  city: 0.6,
  street: 0.6,
  food: 0.6,
  wildlife: 0.6,
  // Objects CenterNet confuses with a neighbour class (a bear for a dog, a cow for a horse, a teddy for a bear).
  bear: 0.6,
  cow: 0.6,
  sheep: 0.6,
  'teddy bear': 0.6,
  // Small clutter it "finds" on many tables and desks.
  mouse: 0.6,
  remote: 0.6,
  knife: 0.6,
  spoon: 0.6,
  fork: 0.6,
  scissors: 0.6,
  toothbrush: 0.6,
  'hair drier': 0.6,
  'cell phone': 0.6,
  tie: 0.6,
};

/** A directly seen object's threshold when the table above does not name it. */
export const DEFAULT_VISION_SEARCH_THRESHOLD = 0.5;

/** The confidence from which a label from this source answers a search. */
export function searchThreshold(label: string, source: LabelSource): number {
  if (source !== 'vision') return 0;
  return VISION_SEARCH_THRESHOLDS[label] ?? DEFAULT_VISION_SEARCH_THRESHOLD;
}

/** Whether this piece of evidence makes the photo answer a search for its label. */
export function answersSearch(evidence: { label: string; source: LabelSource; confidence: number }): boolean {
  return evidence.confidence >= searchThreshold(evidence.label, evidence.source);
}
