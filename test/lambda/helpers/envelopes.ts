import type { RequestEnvelope, Slot } from 'ask-sdk-model';
import { findDevice } from '../../../tools/alexa-simulator/devices';
import { buildRequestEnvelope } from '../../../tools/alexa-simulator/envelope';

/** Realistic envelopes from the simulator's device presets, so handler tests see what devices send. */
export function launchEnvelope(device = 'Echo Show 8'): RequestEnvelope {
  return buildRequestEnvelope({
    device: findDevice(device),
    heard: { type: 'LaunchRequest' },
    locale: 'en-US',
  });
}

export function intentEnvelope(
  name: string,
  slots: Record<string, Partial<Slot>> = {},
  device = 'Echo Show 8',
): RequestEnvelope {
  const filled: Record<string, Slot> = {};
  for (const [slotName, slot] of Object.entries(slots)) {
    filled[slotName] = { name: slotName, confirmationStatus: 'NONE', ...slot };
  }
  return buildRequestEnvelope({
    device: findDevice(device),
    heard: { type: 'IntentRequest', intent: { name, confirmationStatus: 'NONE', slots: filled } },
    locale: 'en-US',
  });
}

/** A subject slot as Alexa resolves a catalog synonym. */
export function subjectSlot(heard: string, id: string): Partial<Slot> {
  return {
    value: heard,
    resolutions: {
      resolutionsPerAuthority: [
        {
          authority: 'amzn1.er-authority.echo-sdk.amzn1.ask.skill.test.PhotoSubject',
          status: { code: 'ER_SUCCESS_MATCH' },
          values: [{ value: { id, name: id.toLowerCase() } }],
        },
      ],
    },
  };
}

/** A request the device sends on its own, e.g. LoadIndexListData, in an envelope from that device. */
export function deviceRequestEnvelope(
  request: Record<string, unknown>,
  device = 'Echo Show 8',
): RequestEnvelope {
  const base = launchEnvelope(device);
  return {
    ...base,
    request: {
      requestId: 'amzn1.echo-api.request.device',
      timestamp: new Date().toISOString(),
      locale: 'en-US',
      ...request,
    } as unknown as RequestEnvelope['request'],
  };
}
