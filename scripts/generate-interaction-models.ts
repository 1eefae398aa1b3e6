import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { format, resolveConfig } from 'prettier';
import {
  ENGLISH_BUILT_IN_SAMPLES,
  ENGLISH_FAVORITE_TEMPLATES,
  ENGLISH_HIDE_TEMPLATES,
  ENGLISH_LINK_FRAME_TEMPLATES,
  ENGLISH_NAME_PERSON_TEMPLATES,
  ENGLISH_MORE_LIKE_THIS_TEMPLATES,
  ENGLISH_QUESTIONS,
  ENGLISH_RECURRENCE,
  ENGLISH_PHOTO_INFO_TEMPLATES,
  ENGLISH_SIDES,
  ENGLISH_SIMILARITY,
  ENGLISH_SPEED,
  ENGLISH_SPEED_TEMPLATES,
  ENGLISH_SEARCH_TEMPLATES,
  ENGLISH_SHORTHANDS,
  ENGLISH_SHOW_TEMPLATES,
  ENGLISH_TRIP_TEMPLATES,
  ENGLISH_TRIP_WORDS,
  englishAlbums,
  englishHolidays,
  englishPeople,
  type EntitySeed,
} from '../lambda/i18n/model-en';
import {
  GERMAN_ALBUMS,
  GERMAN_BUILT_IN_SAMPLES,
  GERMAN_FAVORITE_TEMPLATES,
  GERMAN_HIDE_TEMPLATES,
  GERMAN_LINK_FRAME_TEMPLATES,
  GERMAN_NAME_PERSON_TEMPLATES,
  GERMAN_MORE_LIKE_THIS_TEMPLATES,
  GERMAN_PEOPLE,
  GERMAN_QUESTIONS,
  GERMAN_RECURRENCE,
  GERMAN_PHOTO_INFO_TEMPLATES,
  GERMAN_SIDES,
  GERMAN_SIMILARITY,
  GERMAN_SPEED,
  GERMAN_SPEED_TEMPLATES,
  GERMAN_SEARCH_TEMPLATES,
  GERMAN_SHORTHANDS,
  GERMAN_SHOW_TEMPLATES,
  germanHolidays,
} from '../lambda/i18n/model-de';
import { GERMAN_SUBJECTS } from '../lambda/i18n/vocabulary-de';
import { SKILL_LOCALES, type SkillLocale } from '../lambda/i18n';
import { subjectIdOf } from '../lambda/util/subject';
import { CANONICAL_LABELS } from '../metadata-service/labels/vocabulary';

/**
 * The one source of the six interaction models: phrase templates × slots per language, the library's label
 * vocabulary for PhotoSubject, and the seeds of the custom types. `npm run models` would be the natural alias;
 * run `tsx scripts/generate-interaction-models.ts` to rewrite skill-package/interactionModels/custom/*.json
 * (checked in; test/skill-package fails when they are stale).
 */

export const MODELS_DIR = resolve(__dirname, '..', 'skill-package', 'interactionModels', 'custom');

interface TypeValue {
  id: string;
  name: { value: string; synonyms: string[] };
}
interface ModelIntent {
  name: string;
  slots?: Array<{ name: string; type: string }>;
  samples: string[];
}
export interface InteractionModelFile {
  interactionModel: {
    languageModel: {
      invocationName: string;
      intents: ModelIntent[];
      types: Array<{ name: string; values: TypeValue[] }>;
    };
  };
}

export const SHOW_PHOTOS_SLOT_TYPES: ReadonlyArray<{ name: string; type: string }> = [
  { name: 'subject', type: 'PhotoSubject' },
  { name: 'date', type: 'AMAZON.DATE' },
  // Built-in gazetteers rather than a custom PLACE list: any city or country a photo was taken in can be heard,
  // not only ones we could enumerate, and both types exist in all six locales.
  { name: 'place', type: 'AMAZON.City' },
  { name: 'country', type: 'AMAZON.Country' },
  { name: 'person', type: 'PERSON' },
  { name: 'album', type: 'ALBUM' },
  { name: 'holiday', type: 'HOLIDAY' },
  { name: 'recurrence', type: 'RECURRENCE' },
];

