import { hammingDistance as bitsApart, isPerceptualHash } from '../ingest/perceptual-hash';

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

/** The group a new photo joins: the smallest existing group id among its near-duplicates (stable, deterministic). */
export function chooseGroup(
  nearDuplicates: readonly { id: string; duplicateGroupId: string | null }[],
): string | undefined {
  const groups = nearDuplicates.map((d) => d.duplicateGroupId ?? d.id);
  return groups.length === 0 ? undefined : groups.reduce((a, b) => (a < b ? a : b));
}
