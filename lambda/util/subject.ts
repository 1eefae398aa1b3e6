import type { Slot } from 'ask-sdk-model';
import { labelSchema } from '../../common/contracts';
import { labelForWord, type VocabularyLanguage } from '../../common/vocabulary';
import { readSlot } from './slot-resolution';

/** The PhotoSubject entity id of a library label: "hot dog" ↔ HOT_DOG. */
export function subjectIdOf(label: string): string {
  return label.toUpperCase().replace(/ /g, '_');
}

/**
 * The library label a PhotoSubject slot asks for: the entity id Alexa matched (BEACH → "beach", HOT_DOG →
 * "hot dog"); else the heard words read through the one vocabulary in the request's language ("puppies" → dog,
 * "Hunden" → dog); else the heard words themselves when they form a valid label (which then finds nothing and is
 * said so, never dropped); else undefined.
 */
export function subjectLabelOf(
  slot: Slot | null | undefined,
  language: VocabularyLanguage = 'en',
): string | undefined {
  const { heard, entity } = readSlot(slot);
  const fromId = entity ? asLabel(entity.id.replace(/_/g, ' ')) : undefined;
  if (fromId) return fromId;
  if (heard === undefined) return undefined;
  return labelForWord(heard, language) ?? asLabel(heard);
}

function asLabel(text: string): string | undefined {
  const parsed = labelSchema.safeParse(text.trim().toLowerCase().replace(/\s+/g, ' '));
  return parsed.success ? parsed.data : undefined;
}