/** Built-ins every model lists: the slideshow controls and the required ones. */
export const BUILT_IN_INTENTS = [
  'AMAZON.PauseIntent',
  'AMAZON.ResumeIntent',
  'AMAZON.NextIntent',
  'AMAZON.PreviousIntent',
  'AMAZON.StartOverIntent',
  'AMAZON.ShuffleOnIntent',
  'AMAZON.ShuffleOffIntent',
  'AMAZON.LoopOnIntent',
  'AMAZON.LoopOffIntent',
  'AMAZON.NavigateHomeIntent',
  'AMAZON.HelpIntent',
  'AMAZON.StopIntent',
  'AMAZON.CancelIntent',
  'AMAZON.FallbackIntent',
] as const;

/** Expands `$shorthand`s and `(a|b|)` groups into every sample the template stands for. */
export function expandTemplate(template: string, shorthands: Readonly<Record<string, string>>): string[] {
  const withShorthands = template.replace(/\$\w+/g, (name) => {
    const expansion = shorthands[name];
    if (expansion === undefined) throw new Error(`Unknown shorthand ${name} in "${template}"`);
    return expansion;
  });
  let samples = [''];
  for (const part of withShorthands.split(/(\([^()]*\))/)) {
    const choices = part.startsWith('(') ? part.slice(1, -1).split('|') : [part];
    samples = samples.flatMap((prefix) => choices.map((choice) => prefix + choice));
  }
  return samples.map((sample) => sample.replace(/\s+/g, ' ').trim());
}

function expandAll(templates: readonly string[], shorthands: Readonly<Record<string, string>>): string[] {
  return [...new Set(templates.flatMap((template) => expandTemplate(template, shorthands)))];
}

function typeValues(seeds: readonly EntitySeed[]): TypeValue[] {
  return seeds.map((seed) => ({ id: seed.id, name: { value: seed.value, synonyms: [...seed.synonyms] } }));
}

/** The library's labels, English words straight from its vocabulary (plus plurals it also understands). */
function englishSubjects(): TypeValue[] {
  return CANONICAL_LABELS.map(({ label, synonyms }) => ({
    id: subjectIdOf(label),
    name: { value: label, synonyms: [...synonyms] },
  }));
}

function germanSubjects(): TypeValue[] {
  const missing = CANONICAL_LABELS.filter(({ label }) => !GERMAN_SUBJECTS[label]).map(({ label }) => label);
  if (missing.length > 0) {
    throw new Error(`lambda/i18n/vocabulary-de.ts has no German for library labels: ${missing.join(', ')}`);
  }
  return CANONICAL_LABELS.map(({ label }) => {
    const german = GERMAN_SUBJECTS[label]!;
    const compounds = ['fotos', 'bilder'].map((noun) => `${german.stem}${noun}`);
    return {
      id: subjectIdOf(label),
      name: { value: german.name.toLowerCase(), synonyms: [...new Set([...german.synonyms, ...compounds])] },
    };
  });
}

/**
 * The custom intents beside ShowPhotos and SearchPhotos: controls and follow-ups on the photo on screen. Slot names
 * are the ones their handlers read; types are the custom types below (same ids in every language).
 */
