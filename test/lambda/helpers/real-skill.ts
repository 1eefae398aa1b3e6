import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ResponseEnvelope } from 'ask-sdk-model';
import { readLocalSecrets } from '../../../server/local-secrets';
import { localStackConfigFromEnv, startLocalStack, type LocalStack } from '../../../server/local-stack';
import { findDevice } from '../../../tools/alexa-simulator/devices';
import { buildRequestEnvelope, SIMULATOR_IDENTITY } from '../../../tools/alexa-simulator/envelope';
import {
  intentFromSlotValues,
  matchUtterance,
  type HeardRequest,
} from '../../../tools/alexa-simulator/interaction-model-matcher';
import { loadLanguageModel } from '../../../tools/alexa-simulator/interaction-model';
import { sendToSkill } from '../../../tools/alexa-simulator/skill-transport';

/** What the skill heard (slot values) and said, and the directives it sent (an Echo Dot's: none). */
export interface SkillAnswer {
  intent: string;
  slots: Record<string, string>;
  speech: string;
  directives: string[];
}

export interface RealSkill {
  /** `words` as the interaction model hears them, or ShowPhotosIntent with exactly these slot values. */
  say(words: string | Record<string, string>, locale?: string, device?: string): Promise<SkillAnswer>;
  close(): Promise<void>;
}

/**
 * The real skill and library over HTTP (the local stack, vision off) on a photo folder `writePhotos` fills; what
 * Alexa hears comes from the interaction models, so each request lands in the slots a real model gives its words.
 */
export async function startRealSkill(writePhotos: (photosDir: string) => Promise<void>): Promise<RealSkill> {
  const root = await mkdtemp(join(tmpdir(), 'photoframe-real-skill-'));
  let stack: LocalStack | undefined;
  try {
    await writePhotos(join(root, 'photos'));
    stack = await startLocalStack({
      ...localStackConfigFromEnv({ VISION: 'false' }),
      port: 0,
      dataDir: join(root, 'data'),
      photosDir: join(root, 'photos'),
      logLevel: 'silent' as const,
    });
    await stack.ingestDone;
  } catch (error) {
    await stack?.close();
    await rm(root, { recursive: true, force: true });
    throw error;
  }
  const running = stack;
  const matchContext = (locale: string) => ({
    today: new Date(),
    applicationId: SIMULATOR_IDENTITY.applicationId,
    locale,
  });
  return {
    async say(words, locale = 'en-US', device = 'Echo Dot') {
      const model = loadLanguageModel(locale);
      const heard: HeardRequest =
        typeof words === 'string'
          ? matchUtterance(model, words, matchContext(locale))
          : intentFromSlotValues(model, 'ShowPhotosIntent', words, matchContext(locale));
      assert.equal(heard.type, 'IntentRequest', JSON.stringify(words));
      const intent = heard.type === 'IntentRequest' ? heard.intent : undefined;
      const slots = Object.fromEntries(
        Object.values(intent?.slots ?? {})
          .filter((slot) => slot.value !== undefined)
          .map((slot) => [slot.name, slot.value ?? '']),
      );
      const reply = await sendToSkill(
        `${running.url}/alexa`,
        buildRequestEnvelope({ device: findDevice(device), heard, locale }),
        readLocalSecrets(join(root, 'data'))?.simulatorToken,
      );
      assert.equal(reply.status, 200, JSON.stringify(reply.body));
      const { response } = reply.body as ResponseEnvelope;
      const speech = response.outputSpeech;
      return {
        intent: intent?.name ?? '',
        slots,
        speech: speech && 'ssml' in speech ? speech.ssml : '',
        directives: (response.directives ?? []).map((directive) => directive.type),
      };
    },
    async close() {
      await running.close();
      await rm(root, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    },
  };
}
