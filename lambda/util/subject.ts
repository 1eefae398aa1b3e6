import type { Slot } from 'ask-sdk-model';
import { labelSchema } from '../../common/contracts';
import { labelForWord, type VocabularyLanguage } from '../../common/vocabulary';
import { readSlot } from './slot-resolution';

/** The PhotoSubject entity id of a library label: "hot dog" ↔ HOT_DOG. */
export function subjectIdOf(label: string): string {
  return label.toUpperCase().replace(/ /g, '_');
}

/**
 * A possessive or article Alexa may leave at the front of an unmatched subject ("my cats", "meine Katzen"): it asks
 * for nothing, and kept it turned a library's cats into "I found no my cats photos".
 */
const LEADING_DETERMINER: Record<VocabularyLanguage, RegExp> = {
  en: /^(my|our|the)\s+/i,
  de: /^(meine|meinen|meiner|unsere|unseren|die|den|der)\s+/i,
};

/** A photo noun Alexa may leave at the end ("honeymoon pics"): it names what every result is anyway. */
const TRAILING_PHOTO_NOUN: Record<VocabularyLanguage, RegExp> = {
  en: /\s+(pics|pix|photos|pictures|snaps|shots)$/i,
  de: /\s+(fotos|bilder|aufnahmen)$/i,
};

/**
 * The library label a PhotoSubject slot asks for: the entity id Alexa matched (BEACH → "beach", HOT_DOG →
 * "hot dog"); else the heard words, without a leading "my"/"the" or a trailing "pics", read through the one vocabulary in the
 * request's language ("puppies" → dog, "Hunden" → dog); else those words themselves when they form a valid label
 * (which then finds nothing and is said so, never dropped); else undefined.
 */
export function subjectLabelOf(
  slot: Slot | null | undefined,
  language: VocabularyLanguage = 'en',
): string | undefined {
  const { heard, entity } = readSlot(slot);
  const fromId = entity ? asLabel(entity.id.replace(/_/g, ' ')) : undefined;
  if (fromId) return fromId;
  if (heard === undefined) return undefined;
  const words = heard
    .trim()
    .replace(LEADING_DETERMINER[language], '')
    .replace(TRAILING_PHOTO_NOUN[language], '');
  if (words === '') return undefined;
  return labelForWord(words, language) ?? asLabel(words);
}

function asLabel(text: string): string | undefined {
  const parsed = labelSchema.safeParse(text.trim().toLowerCase().replace(/\s+/g, ' '));
  return parsed.success ? parsed.data : undefined;
}