export const FOLLOW_UP_INTENTS = [
  { name: 'PhotoInfoIntent', slots: [{ name: 'question', type: 'PHOTO_QUESTION' }], templates: 'photoInfo' },
  { name: 'SlideshowSpeedIntent', slots: [{ name: 'speed', type: 'SLIDESHOW_SPEED' }], templates: 'speed' },
  { name: 'FavoritePhotoIntent', slots: [{ name: 'side', type: 'PHOTO_SIDE' }], templates: 'favorite' },
  { name: 'HidePhotoIntent', slots: [{ name: 'side', type: 'PHOTO_SIDE' }], templates: 'hide' },
  {
    name: 'MoreLikeThisIntent',
    slots: [{ name: 'similarity', type: 'SIMILARITY' }],
    templates: 'moreLikeThis',
  },
  { name: 'NamePersonIntent', slots: [{ name: 'name', type: 'PERSON' }], templates: 'namePerson' },
  {
    name: 'LinkFrameIntent',
    slots: [{ name: 'code', type: 'AMAZON.FOUR_DIGIT_NUMBER' }],
    templates: 'linkFrame',
  },
] as const;

type FollowUpTemplates = (typeof FOLLOW_UP_INTENTS)[number]['templates'];

interface LanguageSources {
  invocationName: string;
  shorthands: Readonly<Record<string, string>>;
  show: readonly string[];
  search: readonly string[];
  followUps: Readonly<Record<FollowUpTemplates, readonly string[]>>;
  /** Extra samples for built-in intents, by intent name. */
  builtIns: Readonly<Record<string, readonly string[]>>;
  subjects: TypeValue[];
  holidays: EntitySeed[];
  people: EntitySeed[];
  albums: EntitySeed[];
  recurrence: EntitySeed[];
  speed: EntitySeed[];
  sides: EntitySeed[];
  similarity: EntitySeed[];
  questions: EntitySeed[];
}

function sourcesFor(locale: SkillLocale): LanguageSources {
  if (locale === 'de-DE') {
    return {
      invocationName: 'foto rahmen',
      shorthands: GERMAN_SHORTHANDS,
      show: GERMAN_SHOW_TEMPLATES,
      search: GERMAN_SEARCH_TEMPLATES,
      followUps: {
        photoInfo: GERMAN_PHOTO_INFO_TEMPLATES,
        speed: GERMAN_SPEED_TEMPLATES,
        favorite: GERMAN_FAVORITE_TEMPLATES,
        hide: GERMAN_HIDE_TEMPLATES,
        moreLikeThis: GERMAN_MORE_LIKE_THIS_TEMPLATES,
        namePerson: GERMAN_NAME_PERSON_TEMPLATES,
        linkFrame: GERMAN_LINK_FRAME_TEMPLATES,
      },
      builtIns: GERMAN_BUILT_IN_SAMPLES,
      subjects: germanSubjects(),
      holidays: germanHolidays(),
      people: GERMAN_PEOPLE,
      albums: GERMAN_ALBUMS,
      recurrence: GERMAN_RECURRENCE,
      speed: GERMAN_SPEED,
      sides: GERMAN_SIDES,
      similarity: GERMAN_SIMILARITY,
      questions: GERMAN_QUESTIONS,
    };
  }
  const tripWords = ENGLISH_TRIP_WORDS[locale] ?? [];
  return {
    invocationName: 'photo frame',
    shorthands: { ...ENGLISH_SHORTHANDS, $trip: `(${tripWords.join('|')})` },
    show: [...ENGLISH_SHOW_TEMPLATES, ...(tripWords.length > 0 ? ENGLISH_TRIP_TEMPLATES : [])],
    search: ENGLISH_SEARCH_TEMPLATES,
    followUps: {
      photoInfo: ENGLISH_PHOTO_INFO_TEMPLATES,
      speed: ENGLISH_SPEED_TEMPLATES,
      favorite: ENGLISH_FAVORITE_TEMPLATES,
      hide: ENGLISH_HIDE_TEMPLATES,
      moreLikeThis: ENGLISH_MORE_LIKE_THIS_TEMPLATES,
      namePerson: ENGLISH_NAME_PERSON_TEMPLATES,
      linkFrame: ENGLISH_LINK_FRAME_TEMPLATES,
    },
    builtIns: ENGLISH_BUILT_IN_SAMPLES,
    subjects: englishSubjects(),
    holidays: englishHolidays(locale),
    people: englishPeople(locale),
    albums: englishAlbums(locale),
    recurrence: ENGLISH_RECURRENCE,
    speed: ENGLISH_SPEED,
    sides: ENGLISH_SIDES,
    similarity: ENGLISH_SIMILARITY,
    questions: ENGLISH_QUESTIONS,
  };
}

