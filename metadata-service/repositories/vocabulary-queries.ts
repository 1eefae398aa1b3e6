import type { Kysely } from 'kysely';
import type { Vocabulary } from '../../common/contracts';
import type { LibraryDatabase } from '../database/schema';

/**
 * The owner's own words, most-photographed first: people and albums (hidden ones left out, so speech is never
 * biased towards what the owner chose not to see; unnamed face clusters too) with their spoken variants, and the
 * labels in use.
 */
export async function libraryVocabulary(
  db: Kysely<LibraryDatabase>,
  ownerId: string,
  limit: number,
): Promise<Vocabulary> {
  const [people, albums, labels] = await Promise.all([
    db
      .selectFrom('people')
      .leftJoin('photo_people', 'photo_people.person_id', 'people.id')
      .select((eb) => [
        'people.id',
        'people.name',
        'people.normalized_name',
        eb.fn.count<number | string | bigint>('photo_people.photo_id').as('photos'),
      ])
      .where('people.owner_id', '=', ownerId)
      .where('people.hidden', '=', 0)
      // Face clusters nobody has named yet (name '') have nothing to say.
      .where('people.name', '!=', '')
      .groupBy(['people.id', 'people.name', 'people.normalized_name'])
      .orderBy('photos', 'desc')
      .orderBy('people.name')
      .limit(limit)
      .execute(),
    db
      .selectFrom('albums')
      .leftJoin('photo_albums', 'photo_albums.album_id', 'albums.id')
      .select((eb) => [
        'albums.id',
        'albums.name',
        'albums.normalized_name',
        eb.fn.count<number | string | bigint>('photo_albums.photo_id').as('photos'),
      ])
      .where('albums.owner_id', '=', ownerId)
      .where('albums.hidden', '=', 0)
      .groupBy(['albums.id', 'albums.name', 'albums.normalized_name'])
      .orderBy('photos', 'desc')
      .orderBy('albums.name')
      .limit(limit)
      .execute(),
    db
      .selectFrom('photo_labels')
      .select((eb) => ['label', eb.fn.count<number | string | bigint>('photo_id').distinct().as('photos')])
      .where('owner_id', '=', ownerId)
      .groupBy('label')
      .orderBy('photos', 'desc')
      .orderBy('label')
      .limit(limit)
      .execute(),
  ]);
  return {
    people: people.map((p) => ({
      id: p.id,
      name: p.name,
      synonyms: spokenVariants(p.name, p.normalized_name, 'person'),
      photoCount: Number(p.photos),
    })),
    albums: albums.map((a) => ({
      id: a.id,
      name: a.name,
      synonyms: spokenVariants(a.name, a.normalized_name, 'album'),
      photoCount: Number(a.photos),
    })),
    labels: labels.map((l) => ({ name: l.label, photoCount: Number(l.photos) })),
  };
}

/**
 * Ways to say a name besides itself: its normalized form ("jose maria"), a person's first name alone ("Anna Smith"
 * → "anna"), an album without its year ("Hawaii 2019" → "hawaii").
 */
export function spokenVariants(name: string, normalized: string, kind: 'person' | 'album'): string[] {
  const words = normalized.split(' ').filter((w) => w.length > 0);
  const variants = [normalized];
  if (kind === 'person' && words.length > 1 && words[0] !== undefined) variants.push(words[0]);
  if (kind === 'album') {
    const withoutYears = words.filter((w) => !/^(19|20)\d{2}$/.test(w)).join(' ');
    if (withoutYears.length > 0) variants.push(withoutYears);
  }
  return [...new Set(variants)].filter((v) => v !== name);
}
