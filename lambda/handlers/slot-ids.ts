import type { HandlerInput } from 'ask-sdk-core';
import type { IntentRequest } from 'ask-sdk-model';
import { readSlot } from '../util/slot-resolution';

/**
 * The catalog id a custom slot resolved to (e.g. SLOWER for "slow down"), if it is one of `ids`; undefined when the
 * slot is empty, unresolved, or resolved to something this handler does not know.
 */
export function slotIdOf<Id extends string>(
  input: HandlerInput,
  slotName: string,
  ids: readonly Id[],
): Id | undefined {
  const request = input.requestEnvelope.request as IntentRequest;
  const id = readSlot(request.intent.slots?.[slotName]).entity?.id;
  return ids.find((known) => known === id);
}

/** PHOTO_SIDE: which photo of a pair ("the one on the left"). */
export const SIDE_SLOT = 'side';
const SIDE_IDS = ['LEFT', 'RIGHT'] as const;

export function sideOf(input: HandlerInput): 'left' | 'right' | undefined {
  const id = slotIdOf(input, SIDE_SLOT, SIDE_IDS);
  return id === 'LEFT' ? 'left' : id === 'RIGHT' ? 'right' : undefined;
}