export function buildInteractionModel(locale: SkillLocale): InteractionModelFile {
  const sources = sourcesFor(locale);
  const show = expandAll(sources.show, sources.shorthands);
  const showSet = new Set(show);
  // A phrase both intents could claim would make Alexa's choice arbitrary: ShowPhotos keeps it.
  const search = expandAll(sources.search, sources.shorthands).filter((sample) => !showSet.has(sample));
  return {
    interactionModel: {
      languageModel: {
        invocationName: sources.invocationName,
        intents: [
          { name: 'ShowPhotosIntent', slots: [...SHOW_PHOTOS_SLOT_TYPES], samples: show },
          {
            name: 'SearchPhotosIntent',
            slots: [{ name: 'query', type: 'AMAZON.SearchQuery' }],
            samples: search,
          },
          ...FOLLOW_UP_INTENTS.map((intent) => ({
            name: intent.name,
            slots: intent.slots.map((slot) => ({ ...slot })),
            samples: expandAll(sources.followUps[intent.templates], sources.shorthands),
          })),
          ...BUILT_IN_INTENTS.map((name) => ({
            name,
            samples: expandAll(sources.builtIns[name] ?? [], sources.shorthands),
          })),
        ],
        types: [
          { name: 'PhotoSubject', values: sources.subjects },
          { name: 'PERSON', values: typeValues(sources.people) },
          { name: 'ALBUM', values: typeValues(sources.albums) },
          { name: 'HOLIDAY', values: typeValues(sources.holidays) },
          { name: 'RECURRENCE', values: typeValues(sources.recurrence) },
          { name: 'PHOTO_QUESTION', values: typeValues(sources.questions) },
          { name: 'SLIDESHOW_SPEED', values: typeValues(sources.speed) },
          { name: 'PHOTO_SIDE', values: typeValues(sources.sides) },
          { name: 'SIMILARITY', values: typeValues(sources.similarity) },
        ],
      },
    },
  };
}

export function modelFilePath(locale: SkillLocale, dir = MODELS_DIR): string {
  return join(dir, `${locale}.json`);
}

/** The file as checked in: formatted by the repository's prettier config, so `prettier --check .` passes. */
export async function renderModelFile(locale: SkillLocale): Promise<string> {
  const path = modelFilePath(locale);
  const options = (await resolveConfig(path)) ?? {};
  return format(JSON.stringify(buildInteractionModel(locale)), { ...options, filepath: path });
}

/** Locales whose checked-in model differs from what the sources generate. */
export async function staleModels(dir = MODELS_DIR): Promise<SkillLocale[]> {
  const stale: SkillLocale[] = [];
  for (const locale of SKILL_LOCALES) {
    let current: string | undefined;
    try {
      current = readFileSync(modelFilePath(locale, dir), 'utf8');
    } catch {
      current = undefined;
    }
    if (current !== (await renderModelFile(locale))) stale.push(locale);
  }
  return stale;
}

async function writeAll(): Promise<void> {
  for (const locale of SKILL_LOCALES) {
    writeFileSync(modelFilePath(locale), await renderModelFile(locale));
    const model = buildInteractionModel(locale).interactionModel.languageModel;
    const samples = model.intents.reduce((sum, intent) => sum + intent.samples.length, 0);
    process.stdout.write(`${locale}: ${samples} samples\n`);
  }
}

if (require.main === module) {
  writeAll().catch((error: unknown) => {
    process.stderr.write(
      `Interaction models not written: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exitCode = 1;
  });
}
