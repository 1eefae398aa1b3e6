import { englishStrings } from './english';
import type { SkillStrings } from './skill-strings';

/** Everything the skill says in en-IN. */
export const enIN: SkillStrings = englishStrings({
  dayFirst: true,
  autumn: 'autumn',
  favourites: 'favourites',
});
