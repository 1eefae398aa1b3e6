import { getIntentName, getRequestType } from 'ask-sdk-core';
import type { RequestEnvelope, interfaces } from 'ask-sdk-model';
import { carriesListVersion } from '../apl/list-version-errors';

type RuntimeErrorEvent = interfaces.alexa.presentation.apl.RuntimeErrorEvent;

/** Requests answered the same for everyone: leaving, asking for help, and the device's own reports. */
const OWNERLESS_REQUESTS: ReadonlySet<string> = new Set([
  'SessionEndedRequest',
  'System.ExceptionEncountered',
  'Alexa.Presentation.APL.UserEvent',
]);
const OWNERLESS_INTENTS: ReadonlySet<string> = new Set([
  'AMAZON.StopIntent',
  'AMAZON.CancelIntent',
  'AMAZON.NavigateHomeIntent',
  'AMAZON.HelpIntent',
  'AMAZON.FallbackIntent',
]);

/**
 * Whether answering this request reads someone's library (and so needs a linked account). Stop, Help and the
 * device's own reports must work before linking; everything that shows or controls photos needs an owner.
 */
export function needsOwner(envelope: RequestEnvelope): boolean {
  const type = getRequestType(envelope);
  // A list version error is the one device report that changes something: the owner's count of that list's versions.
  if (type === 'Alexa.Presentation.APL.RuntimeError') {
    return carriesListVersion((envelope.request as RuntimeErrorEvent).errors);
  }
  if (OWNERLESS_REQUESTS.has(type)) return false;
  if (type === 'IntentRequest') return !OWNERLESS_INTENTS.has(getIntentName(envelope));
  return true;
}

/** Requests a person spoke (they get speech and cards); the rest come from the device and get none. */
export function isSpokenRequest(envelope: RequestEnvelope): boolean {
  const type = getRequestType(envelope);
  return type === 'LaunchRequest' || type === 'IntentRequest';
}
