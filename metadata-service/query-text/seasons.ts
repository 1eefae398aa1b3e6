import { addMonths, localDateTime } from './calendar';
import type { RecurringEvent } from './recurring-events';
import type { Hemisphere } from './types';

export type Season = 'spring' | 'summer' | 'autumn' | 'winter';

/** Meteorological seasons (whole months), north of the equator; the south has them six months later. */
const NORTHERN_FIRST_MONTH: Readonly<Record<Season, number>> = {
  spring: 3,
  summer: 6,
  autumn: 9,
  winter: 12,
};

const SEASON_BY_WORD: Readonly<Record<string, Season>> = {
  spring: 'spring',
  springs: 'spring',
  summer: 'summer',
  summers: 'summer',
  autumn: 'autumn',
  autumns: 'autumn',
  fall: 'autumn',
  winter: 'winter',
  winters: 'winter',
};

/** Every spoken form, for a regex alternation. */
export const SEASON_WORDS: readonly string[] = Object.keys(SEASON_BY_WORD);

export function seasonOfWord(word: string): Season | undefined {
  return Object.hasOwn(SEASON_BY_WORD, word) ? SEASON_BY_WORD[word] : undefined;
}

/**
 * A season as a yearly event: [first day of its first month, first day of the month after its last). Summer in the
 * south is December–February and belongs to the year it starts in (summer 2025 = Dec 2025 – Feb 2026), as Alexa's
 * AMAZON.DATE does for northern winter.
 */
export function seasonEvent(season: Season, hemisphere: Hemisphere): RecurringEvent {
  const northern = NORTHERN_FIRST_MONTH[season];
  const firstMonth = hemisphere === 'N' ? northern : ((northern + 5) % 12) + 1;
  return {
    name: season,
    inYear(year) {
      const from = { year, month: firstMonth, day: 1 };
      return { from: localDateTime(from), to: localDateTime(addMonths(from, 3)) };
    },
  };
}
