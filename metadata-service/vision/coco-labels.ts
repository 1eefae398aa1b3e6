import type { LabelRecord } from '../repositories/label-rows';
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

/** One label per name, the most confident evidence for it. */
export function labelsFromObjects(objects: readonly DetectedObject[]): LabelRecord[] {
  const best = new Map<string, number>();
  const offer = (label: string, confidence: number) => {
    if ((best.get(label) ?? -1) < confidence) best.set(label, confidence);
  };
  for (const object of objects) {
    const label = object.label.toLowerCase();
    offer(label, object.score);
    for (const derived of DERIVED[label] ?? []) offer(derived.label, object.score * derived.factor);
  }
  return [...best]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([label, confidence]) => ({ label, source: 'vision' as const, confidence: round(confidence) }));
}

function round(value: number): number {
  return Math.round(Math.min(1, Math.max(0, value)) * 1000) / 1000;
}
