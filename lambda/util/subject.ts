import type { Slot } from 'ask-sdk-model';
import { labelSchema } from '../../common/contracts';
import { readSlot } from './slot-resolution';

/** The PhotoSubject entity id of a library label: "birthday party" ↔ BIRTHDAY_PARTY. */
export function subjectIdOf(label: string): string {
  return label.toUpperCase().replace(/ /g, '_');
}

/**
 * The library label a PhotoSubject slot asks for: the entity id Alexa matched (BEACH → "beach",
 * BIRTHDAY_PARTY → "birthday party"), else the heard words when they form a valid label, else undefined.
 */
export function subjectLabelOf(slot: Slot | null | undefined): string | undefined {
  const { heard, entity } = readSlot(slot);
  const fromId = entity ? asLabel(entity.id.replace(/_/g, ' ')) : undefined;
  if (fromId) return fromId;
  return heard === undefined ? undefined : asLabel(heard);
}

function asLabel(text: string): string | undefined {
  const parsed = labelSchema.safeParse(text.trim().toLowerCase().replace(/\s+/g, ' '));
  return parsed.success ? parsed.data : undefined;
}
