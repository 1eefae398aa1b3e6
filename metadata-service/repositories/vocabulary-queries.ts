import { isYear, withYearSpansJoined } from '../query-text/filler-words';
import { sql, type Kysely } from 'kysely';
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
  // Photo counts per key from search_key_months (a few rows per key and month), not by counting the join tables:
  // at a million photos those hold millions of rows, and free text reads the vocabulary on every search.
  const photosPerKey = (kind: 'person' | 'album' | 'label') =>
    db
      .selectFrom('search_key_months')
      .select(['key', sql<number | string>`sum(photos)`.as('photos')])
      .where('owner_id', '=', ownerId)
      .where('kind', '=', kind)
      .groupBy('key');
  const [people, albums, labels] = await Promise.all([
    db
      .selectFrom('people')
      .leftJoin(photosPerKey('person').as('counted'), 'counted.key', 'people.id')
      .select([
        'people.id',
        'people.name',
        'people.normalized_name',
        sql<number | string>`coalesce(counted.photos, 0)`.as('photos'),
      ])
      .where('people.owner_id', '=', ownerId)
      .where('people.hidden', '=', 0)
      // Face clusters nobody has named yet (name '') have nothing to say.
      .where('people.name', '!=', '')
      .orderBy('photos', 'desc')
      .orderBy('people.name')
      .limit(limit)
      .execute(),
    db
      .selectFrom('albums')
      .leftJoin(photosPerKey('album').as('counted'), 'counted.key', 'albums.id')
      .select([
        'albums.id',
        'albums.name',
        'albums.normalized_name',
        sql<number | string>`coalesce(counted.photos, 0)`.as('photos'),
      ])
      .where('albums.owner_id', '=', ownerId)
      .where('albums.hidden', '=', 0)
      .orderBy('photos', 'desc')
      .orderBy('albums.name')
      .limit(limit)
      .execute(),
    photosPerKey('label')
      .having(sql<boolean>`sum(photos) > 0`)
      .orderBy('photos', 'desc')
      .orderBy('key')
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
    labels: labels.map((l) => ({ name: l.key, photoCount: Number(l.photos) })),
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
    const withoutYears = withYearSpansJoined(words)
      .filter((w) => !isYear(w))
      .join(' ');
    if (withoutYears.length > 0) variants.push(withoutYears);
  }
  return [...new Set(variants)].filter((v) => v !== name);
}
