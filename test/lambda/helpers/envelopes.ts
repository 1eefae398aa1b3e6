import type { RequestEnvelope, Slot } from 'ask-sdk-model';
import { findDevice } from '../../../tools/alexa-simulator/devices';
import { buildRequestEnvelope } from '../../../tools/alexa-simulator/envelope';

/**
 * Where test envelopes say the Alexa APIs are: a reserved `.test` host that never resolves, so no test reaches
 * Amazon by accident (the Settings API lookup fails fast and falls back); tests of those APIs nock this origin.
 */
export const TEST_ALEXA_API_ENDPOINT = 'https://api.alexa.test';
export const TEST_API_ACCESS_TOKEN = 'test-api-access-token';

function offline(envelope: RequestEnvelope): RequestEnvelope {
  envelope.context.System.apiEndpoint = TEST_ALEXA_API_ENDPOINT;
  envelope.context.System.apiAccessToken = TEST_API_ACCESS_TOKEN;
  return envelope;
}

/** Realistic envelopes from the simulator's device presets, so handler tests see what devices send. */
export function launchEnvelope(device = 'Echo Show 8'): RequestEnvelope {
  return offline(
    buildRequestEnvelope({
      device: findDevice(device),
      heard: { type: 'LaunchRequest' },
      locale: 'en-US',
    }),
  );
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
  return offline(
    buildRequestEnvelope({
      device: findDevice(device),
      heard: { type: 'IntentRequest', intent: { name, confirmationStatus: 'NONE', slots: filled } },
      locale: 'en-US',
    }),
  );
}

/** Every screen the skill is built for, by the simulator's preset names. */
export const SCREEN_DEVICES = [
  'Echo Spot',
  'Echo Show 5',
  'Echo Show 8',
  'Echo Show 15',
  'Echo Show 15 portrait',
  'Fire TV',
] as const;
/** The device class without a screen. */
export const VOICE_ONLY_DEVICE = 'Echo Dot';

/**
 * An intent spoken while the slideshow shows these photos (one, or a pair: left, right), as the APL visual context
 * reports them. Slots are given as Alexa sends them.
 */
export function intentOnScreen(
  name: string,
  photoIds: string | readonly string[],
  slots: Record<string, Partial<Slot>> = {},
  device = 'Echo Show 8',
): RequestEnvelope {
  const filled: Record<string, Slot> = {};
  for (const [slotName, slot] of Object.entries(slots)) {
    filled[slotName] = { name: slotName, confirmationStatus: 'NONE', ...slot };
  }
  return offline(
    buildRequestEnvelope({
      device: findDevice(device),
      heard: { type: 'IntentRequest', intent: { name, confirmationStatus: 'NONE', slots: filled } },
      locale: 'en-US',
      contextPhotoId: photoIds,
    }),
  );
}

/** A custom slot resolved to a catalog value (static authority), e.g. speed "slow down" → SLOWER. */
export function catalogSlot(heard: string, type: string, id: string): Partial<Slot> {
  return {
    value: heard,
    resolutions: {
      resolutionsPerAuthority: [
        {
          authority: `amzn1.er-authority.echo-sdk.amzn1.ask.skill.test.${type}`,
          status: { code: 'ER_SUCCESS_MATCH' },
          values: [{ value: { id, name: heard } }],
        },
      ],
    },
  };
}

/** The same envelope spoken in another locale. */
export function inLocale(envelope: RequestEnvelope, locale: string): RequestEnvelope {
  envelope.request.locale = locale;
  return envelope;
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

/**
 * The tokens Alexa adds once accounts are linked: `user` for the account, `person` when a recognised speaker linked
 * personally (with their personId). Changes the envelope in place (context and session alike) and returns it.
 */
export function withAccessTokens(
  envelope: RequestEnvelope,
  tokens: { user?: string; person?: { personId: string; accessToken?: string } },
): RequestEnvelope {
  const system = envelope.context.System;
  system.user = { ...system.user, ...(tokens.user ? { accessToken: tokens.user } : {}) };
  if (envelope.session) envelope.session.user = system.user;
  if (tokens.person) system.person = tokens.person;
  return envelope;
}

/** The same envelope as the next turn of an open session rather than its first request. */
export function inOpenSession(envelope: RequestEnvelope): RequestEnvelope {
  if (envelope.session) envelope.session.new = false;
  return envelope;
}
