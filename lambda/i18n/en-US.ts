import { englishStrings } from './english';
import type { SkillStrings } from './skill-strings';

/** Everything the skill says in en-US. */
export const enUS: SkillStrings = englishStrings({
  dayFirst: false,
  autumn: 'fall',
  favourites: 'favorites',
});
