import { labelSchema } from '../../common/contracts';
import { ancestorsOf, canonicalLabel, labelInProse, normalizeWords } from '../../common/vocabulary';
import type { LabelRecord } from '../repositories/photo-repository';
import { isAlbumName } from './album-names';

/** A folder name is the owner's own filing ("Beach 2026/"), but coarser than a per-photo keyword. */
const FOLDER_CONFIDENCE = 0.8;
const KEYWORD_CONFIDENCE = 1;
/** Words the owner (or Google Photos for them) wrote about this very photo: as sure as a keyword. */
const TEXT_CONFIDENCE = 1;
/** The longest vocabulary phrase looked for in free text ("birthday party" is two words). */
const MAX_PHRASE_WORDS = 3;
/** A label's provenance quotes at most this much of the text it was read from. */
const MAX_DETAIL_LENGTH = 200;

/**
 * Labels from the folders along a relative path: the whole folder name ("Birthday Party 2025" → birthday) and each
 * vocabulary phrase in it ("Beach 2026" → beach). Filing folders (dates, Camera, Misc: album-names.ts) say nothing
 * about what a photo shows and give none.
 */
export function folderLabels(relativePath: string): LabelRecord[] {
  const folders = relativePath.split('/').slice(0, -1).filter(isAlbumName);
  const labels = firstDetailOf(folders.map((folder) => [folder, vocabularyLabelsIn(folder)]));
  return [...labels].map(([label, detail]) => ({
    label,
    source: 'folder',
    confidence: FOLDER_CONFIDENCE,
    detail,
  }));
}

/**
 * Labels from embedded keywords (XMP dc:subject, IPTC Keywords): vocabulary words map to their canonical label
 * ("Seaside" → beach); other keywords are kept in normalized form so they stay searchable.
 */
export function keywordLabels(keywords: readonly string[]): LabelRecord[] {
  const labels = firstDetailOf(
    keywords.map((keyword) => {
      const label = canonicalLabel(keyword) ?? asciiLabel(keyword);
      return [keyword.trim(), label ? [label] : []];
    }),
  );
  return [...labels].map(([label, detail]) => ({
    label,
    source: 'keyword',
    confidence: KEYWORD_CONFIDENCE,
    detail,
  }));
}

/**
 * Labels from text written about the photo (Takeout or XMP title and description): each vocabulary word or phrase
 * in it ("morning walk along the beach" → beach). Only vocabulary words: free text is not a keyword list.
 */
export function textLabels(texts: readonly (string | null | undefined)[]): LabelRecord[] {
  const labels = firstDetailOf(texts.map((text) => [text ?? '', text ? vocabularyLabelsIn(text) : []]));
  return [...labels].map(([label, detail]) => ({
    label,
    source: 'sidecar',
    confidence: TEXT_CONFIDENCE,
    detail: detail.slice(0, MAX_DETAIL_LENGTH),
  }));
}

/** Roots under which Lightroom, digiKam and others file people and places rather than subjects. */
const PEOPLE_ROOTS = new Set([
  'people',
  'person',
  'persons',
  'personen',
  'personnes',
  'persone',
  'personas',
  'who',
]);
const PLACE_ROOTS = new Set([
  'places',
  'place',
  'locations',
  'location',
  'orte',
  'ort',
  'lieux',
  'luoghi',
  'lugares',
  'geography',
  'where',
]);

/**
 * Labels from Lightroom hierarchical keywords ("Animals|Dog", "Nature|Beach|Sunset"): the leaf as a keyword, and
 * every ancestor that is a vocabulary word. Paths under a places root are not subjects and give none; under a
 * people root only a role the vocabulary files under person ("People|Astronaut") is a subject.
 */
export function hierarchicalKeywordLabels(paths: readonly string[]): LabelRecord[] {
  const leaves: string[] = [];
  const ancestors = new Set<string>();
  for (const path of paths) {
    const parts = splitHierarchy(path);
    const [root] = parts;
    if (root === undefined || PLACE_ROOTS.has(normalizeWords(root))) continue;
    if (isPeopleRoot(root)) {
      const role = roleLabel(parts);
      if (role) leaves.push(role);
      continue;
    }
    leaves.push(parts[parts.length - 1] ?? root);
    for (const ancestor of parts.slice(0, -1)) {
      const label = canonicalLabel(ancestor);
      if (label) ancestors.add(label);
    }
  }
  const fromLeaves = keywordLabels(leaves);
  const leafLabels = new Set(fromLeaves.map((l) => l.label));
  return [
    ...fromLeaves,
    ...[...ancestors]
      .filter((label) => !leafLabels.has(label))
      .map((label) => ({
        label,
        source: 'keyword' as const,
        confidence: KEYWORD_CONFIDENCE,
        detail: paths.find((path) => splitHierarchy(path).some((part) => canonicalLabel(part) === label)),
      })),
  ];
}

/**
 * People named by hierarchical keywords under a people root ("People|Family|Anna Smith" → Anna Smith). A role
 * ("People|Photographer") names no one: it is a label.
 */
export function hierarchicalKeywordPeople(paths: readonly string[]): string[] {
  const people = paths.flatMap((path) => {
    const parts = splitHierarchy(path);
    const [root] = parts;
    return root !== undefined && isPeopleRoot(root) && parts.length > 1 && !roleLabel(parts)
      ? [parts[parts.length - 1] ?? '']
      : [];
  });
  return [...new Set(people.filter((name) => name.length > 0))];
}

/**
 * The label of a people path's leaf when it is a kind of person rather than someone's name: "Astronaut",
 * "Photographers". Only labels under person, so a name that is also a word ("Dawn", "Rose") stays a name.
 */
function roleLabel(parts: readonly string[]): string | undefined {
  if (parts.length < 2) return undefined;
  const label = canonicalLabel(parts[parts.length - 1] ?? '');
  return label !== undefined && ancestorsOf(label).includes('person') ? label : undefined;
}

function splitHierarchy(path: string): string[] {
  return path
    .split('|')
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}

function isPeopleRoot(root: string): boolean {
  return PEOPLE_ROOTS.has(normalizeWords(root));
}

/**
 * The vocabulary labels named in a text: phrases of up to three words, longest first and not overlapping, so
 * "birthday party" is a birthday and not also a party.
 */
function vocabularyLabelsIn(text: string): string[] {
  const words = normalizeWords(text)
    .split(' ')
    .filter((w) => w.length > 0 && !/^\d+$/.test(w));
  const labels: string[] = [];
  for (let start = 0; start < words.length;) {
    let matched = 0;
    for (let length = Math.min(MAX_PHRASE_WORDS, words.length - start); length > 0; length--) {
      const label = labelInProse(words.slice(start, start + length).join(' '));
      if (label) {
        labels.push(label);
        matched = length;
        break;
      }
    }
    start += Math.max(1, matched);
  }
  return labels;
}

/** Each label once, with the first text (keyword, folder, caption) that gave it: its provenance detail. */
function firstDetailOf(
  found: readonly (readonly [detail: string, labels: readonly string[]])[],
): Map<string, string> {
  const labels = new Map<string, string>();
  for (const [detail, names] of found)
    for (const label of names) if (!labels.has(label)) labels.set(label, detail);
  return labels;
}

/** The contract's label alphabet is lower-case ASCII; "Café" → "cafe", anything unrepresentable is dropped. */
function asciiLabel(keyword: string): string | undefined {
  const ascii = normalizeWords(keyword.normalize('NFKD').replace(/[\u0300-\u036f]/g, ''));
  return labelSchema.safeParse(ascii).success ? ascii : undefined;
}
