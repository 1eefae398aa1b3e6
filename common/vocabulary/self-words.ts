/**
 * The words by which people name themselves as someone in their photos ("photos of me", "Bilder von uns"): the
 * library knows nobody by them unless the owner named a person so, and the skill says so instead of searching.
 */
const SELF_WORDS: ReadonlySet<string> = new Set(['me', 'myself', 'us', 'ourselves', 'mir', 'mich', 'uns']);

/** Whether normalized words are only a word for the asker ("me", "uns"). */
export function isSelfWord(words: string): boolean {
  return SELF_WORDS.has(words.trim().toLowerCase());
}
