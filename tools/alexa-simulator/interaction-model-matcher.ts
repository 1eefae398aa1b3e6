import type { Intent, Slot } from 'ask-sdk-model';
import { AppError } from '../../common/errors';
import { amazonDateOf } from './date-phrases';
import type { LanguageModel } from './interaction-model';
import type { DynamicEntities } from './simulator-session';
import { takesUnlistedWords, unlikenessTo } from './slot-plausibility';

/** What Alexa's NLU would send for an utterance: a launch, or an intent with resolved slots. */
export type HeardRequest = { type: 'LaunchRequest' } | { type: 'IntentRequest'; intent: Intent };

export interface MatchContext {
  /** The day the user speaks, for relative dates ("last summer"). */
  today: Date;
  /** Skill id, part of entity-resolution authority names. */
  applicationId: string;
  locale: string;
  /**
   * The session's dynamic entities by slot type (none in a one-shot's new session): words that name one count as
   * listed when readings are ranked. Their resolutions are added by withDynamicEntities.
   */
  dynamicEntities?: DynamicEntities;
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

/** Articles people put before a skill's name: "open the photo frame", "öffne den Fotorahmen". */
const INVOCATION_ARTICLES: Record<'en' | 'de', string> = {
  en: '(?:the |my )?',
  de: '(?:den |die |das |meinen )?',
};

interface Candidate {
  /** Words in custom slots that are none of the type's values, synonyms or dynamic entities (ER_SUCCESS_NO_MATCH). */
  unlistedWords: number;
  /** How unlike their types those words are (slot-plausibility.ts). */
  unlikeness: number;
  openSlots: number;
  openWords: number;
  specificity: number;
  intent: Intent;
}

/** Every way of splitting the words over a sample's slots that one utterance has; enough for any real sample. */
const MAX_SPLITS = 64;

/**
 * Fixed words a sample needs before its custom slots may take unlisted words: "show {subject} photos" fills
 * subject with "unicorn", but "play {speed}" does not make "play some music" a speed, nor "show {subject}" make
 * "show me the weather" a subject. One carrier word is too little evidence that the request is for this skill.
 */
const MIN_CARRIER_WORDS_FOR_UNLISTED = 2;

/**
 * Matches an utterance against the interaction model's samples like Alexa's NLU would for well-formed speech. The
 * sample's carrier words must all be there, in order. A custom slot type is not an enumeration: its values train
 * Alexa's model, and words outside them still fill the slot, with the spoken words as the value and entity
 * resolution ER_SUCCESS_NO_MATCH ("show photos of anna" is person "anna", for the skill to look up among the
 * owner's names). AMAZON.DATE phrases must be ones Alexa resolves. An utterance no sample fits is an error, never
 * a guess: a simulator that guesses hides holes in the model.
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

  const candidates: Candidate[] = [];
  for (const intent of model.intents) {
    for (const sample of intent.samples) {
      const carrierWords = normalizeSample(sample)
        .split(' ')
        .filter((token) => !/^\{\w+\}$/.test(token));
      for (const captured of captures(sample, spoken)) {
        const slots = resolveSlots(model, intent.name, captured, context, 'spoken');
        if (!slots) continue;
        const open = intent.slots.filter(
          (slot) => isOpenType(slot.type) && captured[slot.name] !== undefined,
        );
        const unlisted = intent.slots.flatMap((slot) => {
          const words = captured[slot.name];
          return words !== undefined && isUnlisted(slots[slot.name], slot.type, context)
            ? [{ slot, words }]
            : [];
        });
        if (!plausiblyUnlisted(model, intent.slots, unlisted, carrierWords.length)) continue;
        candidates.push({
          unlistedWords: unlisted.reduce((sum, { words }) => sum + words.split(' ').length, 0),
          unlikeness: unlisted.reduce(
            (sum, { slot, words }) => sum + unlikenessTo(slot.type, catalogOf(model, slot.type).words, words),
            0,
          ),
          openSlots: open.length,
          openWords: open.reduce((sum, slot) => sum + (captured[slot.name] ?? '').split(' ').length, 0),
          specificity: sample.replace(/\{\w+\}/g, '').length,
          intent: { name: intent.name, confirmationStatus: 'NONE', slots },
        });
      }
    }
  }
  // Like Alexa, prefer words that resolve to a catalog value over unlisted words in a custom slot; among unlisted
  // readings, the words most like their types ("anna" is a person, "unicorn" a subject, "my dad" a person rather
  // than "my" and a subject "dad"), then the fewest such words ("tom from twenty twenty one" is Tom and a date).
  // Then words that resolve to a catalog value ("christmas" is a HOLIDAY) over an open slot that takes any words
  // (AMAZON.City); then the fewest words in open slots ("paris last summer" is Paris and a date, not a city of that
  // name); then the longest carrier phrase.
  candidates.sort(
    (a, b) =>
      Number(a.unlistedWords > 0) - Number(b.unlistedWords > 0) ||
      a.unlikeness - b.unlikeness ||
      a.unlistedWords - b.unlistedWords ||
      a.openSlots - b.openSlots ||
      a.openWords - b.openWords ||
      b.specificity - a.specificity,
  );
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
  // The name as heard: its words apart or run together ("foto rahmen", "fotorahmen"), after an optional article.
  const name = INVOCATION_ARTICLES[language] + invocation.split(' ').map(escapeRegExp).join(' ?');
  if (new RegExp(`^${patterns.launch} ${name}$`, 'u').test(withoutWake)) return '';
  const oneShot = new RegExp(`^${patterns.oneShot.replace('{name}', name)}`, 'u');
  return withoutWake.replace(oneShot, '').trim();
}

/**
 * Every way the spoken words fill the sample's slots (each slot takes at least one word, carrier words must match
 * exactly): "photos from new york last summer" against "photos from {place} {date}" is tried as new | york last
 * summer, new york | last summer and new york last | summer, and slot resolution decides which, if any, is heard.
 */
function captures(sample: string, spoken: string): Array<Record<string, string>> {
  const tokens = normalizeSample(sample).split(' ');
  const words = spoken.split(' ');
  const found: Array<Record<string, string>> = [];
  const walk = (token: number, word: number, slots: Record<string, string>): void => {
    if (found.length >= MAX_SPLITS) return;
    if (token === tokens.length) {
      if (word === words.length) found.push(slots);
      return;
    }
    const text = tokens[token] ?? '';
    const slot = /^\{(\w+)\}$/.exec(text)?.[1];
    if (slot === undefined) {
      if (words[word] === text) walk(token + 1, word + 1, slots);
      return;
    }
    const lastEnd = words.length - (tokens.length - token - 1);
    for (let end = word + 1; end <= lastEnd; end++) {
      walk(token + 1, end, { ...slots, [slot]: words.slice(word, end).join(' ') });
    }
  };
  walk(0, 0, {});
  return found;
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
    // Spoken or given exactly, words outside the catalog are sent as heard, with no static match.
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

/**
 * Whether Alexa would hear a reading whose custom slots hold these unlisted words. Not: in a type that takes none
 * (slot-plausibility.ts: "show the left one" is not a media kind "one"); with fewer than
 * MIN_CARRIER_WORDS_FOR_UNLISTED fixed words; or when the words are a value of another custom type of the intent,
 * which Alexa would hear as that value ("show photos of vacation" is not a person called "vacation": vacation is an
 * ALBUM).
 */
function plausiblyUnlisted(
  model: LanguageModel,
  declared: ReadonlyArray<{ name: string; type: string }>,
  unlisted: ReadonlyArray<{ slot: { type: string }; words: string }>,
  carrierWords: number,
): boolean {
  if (unlisted.length === 0) return true;
  if (carrierWords < MIN_CARRIER_WORDS_FOR_UNLISTED) return false;
  return unlisted.every(({ slot: { type }, words }) => {
    if (!takesUnlistedWords(type)) return false;
    const heard = normalize(words);
    return !declared.some((slot) => slot.type !== type && catalogOf(model, slot.type).forms.has(heard));
  });
}

/** A filled custom slot whose words matched none of its type's values, synonyms or the session's dynamic entities. */
function isUnlisted(slot: Slot | undefined, type: string, context: MatchContext): boolean {
  const status = slot?.resolutions?.resolutionsPerAuthority?.[0]?.status.code;
  if (status !== 'ER_SUCCESS_NO_MATCH' || slot?.value === undefined) return false;
  const wanted = normalize(slot.value);
  const dynamic = context.dynamicEntities?.get(type) ?? [];
  return !dynamic.some((entity) =>
    [entity.name.value, ...(entity.name.synonyms ?? [])].some((form) => normalize(form) === wanted),
  );
}

interface Catalog {
  /** Every value and synonym, normalized ("my brother", "mom", …). */
  forms: ReadonlySet<string>;
  /** Every word of those ("my", "brother", "mom", …). */
  words: ReadonlySet<string>;
}

const catalogCache = new WeakMap<LanguageModel, Map<string, Catalog>>();

/** A custom type's values and synonyms, once per model and type (empty for built-in types). */
function catalogOf(model: LanguageModel, typeName: string): Catalog {
  let byType = catalogCache.get(model);
  if (!byType) catalogCache.set(model, (byType = new Map<string, Catalog>()));
  let catalog = byType.get(typeName);
  if (!catalog) {
    const type = model.types.find((candidate) => candidate.name === typeName);
    const forms = new Set(
      (type?.values ?? []).flatMap((value) => [value.name.value, ...value.name.synonyms]).map(normalize),
    );
    catalog = { forms, words: new Set([...forms].flatMap((form) => form.split(' '))) };
    byType.set(typeName, catalog);
  }
  return catalog;
}

/** Built-in types that take any words here (Alexa's gazetteers and free text); AMAZON.DATE is resolved above. */
function isOpenType(type: string): boolean {
  return ['AMAZON.City', 'AMAZON.Country', 'AMAZON.SearchQuery', 'AMAZON.FOUR_DIGIT_NUMBER'].includes(type);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
