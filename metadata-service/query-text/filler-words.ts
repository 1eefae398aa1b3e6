/**
 * Words that carry no filter: how people ask ("show me", "can you play"), what they ask for ("photos", "pictures"),
 * and the glue between the words that matter ("from", "of", "in", "and"). These are never reported as ignored.
 */
const FILLER = new Set(
  [
    'a an the and or but also too of from in at on to for by with during around near about between',
    'show me play display find get give open start pull up see look let lets want would like could can please',
    'i we us you my our your me it its that this those these there here what where when was were is are be been',
    'had have has went go got taken took some any all only just everything stuff ones one',
    'photos photo pictures picture pics pic images image shots shot snaps snapshots slideshow memories moments',
  ]
    .join(' ')
    .split(' '),
);

export function isFiller(word: string): boolean {
  return FILLER.has(word);
}
