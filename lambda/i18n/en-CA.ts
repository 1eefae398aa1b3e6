import { englishStrings } from './english';
import type { SkillStrings } from './skill-strings';

/** Everything the skill says in en-CA. */
export const enCA: SkillStrings = englishStrings({
  dayFirst: false,
  autumn: 'fall',
  favourites: 'favourites',
});
