/**
 * The library's one label vocabulary. The skill's interaction model mirrors these labels as slot entity ids
 * (BEACH, MOUNTAIN, …), so a label here is a promise that "show me <label> photos" can find something.
 */
export interface CanonicalLabel {
  label: string;
  synonyms: readonly string[];
}

export const CANONICAL_LABELS: readonly CanonicalLabel[] = [
  { label: 'beach', synonyms: ['seaside', 'shore', 'coast', 'sand', 'ocean', 'sea'] },
  { label: 'mountain', synonyms: ['mountains', 'hiking', 'alps', 'peak', 'summit'] },
  { label: 'dog', synonyms: ['dogs', 'puppy', 'puppies'] },
  { label: 'cat', synonyms: ['cats', 'kitten', 'kittens'] },
  { label: 'snow', synonyms: ['snowy', 'skiing', 'ski'] },
  { label: 'sunset', synonyms: ['sunsets', 'sunrise', 'dusk'] },
  { label: 'city', synonyms: ['cities', 'skyline', 'street', 'town'] },
  { label: 'food', synonyms: ['pizza', 'cake', 'dinner', 'meal'] },
  { label: 'flowers', synonyms: ['flower', 'garden', 'blossom', 'bloom'] },
  { label: 'forest', synonyms: ['woods', 'trees'] },
  { label: 'lake', synonyms: ['lakes', 'river', 'pond'] },
  { label: 'birthday', synonyms: ['birthday party', 'party'] },
  { label: 'family', synonyms: [] },
];

/** Lower-case, punctuation to spaces, single spaces: "Sea-side!" and "sea side" compare equal to "sea side". */
export function normalizeWords(text: string): string {
  return text
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const BY_WORD: ReadonlyMap<string, string> = new Map(
  CANONICAL_LABELS.flatMap(({ label, synonyms }) =>
    [label, ...synonyms].map((word) => [normalizeWords(word), label] as const),
  ),
);

/** Singular candidates for an English plural; the vocabulary decides which (if any) is a word. */
export function singularForms(word: string): string[] {
  const forms: string[] = [];
  if (word.endsWith('ies')) forms.push(`${word.slice(0, -3)}y`);
  if (word.endsWith('es')) forms.push(word.slice(0, -2));
  if (word.endsWith('s')) forms.push(word.slice(0, -1));
  return forms;
}

/** The canonical label for a word or phrase (case-, plural- and punctuation-insensitive), if it has one. */
export function canonicalLabel(word: string): string | undefined {
  const normalized = normalizeWords(word);
  if (normalized.length === 0) return undefined;
  const direct = BY_WORD.get(normalized);
  if (direct) return direct;
  for (const form of singularForms(normalized)) {
    const label = BY_WORD.get(form);
    if (label) return label;
  }
  return undefined;
}
