import { labelSchema } from '../../common/contracts';
import { canonicalLabel, normalizeWords } from '../labels/vocabulary';
import type { LabelRecord } from '../repositories/label-rows';

/**
 * Rekognition's label names in the library's vocabulary. Rekognition does see scenes ("Beach", "Sunset",
 * "Mountain"), which the local models cannot; names the table does not cover map through the canonical synonyms
 * ("Sea" → beach, "Street" → city), and anything else is kept under its own lower-case name, as keywords are.
 */
const NAMES: Readonly<Record<string, readonly string[]>> = {
  beach: ['beach'],
  coast: ['beach'],
  shoreline: ['beach'],
  sea: ['beach', 'water'],
  ocean: ['beach', 'water'],
  water: ['water'],
  sunset: ['sunset'],
  sunrise: ['sunset'],
  dusk: ['sunset'],
  'red sky': ['sunset'],
  mountain: ['mountain'],
  'mountain range': ['mountain'],
  peak: ['mountain'],
  snow: ['snow'],
  ice: ['snow'],
  city: ['city'],
  urban: ['city'],
  street: ['city'],
  road: ['city'],
  downtown: ['city'],
  metropolis: ['city'],
  food: ['food'],
  meal: ['food'],
  dish: ['food'],
  pizza: ['pizza'],
  cake: ['cake'],
  'birthday cake': ['birthday', 'cake'],
  dessert: ['dessert'],
  dog: ['dog'],
  puppy: ['dog'],
  cat: ['cat'],
  kitten: ['cat'],
  pet: ['pet'],
  horse: ['horse'],
  bird: ['bird'],
  flower: ['flowers'],
  'flower arrangement': ['flowers'],
  blossom: ['flowers'],
  forest: ['forest'],
  woodland: ['forest'],
  jungle: ['forest'],
  lake: ['lake'],
  river: ['lake'],
  pond: ['lake'],
  person: ['person'],
  human: ['person'],
  car: ['car'],
};

/** Hierarchy parents are search words only (nothing is stored as "nature"): Rekognition's own parents are dropped. */
const NOT_STORED = new Set(['animal', 'mammal', 'nature', 'outdoors', 'scenery', 'celebration']);

export interface RekognitionLabel {
  Name?: string;
  Confidence?: number;
}

/** One label per name, the most confident evidence, confidence as 0..1. */
export function labelsFromRekognition(labels: readonly RekognitionLabel[]): LabelRecord[] {
  const best = new Map<string, number>();
  for (const label of labels) {
    if (!label.Name || label.Confidence === undefined) continue;
    const name = normalizeWords(label.Name);
    if (NOT_STORED.has(name)) continue;
    const confidence = Math.round(Math.min(100, Math.max(0, label.Confidence)) * 10) / 1000;
    for (const mapped of NAMES[name] ?? [canonicalLabel(name) ?? name]) {
      if (!labelSchema.safeParse(mapped).success) continue;
      if ((best.get(mapped) ?? -1) < confidence) best.set(mapped, confidence);
    }
  }
  return [...best]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([label, confidence]) => ({ label, source: 'vision' as const, confidence }));
}
