import { englishStrings } from './english';
import type { SkillStrings } from './skill-strings';

/** Everything the skill says in en-GB. */
export const enGB: SkillStrings = englishStrings({
  dayFirst: true,
  autumn: 'autumn',
  favourites: 'favourites',
});
