import { sql, type SelectQueryBuilder } from 'kysely';
import type { LibraryDatabase } from '../database/schema';
import { hammingDistance as bitsApart, isPerceptualHash } from '../ingest/perceptual-hash';

type PhotosQuery = SelectQueryBuilder<LibraryDatabase, 'photos', object>;

/** Near-duplicates: perceptual hashes at most this many bits apart… */
export const MAX_HAMMING_DISTANCE = 6;
/** …taken at most this long apart (a burst, a retake, an edit exported next to its original). */
export const MAX_CAPTURE_GAP_MINUTES = 10;

/** Bits that differ between two 64-bit hashes; Infinity when either is malformed (never a near-duplicate). */
export function hammingDistance(a: string, b: string): number {
  return isPerceptualHash(a) && isPerceptualHash(b) ? bitsApart(a, b) : Number.POSITIVE_INFINITY;
}

/** The capture-local window [taken - gap, taken + gap] as `YYYY-MM-DDTHH:mm:ss` strings (compared as text). */
export function captureWindow(takenLocal: string, gapMinutes = MAX_CAPTURE_GAP_MINUTES): [string, string] {
  // Local times carry no zone; reading them as UTC only does calendar arithmetic, never a zone conversion.
  const at = Date.parse(`${takenLocal}Z`);
  const format = (ms: number) => new Date(ms).toISOString().slice(0, 19);
  return [format(at - gapMinutes * 60_000), format(at + gapMinutes * 60_000)];
}

/**
 * The group a new photo joins: the smallest id among the new photo, its near-duplicates and their groups. A group is
 * always named after its smallest member, so the name does not depend on which photo was stored first (ingest
 * stores several files at once, in no fixed order); undefined when the photo has no near-duplicate.
 */
export function chooseGroup(
  photoId: string,
  nearDuplicates: readonly { id: string; duplicateGroupId: string | null }[],
): string | undefined {
  const groups = nearDuplicates.map((d) => d.duplicateGroupId ?? d.id);
  return groups.length === 0 ? undefined : groups.reduce((a, b) => (a < b ? a : b), photoId);
}

/**
 * One photo per near-duplicate group among `matches` (a query's matching photos): the group's representative for
 * that query is a member that matches it, preferring a favourite, then the highest rating, then the group's first
 * photo (the one the group is named after), then the smallest id. Choosing among the matches, not the whole group,
 * is what keeps a favourite that is the second of a pair in the favourites slideshow. Ungrouped photos all stay.
 * One window function over the grouped matches only, on both engines (SQLite ≥ 3.25 and PostgreSQL).
 */
export function representativesOnly(matches: PhotosQuery): PhotosQuery {
  const ranked = matches.where('photos.duplicate_group_id', 'is not', null).select((eb) => [
    'photos.id as id',
    sql<number>`row_number() over (
        partition by ${eb.ref('photos.duplicate_group_id')}
        order by ${eb.ref('photos.favorite')} desc,
          case when ${eb.ref('photos.rating')} is null then 1 else 0 end,
          ${eb.ref('photos.rating')} desc,
          case when ${eb.ref('photos.id')} = ${eb.ref('photos.duplicate_group_id')} then 0 else 1 end,
          ${eb.ref('photos.id')}
      )`.as('rank'),
  ]);
  return matches.where((eb) =>
    eb.or([
      eb('photos.duplicate_group_id', 'is', null),
      eb(
        'photos.id',
        'in',
        eb.selectFrom(ranked.as('ranked')).select('ranked.id').where('ranked.rank', '=', 1),
      ),
    ]),
  );
}
