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

/** Built-in intents' phrases per language (their samples live in Alexa, not in the model). */
const BUILT_IN_PHRASES: Record<'en' | 'de', Record<string, readonly string[]>> = {
  en: {
    'AMAZON.HelpIntent': ['help', 'help me', 'what can i say', 'what can i do'],
    'AMAZON.StopIntent': ['stop', 'off', 'shut up', 'exit', 'quit'],
    'AMAZON.CancelIntent': ['cancel', 'never mind', 'forget it'],
    'AMAZON.NavigateHomeIntent': ['home', 'go home'],
    'AMAZON.PauseIntent': ['pause', 'pause the slideshow', 'hold on'],
    'AMAZON.ResumeIntent': ['resume', 'continue', 'keep going'],
    'AMAZON.NextIntent': ['next', 'skip', 'next photo', 'skip forward'],
    'AMAZON.PreviousIntent': ['previous', 'go back', 'previous photo', 'back'],
    'AMAZON.StartOverIntent': ['start over', 'restart', 'from the beginning'],
    'AMAZON.ShuffleOnIntent': ['shuffle', 'shuffle on', 'turn on shuffle'],
    'AMAZON.ShuffleOffIntent': ['shuffle off', 'stop shuffling', 'turn off shuffle'],
    'AMAZON.LoopOnIntent': ['loop', 'loop on', 'repeat the slideshow'],
    'AMAZON.LoopOffIntent': ['loop off', 'stop looping'],
  },
  de: {
    'AMAZON.HelpIntent': ['hilfe', 'hilf mir', 'was kann ich sagen'],
    'AMAZON.StopIntent': ['stopp', 'stop', 'aus', 'beenden', 'halt'],
    'AMAZON.CancelIntent': ['abbrechen', 'vergiss es'],
    'AMAZON.NavigateHomeIntent': ['startseite', 'zur startseite'],
    'AMAZON.PauseIntent': ['pause', 'pausieren', 'anhalten'],
    'AMAZON.ResumeIntent': ['weiter', 'fortsetzen', 'mach weiter'],
    'AMAZON.NextIntent': ['nächstes', 'nächstes foto', 'überspringen'],
    'AMAZON.PreviousIntent': ['zurück', 'vorheriges', 'vorheriges foto'],
    'AMAZON.StartOverIntent': ['von vorne', 'neu starten'],
    'AMAZON.ShuffleOnIntent': ['zufallswiedergabe', 'zufallswiedergabe an', 'mischen'],
    'AMAZON.ShuffleOffIntent': ['zufallswiedergabe aus', 'nicht mischen'],
    'AMAZON.LoopOnIntent': ['wiederholen', 'endlosschleife an'],
    'AMAZON.LoopOffIntent': ['nicht wiederholen', 'endlosschleife aus'],
  },
};

/** How people open a skill and ask it something, per language: "open X", "ask X to …", "öffne X", "frag X nach …". */
const INVOCATION_PATTERNS: Record<'en' | 'de', { launch: string; oneShot: string }> = {
  en: {
    launch: '(?:open|launch|start|ask|talk to)',
    oneShot: '(?:ask|tell|use) {name} (?:to |for |about )?',
  },
  de: {
    launch: '(?:öffne|starte|frag|frage|aktiviere)',
    oneShot: '(?:frag|frage|sag|sage|bitte|öffne|starte) {name} (?:nach |ob |dass |und |zu )?',
  },
};

const languageOf = (locale: string): 'en' | 'de' => (locale.startsWith('de') ? 'de' : 'en');

/**
 * Matches an utterance against the interaction model's samples like Alexa's NLU would for well-formed speech:
 * slot values must be one of the custom type's values or synonyms, and AMAZON.DATE phrases must be ones Alexa
 * resolves. Anything else is an error, never a guess: a simulator that guesses hides holes in the model.
 */
export function matchUtterance(model: LanguageModel, utterance: string, context: MatchContext): HeardRequest {
  const language = languageOf(context.locale);
  const spoken = stripInvocation(normalize(utterance), normalize(model.invocationName), language);
  if (spoken === '') return { type: 'LaunchRequest' };

  for (const [name, phrases] of Object.entries(BUILT_IN_PHRASES[language])) {
    if (phrases.includes(spoken) && model.intents.some((intent) => intent.name === name)) {
      return { type: 'IntentRequest', intent: { name, confirmationStatus: 'NONE', slots: {} } };
    }
  }

  const candidates: Array<{ openSlots: number; specificity: number; intent: Intent }> = [];
  for (const intent of model.intents) {
    for (const sample of intent.samples) {
      const captured = capture(sample, spoken);
      if (!captured) continue;
      const slots = resolveSlots(model, intent.name, captured, context, 'spoken');
      if (slots) {
        candidates.push({
          openSlots: intent.slots.filter((slot) => isOpenType(slot.type) && captured[slot.name] !== undefined)
            .length,
          specificity: sample.replace(/\{\w+\}/g, '').length,
          intent: { name: intent.name, confirmationStatus: 'NONE', slots },
        });
      }
    }
  }
  // Like Alexa, prefer words that resolve to a catalog value ("christmas" is a HOLIDAY) over an open slot that
  // takes any words (AMAZON.City); then the longest carrier phrase.
  candidates.sort((a, b) => a.openSlots - b.openSlots || b.specificity - a.specificity);
  const best = candidates[0];
  if (best) return { type: 'IntentRequest', intent: best.intent };

  const examples = model.intents.flatMap((intent) => intent.samples).slice(0, 6);
  throw new AppError({
    status: 400,
    code: 'NO_INTENT_MATCH',
    publicMessage:
      `Could not match "${utterance}" to any intent of ${context.locale}; try: ` +
      [
        ...examples,
        ...Object.values(BUILT_IN_PHRASES[language])
          .flatMap((phrases) => phrases.slice(0, 1))
          .slice(0, 2),
      ]
        .map((example) => `"${example}"`)
        .join(', '),
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
    .replace(/[^\p{L}\p{N}' ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function stripInvocation(spoken: string, invocation: string, language: 'en' | 'de'): string {
  const withoutWake = spoken.replace(/^alexa\b ?/, '');
  const patterns = INVOCATION_PATTERNS[language];
  const name = escapeRegExp(invocation);
  if (new RegExp(`^${patterns.launch} ${name}$`, 'u').test(withoutWake)) return '';
  const oneShot = new RegExp(`^${patterns.oneShot.replace('{name}', name)}`, 'u');
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
  const match = new RegExp(`^${pattern}$`, 'u').exec(spoken);
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
    const value = amazonDateOf(heard, context.today, context.locale);
    return value === undefined ? undefined : { ...base, value };
  }
  const type = model.types.find((candidate) => candidate.name === declared.type);
  if (!type) return mode === 'exact' || isOpenType(declared.type) ? base : undefined;
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

/** Built-in types that take any words here (Alexa's gazetteers and free text); AMAZON.DATE is resolved above. */
function isOpenType(type: string): boolean {
  return ['AMAZON.City', 'AMAZON.Country', 'AMAZON.SearchQuery', 'AMAZON.FOUR_DIGIT_NUMBER'].includes(type);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
