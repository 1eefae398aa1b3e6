import { labelSchema } from '../../common/contracts';
import { canonicalLabel, normalizeWords } from '../../common/vocabulary';
import type { LabelRecord } from '../repositories/label-rows';

/**
 * Rekognition's label names in the library's vocabulary (common/vocabulary). Rekognition does see scenes ("Beach",
 * "Sunset", "Mountain"), which the local models cannot. Names the table does not cover map through the vocabulary's
 * synonyms ("Seaside" → beach, "Puppy" → dog), and anything else is kept under its own lower-case name, as keywords
 * are. Each mapping names the same thing, never a neighbour: "Sea" is no beach, "Street" no city, "Dusk" no sunset,
 * "Ice" no snow.
 */
const NAMES: Readonly<Record<string, readonly string[]>> = {
  shoreline: ['coast'],
  'mountain range': ['mountain'],
  urban: ['city'],
  metropolis: ['city'],
  dish: ['food'],
  'birthday cake': ['birthday', 'cake'],
  'flower arrangement': ['flowers'],
  human: ['person'],
};

/** Hierarchy parents are search words only (nothing is stored as "nature"): Rekognition's own parents are dropped. */
const NOT_STORED = new Set([
  'animal',
  'mammal',
  'nature',
  'outdoors',
  'scenery',
  'celebration',
  'vehicle',
  'transportation',
]);

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
