import { getIntentName, getRequestType, type HandlerInput } from 'ask-sdk-core';

export function isIntent(input: HandlerInput, ...names: string[]): boolean {
  return (
    getRequestType(input.requestEnvelope) === 'IntentRequest' &&
    names.includes(getIntentName(input.requestEnvelope))
  );
}

export function isRequestType(input: HandlerInput, type: string): boolean {
  return getRequestType(input.requestEnvelope) === type;
}
