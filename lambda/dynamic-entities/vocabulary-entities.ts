import type { dialog, er } from 'ask-sdk-model';
import type { Vocabulary } from '../../common/contracts';

/** The interaction models' custom slot types the owner's own names extend (same names in every locale). */
export const PERSON_SLOT_TYPE = 'PERSON';
export const ALBUM_SLOT_TYPE = 'ALBUM';

/**
 * The platform's limit: "at most 100 dynamic values" (reference §4.4; whether synonyms count is unconfirmed). Read
 * conservatively, every spoken form counts, names and synonyms alike, so a directive is never rejected for size.
 */
export const MAX_DYNAMIC_SPOKEN_FORMS = 100;
/** Beyond a few ways to say a name, another person or album is worth more than another synonym. */
export const MAX_SYNONYMS_PER_ENTITY = 3;
/** Longer names are file-system accidents ("IMG export 2019-05-03 final (2)"), not things people say. */
const MAX_NAME_LENGTH = 80;

interface Candidate {
  type: typeof PERSON_SLOT_TYPE | typeof ALBUM_SLOT_TYPE;
  id: string;
  name: string;
  synonyms: string[];
  photoCount: number;
}

/**
 * `Dialog.UpdateDynamicEntities` (REPLACE) with the owner's people and albums, most photographed first, within the
 * spoken-form budget. Entity ids are the library's ids, so a match resolves straight to a query filter. Undefined
 * when the owner has no named people or albums (nothing to replace the static catalog's seeds with).
 */
export function buildDynamicEntitiesDirective(
  vocabulary: Vocabulary,
): dialog.DynamicEntitiesDirective | undefined {
  const candidates: Candidate[] = [
    ...vocabulary.people.map((entry) => candidate(PERSON_SLOT_TYPE, entry)),
    ...vocabulary.albums.map((entry) => candidate(ALBUM_SLOT_TYPE, entry)),
  ]
    .filter((entry) => entry.photoCount > 0 && entry.name.length > 0 && entry.name.length <= MAX_NAME_LENGTH)
    // Array.prototype.sort is stable: on equal counts people stay before albums, each in the library's order.
    .sort((a, b) => b.photoCount - a.photoCount);

  const values = new Map<Candidate['type'], er.dynamic.Entity[]>();
  let budget = MAX_DYNAMIC_SPOKEN_FORMS;
  for (const entry of candidates) {
    if (budget === 0) break;
    const synonyms = entry.synonyms.slice(0, Math.min(MAX_SYNONYMS_PER_ENTITY, budget - 1));
    budget -= 1 + synonyms.length;
    const entity: er.dynamic.Entity = {
      id: entry.id,
      name: synonyms.length > 0 ? { value: entry.name, synonyms } : { value: entry.name },
    };
    values.set(entry.type, [...(values.get(entry.type) ?? []), entity]);
  }
  if (values.size === 0) return undefined;
  return {
    type: 'Dialog.UpdateDynamicEntities',
    updateBehavior: 'REPLACE',
    types: [...values].map(([name, entities]) => ({ name, values: entities })),
  };
}

function candidate(type: Candidate['type'], entry: Vocabulary['people'][number]): Candidate {
  const name = entry.name.trim();
  const seen = new Set([name.toLowerCase()]);
  const synonyms: string[] = [];
  for (const raw of entry.synonyms) {
    const synonym = raw.trim();
    const key = synonym.toLowerCase();
    if (synonym.length === 0 || synonym.length > MAX_NAME_LENGTH || seen.has(key)) continue;
    seen.add(key);
    synonyms.push(synonym);
  }
  return { type, id: entry.id, name, synonyms, photoCount: entry.photoCount };
}
