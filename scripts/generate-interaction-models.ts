import { ENGLISH_COUNT_TEMPLATES, GERMAN_COUNT_TEMPLATES } from './model-sources/count-photos';
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
import { SKILL_LOCALES, type SkillLocale } from '../lambda/i18n';
import {
  GERMAN_FAVORITES,
  GERMAN_MEDIA_KINDS,
  GERMAN_ON_THIS_DAY,
  GERMAN_SHOW_ADDITIONS,
} from './model-sources/show-photos-de';
import {
  ENGLISH_FAVORITES,
  ENGLISH_MEDIA_KINDS,
  ENGLISH_ON_THIS_DAY,
  ENGLISH_RECURRENCE_WORDS,
  ENGLISH_SHOW_ADDITIONS,
} from './model-sources/show-photos-en';
import { subjectIdOf } from '../lambda/util/subject';
import { CONCEPTS, englishWordsOf, germanWordsOf, type Concept } from '../common/vocabulary';

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
  { name: 'other_person', type: 'PERSON' },
  { name: 'album', type: 'ALBUM' },
  { name: 'holiday', type: 'HOLIDAY' },
  { name: 'recurrence', type: 'RECURRENCE' },
  { name: 'favorites', type: 'FAVORITES' },
  { name: 'media', type: 'MEDIA_KIND' },
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

/**
 * Every label of the one vocabulary (common/vocabulary) a person can ask for by name: each vision class and keyword
 * concept with its plural and synonyms. Holidays are left to the HOLIDAY slot, which reads them as dates.
 */
const SUBJECT_CONCEPTS: readonly Concept[] = CONCEPTS.filter((concept) => !concept.spokenAsHoliday);

function subjectValues(wordsOf: (concept: Concept) => string[]): TypeValue[] {
  return SUBJECT_CONCEPTS.map((concept) => {
    const [value = concept.label, ...synonyms] = wordsOf(concept);
    return { id: subjectIdOf(concept.label), name: { value, synonyms } };
  });
}

/** English subjects: the label, its plural, its synonyms. */
const englishSubjects = (): TypeValue[] => subjectValues(englishWordsOf);

/** German subjects: the German name, its forms and "…fotos"/"…bilder" compounds, under the same ids. */
const germanSubjects = (): TypeValue[] => subjectValues(germanWordsOf);

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
  count: readonly string[];
  search: readonly string[];
  followUps: Readonly<Record<FollowUpTemplates, readonly string[]>>;
  /** Extra samples for built-in intents, by intent name. */
  builtIns: Readonly<Record<string, readonly string[]>>;
  subjects: TypeValue[];
  holidays: EntitySeed[];
  people: EntitySeed[];
  albums: EntitySeed[];
  recurrence: EntitySeed[];
  favorites: EntitySeed[];
  media: EntitySeed[];
  speed: EntitySeed[];
  sides: EntitySeed[];
  similarity: EntitySeed[];
  questions: EntitySeed[];
}

/** RECURRENCE also hears the bare word before a holiday ("every christmas"), as its first value's synonyms. */
function withRecurrenceWords(recurrence: EntitySeed[], words: readonly string[]): EntitySeed[] {
  const [first, ...rest] = recurrence;
  if (!first) return recurrence;
  const synonyms = [...new Set([...first.synonyms, ...words])].filter((word) => word !== first.value);
  return [{ ...first, synonyms }, ...rest];
}

/** HOLIDAY also carries "on this day" (contract 2): the calendar resolves it to this month-day in every year. */
function withOnThisDay(holidays: EntitySeed[], onThisDay: EntitySeed): EntitySeed[] {
  return [...holidays.filter((holiday) => holiday.id !== onThisDay.id), onThisDay];
}

/**
 * Favourites are a flag on photos with their own slot, not an album: an ALBUM value "favorites" would make Alexa
 * choose between two slots for the same word (and answer "no album called favorites").
 */
function albumsOnly(albums: EntitySeed[]): EntitySeed[] {
  return albums.filter((album) => album.id !== 'FAVORITES');
}

function sourcesFor(locale: SkillLocale): LanguageSources {
  if (locale === 'de-DE') {
    return {
      invocationName: 'foto rahmen',
      shorthands: GERMAN_SHORTHANDS,
      show: [...GERMAN_SHOW_TEMPLATES, ...GERMAN_SHOW_ADDITIONS],
      count: GERMAN_COUNT_TEMPLATES,
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
      holidays: withOnThisDay(germanHolidays(), GERMAN_ON_THIS_DAY),
      people: GERMAN_PEOPLE,
      albums: albumsOnly(GERMAN_ALBUMS),
      recurrence: GERMAN_RECURRENCE,
      favorites: GERMAN_FAVORITES,
      media: GERMAN_MEDIA_KINDS,
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
    show: [
      ...ENGLISH_SHOW_TEMPLATES,
      ...ENGLISH_SHOW_ADDITIONS,
      ...(tripWords.length > 0 ? ENGLISH_TRIP_TEMPLATES : []),
    ],
    count: ENGLISH_COUNT_TEMPLATES,
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
    holidays: withOnThisDay(englishHolidays(locale), ENGLISH_ON_THIS_DAY),
    people: englishPeople(locale),
    albums: albumsOnly(englishAlbums(locale)),
    recurrence: withRecurrenceWords(ENGLISH_RECURRENCE, ENGLISH_RECURRENCE_WORDS),
    favorites: ENGLISH_FAVORITES,
    media: ENGLISH_MEDIA_KINDS,
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
            name: 'CountPhotosIntent',
            slots: [...SHOW_PHOTOS_SLOT_TYPES],
            samples: expandAll(sources.count, sources.shorthands),
          },
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
          { name: 'FAVORITES', values: typeValues(sources.favorites) },
          { name: 'MEDIA_KIND', values: typeValues(sources.media) },
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
