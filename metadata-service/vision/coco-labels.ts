import type { LabelRecord } from '../repositories/label-rows';
import type { DetectedObject } from './vision-types';

/**
 * COCO-80 objects in the library's vocabulary. An object is a label under its own name ("dog", "car", "cake"),
 * which the label hierarchy files under its parent ("animal", "food"); some also suggest a scene the detector
 * cannot see itself. Those derived tags get a LOW confidence: a kite is weak evidence of a beach.
 */
const DERIVED: Readonly<Record<string, readonly string[]>> = {
  skis: ['snow'],
  snowboard: ['snow'],
  surfboard: ['beach', 'water'],
  kite: ['beach', 'water'],
  boat: ['beach', 'water'],
  // "street" is a synonym of the canonical "city".
  car: ['city'],
  bus: ['city'],
  truck: ['city'],
  'traffic light': ['city'],
  'stop sign': ['city'],
  banana: ['food'],
  apple: ['food'],
  sandwich: ['food'],
  orange: ['food'],
  broccoli: ['food'],
  carrot: ['food'],
  'hot dog': ['food'],
  pizza: ['food'],
  donut: ['food'],
  cake: ['food'],
  bowl: ['food'],
  'dining table': ['food'],
  elephant: ['wildlife'],
  bear: ['wildlife'],
  zebra: ['wildlife'],
  giraffe: ['wildlife'],
};

/** How much weaker a derived scene tag is than the object it comes from. */
export const DERIVED_CONFIDENCE_FACTOR = 0.5;

/** One label per name, the most confident evidence for it. */
export function labelsFromObjects(objects: readonly DetectedObject[]): LabelRecord[] {
  const best = new Map<string, number>();
  const offer = (label: string, confidence: number) => {
    if ((best.get(label) ?? -1) < confidence) best.set(label, confidence);
  };
  for (const object of objects) {
    const label = object.label.toLowerCase();
    offer(label, object.score);
    for (const derived of DERIVED[label] ?? []) offer(derived, object.score * DERIVED_CONFIDENCE_FACTOR);
  }
  return [...best]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([label, confidence]) => ({ label, source: 'vision' as const, confidence: round(confidence) }));
}

function round(value: number): number {
  return Math.round(Math.min(1, Math.max(0, value)) * 1000) / 1000;
}
