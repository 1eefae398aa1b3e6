/** The caption line is the skill's own (shared through common/), so a frame and an Echo say the same thing. */
export { DEFAULT_CAPTION_LOCALE, formatCaption } from '../../../common/captions/format-caption';

/** Alt text for a photo: its caption, or what kind of picture it is when nothing is known about it. */
export function altTextOf(captionText: string, layout: 'single' | 'pair'): string {
  const what = layout === 'pair' ? 'Two photos side by side' : 'Photo';
  return captionText === '' ? what : `${what}: ${captionText}`;
}
