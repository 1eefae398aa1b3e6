import { z } from 'zod';
import { localDateTimeSchema, photoQuerySchema } from './photo-query';

/** What kind of constraint found nothing: a label, person, album, place, date, favourites, videos, or a bare word. */
export const NOTHING_FOUND_KINDS = [
  'label',
  'person',
  'album',
  'place',
  'date',
  'favorites',
  'video',
  'word',
] as const;
export type NothingFoundKind = (typeof NOTHING_FOUND_KINDS)[number];

/**
 * Why it found nothing:
 * - 'unknown': a word or name the product does not know at all (gibberish, a subject not in the vocabulary);
 * - 'no-photos': a known thing (a gazetteer place such as Italy, a vocabulary label, a named person) with no photos;
 * - 'future': a date that is still to come ("this weekend" asked on a Wednesday);
 * - 'combination': each constraint matches something alone, but not together.
 */
export const NOTHING_FOUND_REASONS = ['unknown', 'no-photos', 'future', 'combination'] as const;
export type NothingFoundReason = (typeof NOTHING_FOUND_REASONS)[number];

const constraintRefSchema = z.object({
  kind: z.enum(NOTHING_FOUND_KINDS),
  /** As the user said or typed it, or the constraint's display name ("Italy", "beach", "this weekend"). */
  text: z.string(),
});

export const failedConstraintSchema = constraintRefSchema.extend({ reason: z.enum(NOTHING_FOUND_REASONS) });
export type FailedConstraint = z.output<typeof failedConstraintSchema>;

/**
 * At most one offer that keeps every other constraint: the query with `dropped` left out (or, for a future date,
 * replaced by its previous occurrence `replacement`, e.g. "last weekend"). Never a query with no constraint left;
 * clients phrase it as an offer and never show its photos unasked.
 */
export const nothingFoundAlternativeSchema = z.object({
  dropped: constraintRefSchema,
  replacement: z.object({ text: z.string() }).optional(),
  query: photoQuerySchema,
  total: z.number().int().positive(),
  /** Earliest and latest capture-local time among the alternative's photos. */
  span: z.object({ first: localDateTimeSchema, last: localDateTimeSchema }),
});
export type NothingFoundAlternative = z.output<typeof nothingFoundAlternativeSchema>;

/**
 * Present on a search answer exactly when its total is 0: what matched nothing, and at most one alternative. Every
 * unmatched free-text word is one entry {kind: 'word', reason: 'unknown'}; a request that asked for nothing at all
 * from a library with nothing to show is the single entry {kind: 'word', text: '', reason: 'no-photos'}.
 */
export const nothingFoundSchema = z.object({
  failed: z.array(failedConstraintSchema).min(1),
  alternative: nothingFoundAlternativeSchema.optional(),
});
export type NothingFound = z.output<typeof nothingFoundSchema>;
