import { canonicalLabel, normalizeWords, singularForms } from './vocabulary';

/**
 * Broader labels over the canonical vocabulary: "animals" finds dogs and cats, "nature" finds beaches and sunsets.
 * Parents are search words only (nothing is stored as "nature"); children are labels as photos carry them, either
 * canonical ("dog") or kept as their keyword ("horse", "sushi", "wedding"). A label has at most one parent.
 */
const CHILDREN: Readonly<Record<string, readonly string[]>> = {
  animal: ['dog', 'cat', 'bird', 'horse', 'pet', 'wildlife'],
  nature: ['mountain', 'forest', 'lake', 'beach', 'flowers', 'snow', 'sunset', 'landscape', 'waterfall'],
  food: ['cake', 'pizza', 'pasta', 'sushi', 'burger', 'dessert', 'fruit', 'breakfast'],
  celebration: ['birthday', 'wedding', 'christmas', 'graduation', 'anniversary', 'halloween', 'easter'],
};

/** Spoken forms of the parents that are not simply their plural. */
const PARENT_SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  animal: ['animals', 'pets and animals'],
  nature: ['outdoors', 'scenery'],
  celebration: ['celebrations', 'festivities'],
};

const PARENT_OF: ReadonlyMap<string, string> = new Map(
  Object.entries(CHILDREN).flatMap(([parent, children]) => children.map((child) => [child, parent] as const)),
);

const HIERARCHY_WORDS: ReadonlyMap<string, string> = new Map([
  ...[...PARENT_OF.keys(), ...Object.keys(CHILDREN)].map((label) => [label, label] as const),
  ...Object.entries(PARENT_SYNONYMS).flatMap(([parent, words]) =>
    words.map((word) => [normalizeWords(word), parent] as const),
  ),
]);

/** The label and every label under it, the label first: what a search for it should match any of. */
export function expandLabelForSearch(label: string): string[] {
  const expanded = [label];
  for (let next = 0; next < expanded.length; next++) {
    for (const child of CHILDREN[expanded[next] ?? ''] ?? []) {
      if (!expanded.includes(child)) expanded.push(child);
    }
  }
  return expanded;
}

/** The labels above this one, nearest first ("dog" → ["animal"]); empty for a top-level or unknown label. */
export function ancestorsOf(label: string): string[] {
  const ancestors: string[] = [];
  for (let parent = PARENT_OF.get(label); parent !== undefined; parent = PARENT_OF.get(parent)) {
    if (ancestors.includes(parent)) break;
    ancestors.push(parent);
  }
  return ancestors;
}

/**
 * The label a searcher means by a word: the canonical vocabulary first ("puppies" → dog, "pizza" → food), then the
 * hierarchy's own labels ("animals" → animal, "weddings" → wedding). Case-, plural- and punctuation-insensitive.
 */
export function searchLabelFor(word: string): string | undefined {
  const canonical = canonicalLabel(word);
  if (canonical) return canonical;
  const normalized = normalizeWords(word);
  if (normalized.length === 0) return undefined;
  for (const form of [normalized, ...singularForms(normalized)]) {
    const label = HIERARCHY_WORDS.get(form);
    if (label) return label;
  }
  return undefined;
}
