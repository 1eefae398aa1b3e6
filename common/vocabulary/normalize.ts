/** Lower-case, apostrophes dropped, other punctuation to spaces, single spaces: "Sea-side!" → "sea side". */
export function normalizeWords(text: string): string {
  return text
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Singular candidates for an English plural; the vocabulary decides which (if any) is a word. */
export function singularForms(word: string): string[] {
  const forms: string[] = [];
  if (word.endsWith('ies')) forms.push(`${word.slice(0, -3)}y`);
  if (word.endsWith('ves')) forms.push(`${word.slice(0, -3)}f`, `${word.slice(0, -3)}fe`);
  if (word.endsWith('es')) forms.push(word.slice(0, -2));
  if (word.endsWith('s')) forms.push(word.slice(0, -1));
  return forms;
}

/** The regular English plural of a word or phrase (its last word): "bus" → "buses", "city" → "cities". */
export function regularPlural(phrase: string): string {
  if (/(s|x|z|ch|sh)$/.test(phrase)) return `${phrase}es`;
  if (/[^aeiou]y$/.test(phrase)) return `${phrase.slice(0, -1)}ies`;
  return `${phrase}s`;
}
