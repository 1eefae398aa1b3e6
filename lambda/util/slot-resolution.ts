import type { Slot } from 'ask-sdk-model';

export interface ResolvedEntity {
  id: string;
  name: string;
  /** Matched a dynamic entity (the owner's own people and albums, sent with Dialog.UpdateDynamicEntities). */
  dynamic: boolean;
}

export interface SlotReading {
  /** The words Alexa heard, trimmed; undefined when the slot was not filled. */
  heard?: string;
  /** The entity the words resolved to, preferring a dynamic match over the static catalog. */
  entity?: ResolvedEntity;
  /**
   * Every distinct entity the words matched among the owner's own (dynamic) ones, best first: two people who are
   * both "Anna" make the request ambiguous, and the skill asks which one is meant.
   */
  dynamicMatches: ResolvedEntity[];
}

/**
 * Reads a custom slot's entity resolution across every authority: static (`amzn1.er-authority.echo-sdk.<skill>.<TYPE>`)
 * and dynamic (`amzn1.er-authority.echo-sdk.dynamic.<skill>.<TYPE>`), in whatever order Alexa lists them. A dynamic
 * match wins because it names the user's own entity ("Grandma" → their person id), where the static catalog only
 * has a generic seed. ER_SUCCESS_NO_MATCH and error codes leave `entity` unset.
 */
export function readSlot(slot: Slot | null | undefined): SlotReading {
  const heard = slot?.value?.trim() || undefined;
  let staticMatch: ResolvedEntity | undefined;
  const dynamicMatches: ResolvedEntity[] = [];
  for (const authority of slot?.resolutions?.resolutionsPerAuthority ?? []) {
    if (authority.status.code !== 'ER_SUCCESS_MATCH') continue;
    const dynamic = authority.authority.includes('.dynamic.');
    for (const { value } of authority.values) {
      if (!value?.id) continue;
      const entity = { id: value.id, name: value.name, dynamic };
      if (!dynamic) staticMatch ??= entity;
      else if (!dynamicMatches.some((m) => m.id === entity.id)) dynamicMatches.push(entity);
    }
  }
  return { heard, entity: dynamicMatches[0] ?? staticMatch, dynamicMatches };
}
