import { CONCEPTS } from './concepts';
import { canonicalLabel } from './words';

/**
 * Broader labels over the vocabulary, from each concept's parent: "animals" finds dogs and cats, "food" finds
 * pizza. A photo is filed under its labels and every ancestor of each, so a search for a parent is one lookup.
 */
const PARENT_OF: ReadonlyMap<string, string> = new Map(
  CONCEPTS.flatMap((concept) => (concept.parent ? [[concept.label, concept.parent] as const] : [])),
);

const CHILDREN: ReadonlyMap<string, readonly string[]> = (() => {
  const children = new Map<string, string[]>();
  for (const [child, parent] of PARENT_OF) children.set(parent, [...(children.get(parent) ?? []), child]);
  return children;
})();

/** The label and every label under it, the label first: what a search for it should match any of. */
export function expandLabelForSearch(label: string): string[] {
  const expanded = [label];
  for (let next = 0; next < expanded.length; next++) {
    for (const child of CHILDREN.get(expanded[next] ?? '') ?? []) {
      if (!expanded.includes(child)) expanded.push(child);
    }
  }
  return expanded;
}

/** The labels above this one, nearest first ("zebra" → ["wildlife", "animal"]); empty for a root or unknown label. */
export function ancestorsOf(label: string): string[] {
  const ancestors: string[] = [];
  for (let parent = PARENT_OF.get(label); parent !== undefined; parent = PARENT_OF.get(parent)) {
    if (ancestors.includes(parent)) break;
    ancestors.push(parent);
  }
  return ancestors;
}

/**
 * The label a searcher means by an English word ("puppies" → dog, "animals" → animal, "weddings" → wedding).
 * Every hierarchy label is a vocabulary concept, so this is the vocabulary's own reading.
 */
export function searchLabelFor(word: string): string | undefined {
  return canonicalLabel(word);
}
