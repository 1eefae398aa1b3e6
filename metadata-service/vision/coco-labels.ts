import type { LabelRecord } from '../repositories/label-rows';
import { confirmedScore, isUnconfirmedCloseUp } from './objects/close-up-animals';
import type { DetectedObject } from './vision-types';

/** A scene the object makes near-certain: skis are on snow. Can answer a search when the object is seen clearly. */
export const IMPLIED_FACTOR = 0.8;
/** A scene the object only makes likely: kept as evidence, below every scene's search threshold. */
export const SUGGESTED_FACTOR = 0.5;

/**
 * COCO-80 objects in the library's vocabulary (common/vocabulary): an object is a label under its own name ("dog",
 * "car", "cake"), which the hierarchy files under its parents ("animal", "food"), so nothing is derived for those.
 * A few objects also say something about a scene the detector cannot see itself; a derived tag carries the
 * object's score times how strongly the object implies the scene. Only what a person would agree the photo shows
 * is implied: a boat is on water but not at a beach; a car is on a street, maybe, and in no way a "city".
 */
const DERIVED: Readonly<Record<string, ReadonlyArray<{ label: string; factor: number }>>> = {
  skis: [{ label: 'snow', factor: IMPLIED_FACTOR }],
  snowboard: [{ label: 'snow', factor: IMPLIED_FACTOR }],
  surfboard: [
    { label: 'sea', factor: SUGGESTED_FACTOR },
    { label: 'beach', factor: SUGGESTED_FACTOR },
  ],
  boat: [{ label: 'water', factor: SUGGESTED_FACTOR }],
  car: [{ label: 'street', factor: SUGGESTED_FACTOR }],
  bus: [{ label: 'street', factor: SUGGESTED_FACTOR }],
  truck: [{ label: 'street', factor: SUGGESTED_FACTOR }],
  'traffic light': [{ label: 'street', factor: SUGGESTED_FACTOR }],
  'stop sign': [{ label: 'street', factor: SUGGESTED_FACTOR }],
  'parking meter': [{ label: 'street', factor: SUGGESTED_FACTOR }],
  'fire hydrant': [{ label: 'street', factor: SUGGESTED_FACTOR }],
};

/** One label per name, the most confident evidence for it (an animal close-up unconfirmed: objects/close-up-animals.ts). */
export function labelsFromObjects(objects: readonly DetectedObject[]): LabelRecord[] {
  const best = new Map<string, { confidence: number; detail?: string }>();
  const offer = (label: string, confidence: number, detail?: string) => {
    if ((best.get(label)?.confidence ?? -1) < confidence) best.set(label, { confidence, detail });
  };
  for (const object of objects) {
    const label = object.label.toLowerCase();
    const score = confirmedScore(object);
    // Provenance says why a close-up's confidence is lower than the model's own score.
    const detail = isUnconfirmedCloseUp(object)
      ? `animal close-up, unconfirmed (model score ${round(object.score)})`
      : object.firstLook !== undefined
        ? `second look on a closer crop (first look ${round(object.firstLook)})`
        : undefined;
    offer(label, score, detail);
    for (const derived of DERIVED[label] ?? []) offer(derived.label, score * derived.factor, detail);
  }
  return [...best]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([label, { confidence, detail }]) => ({
      label,
      source: 'vision' as const,
      confidence: round(confidence),
      ...(detail === undefined ? {} : { detail }),
    }));
}

function round(value: number): number {
  return Math.round(Math.min(1, Math.max(0, value)) * 1000) / 1000;
}
