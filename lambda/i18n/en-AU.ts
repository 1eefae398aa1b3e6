import { englishStrings } from './english';
import type { SkillStrings } from './skill-strings';

/** Everything the skill says in en-AU. */
export const enAU: SkillStrings = englishStrings({
  dayFirst: true,
  autumn: 'autumn',
  favourites: 'favourites',
});
