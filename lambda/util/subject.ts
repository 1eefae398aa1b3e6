import type { Slot } from 'ask-sdk-model';
import { labelSchema } from '../../common/contracts';

/**
 * The library label a PhotoSubject slot asks for: the entity id Alexa matched (BEACH → "beach",
 * BIRTHDAY_PARTY → "birthday party"), else the heard words when they form a valid label, else undefined.
 * Every authority is checked because dynamic-entity authorities may come before the static one.
 */
export function subjectLabelOf(slot: Slot | undefined): string | undefined {
  if (!slot) return undefined;
  for (const authority of slot.resolutions?.resolutionsPerAuthority ?? []) {
    if (authority.status.code !== 'ER_SUCCESS_MATCH') continue;
    const id = authority.values[0]?.value.id;
    const label = id === undefined ? undefined : asLabel(id.replace(/_/g, ' '));
    if (label) return label;
  }
  return slot.value === undefined ? undefined : asLabel(slot.value);
}

function asLabel(text: string): string | undefined {
  const parsed = labelSchema.safeParse(text.trim().toLowerCase().replace(/\s+/g, ' '));
  return parsed.success ? parsed.data : undefined;
}
