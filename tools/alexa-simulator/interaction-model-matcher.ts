import type { Intent, Slot } from 'ask-sdk-model';
import { AppError } from '../../common/errors';
import { amazonDateOf } from './date-phrases';
import type { LanguageModel } from './interaction-model';

/** What Alexa's NLU would send for an utterance: a launch, or an intent with resolved slots. */
export type HeardRequest = { type: 'LaunchRequest' } | { type: 'IntentRequest'; intent: Intent };

export interface MatchContext {
  /** The day the user speaks, for relative dates ("last summer"). */
  today: Date;
  /** Skill id, part of entity-resolution authority names. */
  applicationId: string;
  locale: string;
}

/** Built-in intents' phrases (their samples live in Alexa, not in the model). */
const BUILT_IN_PHRASES: Record<string, readonly string[]> = {
  'AMAZON.HelpIntent': ['help', 'help me', 'what can i say', 'what can i do'],
  'AMAZON.StopIntent': ['stop', 'off', 'shut up', 'exit', 'quit'],
  'AMAZON.CancelIntent': ['cancel', 'never mind', 'forget it'],
  'AMAZON.NavigateHomeIntent': ['home', 'go home'],
};

/**
 * Matches an utterance against the interaction model's samples like Alexa's NLU would for well-formed speech:
 * slot values must be one of the custom type's values or synonyms, and AMAZON.DATE phrases must be ones Alexa
 * resolves. Anything else is an error, never a guess: a simulator that guesses hides holes in the model.
 */
export function matchUtterance(model: LanguageModel, utterance: string, context: MatchContext): HeardRequest {
  const spoken = stripInvocation(normalize(utterance), normalize(model.invocationName));
  if (spoken === '') return { type: 'LaunchRequest' };

  for (const [name, phrases] of Object.entries(BUILT_IN_PHRASES)) {
    if (phrases.includes(spoken) && model.intents.some((intent) => intent.name === name)) {
      return { type: 'IntentRequest', intent: { name, confirmationStatus: 'NONE', slots: {} } };
    }
  }

  const candidates: Array<{ specificity: number; intent: Intent }> = [];
  for (const intent of model.intents) {
    for (const sample of intent.samples) {
      const captured = capture(sample, spoken);
      if (!captured) continue;
      const slots = resolveSlots(model, intent.name, captured, context, 'spoken');
      if (slots) {
        candidates.push({
          specificity: sample.replace(/\{\w+\}/g, '').length,
          intent: { name: intent.name, confirmationStatus: 'NONE', slots },
        });
      }
    }
  }
  candidates.sort((a, b) => b.specificity - a.specificity);
  const best = candidates[0];
  if (best) return { type: 'IntentRequest', intent: best.intent };

  const examples = model.intents.flatMap((intent) => intent.samples).slice(0, 6);
  throw new AppError({
    status: 400,
    code: 'NO_INTENT_MATCH',
    publicMessage:
      `Could not match "${utterance}" to any intent of ${context.locale}; try: ` +
      [...examples, 'help', 'stop'].map((example) => `"${example}"`).join(', '),
  });
}

/**
 * An intent with slot values given exactly (`--slot date=2026-SU`), as Alexa would have resolved them: custom
 * slots still get entity resolution; AMAZON.DATE values pass through unchanged.
 */
export function intentFromSlotValues(
  model: LanguageModel,
  intentName: string,
  values: Record<string, string>,
  context: MatchContext,
): HeardRequest {
  const intent = model.intents.find((candidate) => candidate.name === intentName);
  if (!intent) {
    throw new AppError({
      status: 400,
      code: 'UNKNOWN_INTENT',
      publicMessage: `${context.locale} has no intent ${intentName}; intents: ${model.intents.map((i) => i.name).join(', ')}`,
    });
  }
  const slots = resolveSlots(model, intentName, values, context, 'exact');
  if (!slots) throw new Error('exact slot values always resolve');
  return { type: 'IntentRequest', intent: { name: intentName, confirmationStatus: 'NONE', slots } };
}

