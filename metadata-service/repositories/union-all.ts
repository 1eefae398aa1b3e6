import type { SelectQueryBuilder } from 'kysely';

/** The queries as one UNION ALL statement (one round trip for what would be one each); undefined for none. */
export function unionAllOf<DB, TB extends keyof DB, O>(
  queries: readonly SelectQueryBuilder<DB, TB, O>[],
): SelectQueryBuilder<DB, TB, O> | undefined {
  const [first, ...rest] = queries;
  return first === undefined ? undefined : rest.reduce((union, next) => union.unionAll(next), first);
}
