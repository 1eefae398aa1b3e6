/**
 * How photos fill the screen:
 * - `contain`: the whole photo, as large as fits, on a blurred and darkened copy of itself (the frame default);
 * - `cover`: the screen filled edge to edge, cropped around what libvips' attention strategy finds interesting;
 * - `pair`: two portrait photos side by side on a landscape screen, each contained in its half.
 */
export const COMPOSITIONS = ['contain', 'cover', 'pair'] as const;
export type Composition = (typeof COMPOSITIONS)[number];

export function isComposition(value: unknown): value is Composition {
  return typeof value === 'string' && (COMPOSITIONS as readonly string[]).includes(value);
}

/** How many photos a composition shows. */
export function photoCountOf(composition: Composition): 1 | 2 {
  return composition === 'pair' ? 2 : 1;
}