function normalize(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9' ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function stripInvocation(spoken: string, invocation: string): string {
  const withoutWake = spoken.replace(/^alexa\b ?/, '');
  const launch = new RegExp(`^(?:open|launch|start|ask|talk to) ${escapeRegExp(invocation)}$`);
  if (launch.test(withoutWake)) return '';
  const oneShot = new RegExp(`^(?:ask|tell|use) ${escapeRegExp(invocation)} (?:to |for |about )?`);
  return withoutWake.replace(oneShot, '').trim();
}

function capture(sample: string, spoken: string): Record<string, string> | undefined {
  const pattern = normalizeSample(sample)
    .split(' ')
    .map((token) => {
      const slot = /^\{(\w+)\}$/.exec(token);
      return slot ? `(?<${slot[1]}>.+?)` : escapeRegExp(token);
    })
    .join(' ');
  const match = new RegExp(`^${pattern}$`).exec(spoken);
  return match ? { ...match.groups } : undefined;
}

function normalizeSample(sample: string): string {
  return sample.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Slots for every slot the intent declares (unfilled ones carry only a name, as Alexa sends them). */
function resolveSlots(
  model: LanguageModel,
  intentName: string,
  values: Record<string, string>,
  context: MatchContext,
  mode: 'spoken' | 'exact',
): Record<string, Slot> | undefined {
  const intent = model.intents.find((candidate) => candidate.name === intentName);
  if (!intent) return undefined;
  for (const name of Object.keys(values)) {
    if (!intent.slots.some((slot) => slot.name === name)) {
      throw new AppError({
        status: 400,
        code: 'UNKNOWN_SLOT',
        publicMessage: `${intentName} has no slot ${name}; slots: ${intent.slots.map((s) => s.name).join(', ') || 'none'}`,
      });
    }
  }
  const slots: Record<string, Slot> = {};
  for (const declared of intent.slots) {
    const heard = values[declared.name];
    if (heard === undefined) {
      slots[declared.name] = { name: declared.name, confirmationStatus: 'NONE' };
      continue;
    }
    const slot = resolveSlot(model, declared, heard, context, mode);
    if (!slot) return undefined;
    slots[declared.name] = slot;
  }
  return slots;
}

function resolveSlot(
  model: LanguageModel,
  declared: { name: string; type: string },
  heard: string,
  context: MatchContext,
  mode: 'spoken' | 'exact',
): Slot | undefined {
  const base = { name: declared.name, value: heard, confirmationStatus: 'NONE' as const, source: 'USER' };
  if (declared.type === 'AMAZON.DATE') {
    if (mode === 'exact') return base;
    const value = amazonDateOf(heard, context.today);
    return value === undefined ? undefined : { ...base, value };
  }
  const type = model.types.find((candidate) => candidate.name === declared.type);
  if (!type) return mode === 'exact' ? base : undefined;
  const wanted = normalize(heard);
  const entity = type.values.find(
    (value) =>
      normalize(value.name.value) === wanted ||
      value.name.synonyms.some((synonym) => normalize(synonym) === wanted),
  );
  const authority = `amzn1.er-authority.echo-sdk.${context.applicationId}.${type.name}`;
  if (!entity) {
    if (mode === 'spoken') return undefined;
    return {
      ...base,
      resolutions: {
        resolutionsPerAuthority: [{ authority, status: { code: 'ER_SUCCESS_NO_MATCH' }, values: [] }],
      },
    };
  }
  return {
    ...base,
    resolutions: {
      resolutionsPerAuthority: [
        {
          authority,
          status: { code: 'ER_SUCCESS_MATCH' },
          values: [{ value: { name: entity.name.value, id: entity.id ?? entity.name.value } }],
        },
      ],
    },
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
