import type { TruthFile } from './ground-truth';

/** The UTC instant of a row's capture (a row with no known offset: its local time read as UTC, as file dates are). */
export function instantOf(row: Pick<TruthFile, 'taken' | 'offset'>): Date {
  return new Date(`${row.taken}${row.offset ?? 'Z'}`);
}
