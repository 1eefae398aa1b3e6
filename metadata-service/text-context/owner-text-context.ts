import { photoQuerySchema } from '../../common/contracts';
import type { PhotoRepository } from '../repositories/photo-repository';
import { gazetteerPlaces } from '../query-text/gazetteer-places';
import type { ParseVocabulary } from '../query-text/types';
import { VocabularyIndex } from '../query-text/vocabulary-index';

/** What free text reads of one owner's library before it can understand a request: their words and span. */
export interface OwnerTextContext {
  /** Labels, people and albums (with their spoken variants) in use, and the places their photos were taken in. */
  vocabulary: ParseVocabulary;
  /** The same words with the gazetteer's, indexed for the parser (read-only once built). */
  vocabularyIndex: VocabularyIndex;
  /** Capture-local span of the library ("every christmas" covers its years); undefined when nothing is dated. */
  librarySpan: { first: string; last: string } | undefined;
}

/** Every photo of the owner, for the span only (screenshots excluded like any search). */
const EVERYTHING = photoQuerySchema.parse({});

/** Reads the context from the library: about 18 statements, so callers keep it (OwnerTextContexts). */
export async function loadOwnerTextContext(
  repository: PhotoRepository,
  ownerId: string,
): Promise<OwnerTextContext> {
  const [vocabulary, places, everything] = await Promise.all([
    repository.vocabulary(ownerId),
    repository.placesInUse(ownerId),
    repository.search(ownerId, EVERYTHING, { limit: 1, offset: 0 }),
  ]);
  const words: ParseVocabulary = {
    labels: vocabulary.labels.map((label) => label.name),
    people: vocabulary.people.map(({ id, name, synonyms }) => ({ id, name, synonyms })),
    albums: vocabulary.albums.map(({ id, name, synonyms }) => ({ id, name, synonyms })),
    places,
  };
  return {
    vocabulary: words,
    vocabularyIndex: new VocabularyIndex(words, gazetteerPlaces),
    librarySpan: everything.span ?? undefined,
  };
}
