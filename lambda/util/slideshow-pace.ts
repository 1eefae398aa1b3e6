/** The paces "faster"/"slower" step through, in seconds per photo. */
export const PACE_STEPS_SECONDS = [4, 6, 8, 12, 20, 30] as const;

export type PaceChange =
  | { changed: true; seconds: number }
  /** Already at (or beyond) the end of the steps in that direction: the pace stays. */
  | { changed: false; seconds: number };

/**
 * The next step faster or slower than the current interval. An interval between steps (set some other way) moves
 * to the nearest step in the asked direction; one beyond the last step in that direction stays where it is.
 */
export function steppedPace(currentSeconds: number, faster: boolean): PaceChange {
  const next = faster
    ? [...PACE_STEPS_SECONDS].reverse().find((step) => step < currentSeconds)
    : PACE_STEPS_SECONDS.find((step) => step > currentSeconds);
  return next === undefined ? { changed: false, seconds: currentSeconds } : { changed: true, seconds: next };
}
