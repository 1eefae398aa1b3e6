import type { LabelSource } from '../database/schema';
import { OBJECT_SEARCH_GATES } from '../vision/objects/object-search-gates';
import { sunSearchThreshold } from './sun/sun-search-gate';

/**
 * When a label answers a search. Every label a photo gets is kept with its confidence in photo_label_sources (its
 * provenance); the searchable row in photo_labels is written only when one source's confidence reaches the label's
 * threshold for that source.
 *
 * - keyword, sidecar, folder: the owner's own words (confidence 1.0, folders 0.8) always answer.
 * - vision: the model's score must reach the label's threshold below. Measured on the Debian test photos with the
 *   local detector (CenterNet via human, scores compressed well below 1): true objects scored 0.42 (the dog in
 *   darknet dog.jpg and person.jpg), 0.48 (bicycle, giraffe), 0.55 (car, bird), 0.66-0.79 (horses, people); false
 *   ones 0.25-0.30 (a parking meter, a surfboard and a book that are not there). So objects answer from 0.4,
 *   classes it confuses with a neighbour from 0.5, and clutter it "finds" on tables and in crowds (ties, cups,
 *   phones, cutlery) from 0.5. (The zebra at 0.58 in darknet's giraffe.jpg, once taken for the giraffe and held
 *   to 0.6, is the zebra beside it: its box covers the zebra, not the giraffe, looked at on the photo.)
 * - Scene labels come from Rekognition's scene classifier (its own floor is 0.7, so those answer) or are DERIVED
 *   from an object at half its score (coco-labels.ts): a surfboard's 0.9 makes a "beach" of 0.45, kept as
 *   evidence, never an answer (scenes need 0.6). Only a derivation the object implies (skis → snow, at 0.8 of the
 *   object) can answer, and only when the object itself was seen at 0.75 or more.
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
  // Classes CenterNet confuses with a neighbour: bears, cows, sheep and teddies stand in for dogs, horses and
  // each other.
  bear: 0.5,
  cow: 0.5,
  sheep: 0.5,
  'teddy bear': 0.5,
  // Small clutter it "finds" on tables and in crowds (ties at 0.28-0.39 on the dlib group photos).
  tie: 0.5,
  cup: 0.5,
  bottle: 0.5,
  bowl: 0.5,
  mouse: 0.5,
  remote: 0.5,
  knife: 0.5,
  spoon: 0.5,
  fork: 0.5,
  scissors: 0.5,
  toothbrush: 0.5,
  'hair drier': 0.5,
  'cell phone': 0.5,
  'parking meter': 0.5,
  book: 0.5,
};

/** A directly seen object's threshold when the table above does not name it. */
export const DEFAULT_VISION_SEARCH_THRESHOLD = 0.4;

/** The threshold a vision label had before calibration on labelled photos: the starting point calibration raises. */
export function priorVisionThreshold(label: string): number {
  return VISION_SEARCH_THRESHOLDS[label] ?? DEFAULT_VISION_SEARCH_THRESHOLD;
}

/** The confidence from which a label from this source answers a search (Infinity: never). */
export function searchThreshold(label: string, source: LabelSource): number {
  // Sun labels answer only where their measured precision clears the bar (sun/sun-search-gate.ts).
  if (source === 'sun') return sunSearchThreshold(label);
  if (source !== 'vision') return 0;
  // Objects calibrated on the evaluation set (vision/objects/object-search-gates.ts); null: never answers. The
  // gates are measured on the local detector and apply to every vision source (Rekognition shares the table).
  const gate = OBJECT_SEARCH_GATES[label];
  if (gate === null) return Number.POSITIVE_INFINITY;
  return gate ?? priorVisionThreshold(label);
}

/** Whether this piece of evidence makes the photo answer a search for its label. */
export function answersSearch(evidence: { label: string; source: LabelSource; confidence: number }): boolean {
  return evidence.confidence >= searchThreshold(evidence.label, evidence.source);
}
