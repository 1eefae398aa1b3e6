import type { Slot } from 'ask-sdk-model';
import { labelSchema } from '../../common/contracts';
import { labelForWord, type VocabularyLanguage } from '../../common/vocabulary';
import { withoutLeadingWords } from './owner-names';
import { readSlot } from './slot-resolution';

/** The PhotoSubject entity id of a library label: "hot dog" ↔ HOT_DOG. */
export function subjectIdOf(label: string): string {
  return label.toUpperCase().replace(/ /g, '_');
}

/** A photo noun Alexa may leave at the end ("honeymoon pics"): it names what every result is anyway. */
const TRAILING_PHOTO_NOUN: Record<VocabularyLanguage, RegExp> = {
  en: /\s+(pics|pix|photos|pictures|snaps|shots)$/i,
  de: /\s+(fotos|bilder|aufnahmen)$/i,
};

/**
 * The library label a PhotoSubject slot asks for: the entity id Alexa matched (BEACH → "beach", HOT_DOG →
 * "hot dog"); else the heard words read through the one vocabulary in the request's language ("puppies" → dog,
 * "Hunden" → dog); else those words themselves when they form a valid label (which then finds nothing and is said
 * so, never dropped); else undefined. Words Alexa may leave around an unmatched subject ask for nothing and are
 * dropped first, as they are around a name: a leading "my", "the", "meine" (owner-names.ts), a trailing "pics".
 * Kept, they turned a library's cats into "I found no my cats photos".
 */
export function subjectLabelOf(
  slot: Slot | null | undefined,
  language: VocabularyLanguage = 'en',
): string | undefined {
  const { heard, entity } = readSlot(slot);
  const fromId = entity ? asLabel(entity.id.replace(/_/g, ' ')) : undefined;
  if (fromId) return fromId;
  if (heard === undefined) return undefined;
  const words = withoutLeadingWords(heard, language).replace(TRAILING_PHOTO_NOUN[language], '');
  return labelForWord(words, language) ?? asLabel(words);
}

function asLabel(text: string): string | undefined {
  const parsed = labelSchema.safeParse(text.trim().toLowerCase().replace(/\s+/g, ' '));
  return parsed.success ? parsed.data : undefined;
}
