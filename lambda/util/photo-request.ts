import type { Intent, Slot } from 'ask-sdk-model';
import type { NothingFoundKind, PhotoQueryInput } from '../../common/contracts';
import type { MediaKind, PhotoSelection } from '../i18n/skill-strings';
import { isSelfWord } from '../../common/vocabulary';
import {
  resolveAmazonDate,
  sameTimeYearsAgo,
  type CalendarDate,
  type DateContext,
  type PreviousOccurrence,
  type ResolvedDate,
} from '../../common/calendar';
import { BIRTHDAY_LABEL, isHolidayId, resolveHoliday } from './holidays';
import { heardForms, type OwnerNameKind } from './owner-names';
import { readSlot, type ResolvedEntity } from './slot-resolution';
import { subjectLabelOf } from './subject';
import { languageOf } from './text-language';
import type { PlaceName, WordsReader, WordsReading } from './words-reading';
import type { SpokenOrder } from './slideshow-order';

/** ShowPhotosIntent's slot names, as the interaction models declare them. */
export const SHOW_PHOTOS_SLOTS = {
  subject: 'subject',
  date: 'date',
  place: 'place',
  country: 'country',
  person: 'person',
  /** The second of "photos of Anna and Tom": both must be in each photo. */
  otherPerson: 'other_person',
  album: 'album',
  holiday: 'holiday',
  recurrence: 'recurrence',
  favorites: 'favorites',
  media: 'media',
} as const;

/** The constraints of a request, each kept apart so each can be said back (and named when it found nothing). */
export interface PhotoRequest {
  labels: string[];
  people: string[];
  albums: string[];
  places: PlaceName[];
  date?: ResolvedDate;
  favoritesOnly: boolean;
  mediaKinds: MediaKind[];
  selection: PhotoSelection;
  /**
   * The people and albums of `people` and `albums`, each with what it is called; each place of `places` as it was
   * said ("der schweiz" read as Switzerland is said back as heard).
   */
  named: { people: NamedEntity[]; albums: NamedEntity[]; places: string[] };
  /** The subject and place slots' words: read again as free text when the library knew them as nothing. */
  heard: { subject?: string; place?: string };
  /** The order the words said ("latest"), read again from a slot's words. */
  order?: SpokenOrder;
}

export type Understanding =
  | { ok: true; request: PhotoRequest }
  | { ok: false; problem: 'date' | 'subject' | 'person' | 'album'; heard: string }
  /** "Show photos of me": the owner has named no person so, and the library knows nobody by it. */
  | { ok: false; problem: 'self'; heard: string }
  /** The name matched several of the owner's people or albums: ask which one. */
  | { ok: false; problem: 'ambiguous'; heard: string; candidates: string[] };

export interface UnderstandingContext extends DateContext {
  locale: string;
  /**
   * The owner's own people or albums a heard name stands for. Asked only when Alexa did not resolve the slot to one
   * of them (no dynamic entities yet: a one-shot request, the first of a session).
   */
  ownerNames: (kind: OwnerNameKind, heard: string) => Promise<ResolvedEntity[]>;
  /** The library's reading of a name nobody has (a place heard in the person slot); without it, none is tried. */
  readWords?: WordsReader;
}

/** How people say "my favourites" where an album name was expected (the ALBUM seed FAVORITES covers English). */
const FAVORITES_WORDS = new Set([
  'favorites',
  'favourites',
  'favorite',
  'favourite',
  'favorite photos',
  'favourite photos',
  'favoriten',
  'lieblingsfotos',
  'lieblingsbilder',
  'lieblinge',
]);
const FAVORITES_ID = 'FAVORITES';
const VIDEO_WORDS = /\b(videos?|clips?|movies?|filme?|films?)\b/iu;
const PHOTO_WORDS = /\b(photos?|pictures?|pics?|fotos?|bilder?|images?)\b/iu;
const RECURRENCE_WORDS = /\b(every|each|all|jede[mns]?|allen?)\b/iu;

/**
 * Turns ShowPhotosIntent's slots into the constraints of a photo query. People and albums resolve to the owner's own
 * entities: a dynamic-entity match carries the library id; otherwise the heard words are looked up among the
 * owner's names (case, "my dad", "Dad's", "the Smiths", German forms). A name that matches none is reported, never
 * searched for as if it were an id; an album called "favourites" that the owner does not have is the favourites.
 */
export async function understandShowPhotos(
  intent: Intent,
  context: UnderstandingContext,
): Promise<Understanding> {
  const slot = (name: string) => intent.slots?.[name];
  const subjectSlot = readSlot(slot(SHOW_PHOTOS_SLOTS.subject));
  const subjectHeard = subjectSlot.heard;
  const selfHeard = [subjectHeard, readSlot(slot(SHOW_PHOTOS_SLOTS.person)).heard].find(
    (heard) => heard !== undefined && isSelfWord(heard),
  );
  if (selfHeard && (await context.ownerNames('person', selfHeard)).length === 0) {
    return { ok: false, problem: 'self', heard: selfHeard };
  }
  // A German request's heard words ("Hunden") are read as German; English otherwise.
  const language = languageOf(context.locale);
  const label = subjectLabelOf(slot(SHOW_PHOTOS_SLOTS.subject), language);
  if (subjectHeard && !label) return { ok: false, problem: 'subject', heard: subjectHeard };

  let people = await peopleOf(slot(SHOW_PHOTOS_SLOTS.person), slot(SHOW_PHOTOS_SLOTS.otherPerson), context);
  // "Show photos of Zermatt" heard as a person: what the words are in the library, when every word is something.
  let personWords: WordsReading | undefined;
  if (
    !Array.isArray(people) &&
    people.kind === 'unknown' &&
    !readSlot(slot(SHOW_PHOTOS_SLOTS.otherPerson)).heard
  ) {
    personWords = await context.readWords?.(people.heard);
    if (personWords) people = [];
  }
  if (!Array.isArray(people)) return problemOf('person', people);
  const album = await ownerEntityOf('album', slot(SHOW_PHOTOS_SLOTS.album), context);
  const albumIsFavorites =
    album.kind === 'unknown' && isFavoritesAlbum(slot(SHOW_PHOTOS_SLOTS.album), context);
  if (album.kind === 'ambiguous' || (album.kind === 'unknown' && !albumIsFavorites)) {
    return problemOf('album', album);
  }

  const dateHeard = readSlot(slot(SHOW_PHOTOS_SLOTS.date)).heard;
  const asked = dateHeard ? resolveAmazonDate(dateHeard, context) : undefined;
  if (dateHeard && !asked) return { ok: false, problem: 'date', heard: dateHeard };

  // Words Alexa heard in the small vocabularies but did not resolve are a constraint nobody can meet, never dropped:
  // "show me my weather" is not all the favourites, nor "show the weather" all the still photos.
  const unmet = unmetVocabularyWords(slot, context);
  if (unmet) return { ok: false, problem: 'subject', heard: unmet };

  const holidaySlot = readSlot(slot(SHOW_PHOTOS_SLOTS.holiday));
  const holidayId = holidaySlot.entity?.id;
  if (holidaySlot.heard && (!holidayId || !isHolidayId(holidayId))) {
    return { ok: false, problem: 'date', heard: holidaySlot.heard };
  }
  const labels = label ? [label] : [];
  let date = asked;
  if (holidayId === 'BIRTHDAY') {
    if (!labels.includes(BIRTHDAY_LABEL)) labels.push(BIRTHDAY_LABEL);
  } else if (holidayId && isHolidayId(holidayId)) {
    date = resolveHoliday({
      holiday: holidayId,
      locale: context.locale,
      today: context.today,
      every: readSlot(slot(SHOW_PHOTOS_SLOTS.recurrence)).heard !== undefined,
      within: asked,
    });
    if (!date) return { ok: false, problem: 'date', heard: [holidaySlot.heard, dateHeard].join(' ') };
  }

  const city = readSlot(slot(SHOW_PHOTOS_SLOTS.place)).heard;
  const country = readSlot(slot(SHOW_PHOTOS_SLOTS.country)).heard;
  const places = [city, country].filter((name): name is string => Boolean(name)).map((name) => ({ name }));
  const favoritesOnly = albumIsFavorites || readSlot(slot(SHOW_PHOTOS_SLOTS.favorites)).heard !== undefined;
  const media = mediaKindOf(slot(SHOW_PHOTOS_SLOTS.media));
  const albumEntity = album.kind === 'found' ? album.entity : undefined;

  const request = requestOf(
    {
      labels,
      places,
      date,
      favoritesOnly,
      mediaKinds: media ? [media] : [],
      named: { people, albums: albumEntity ? [albumEntity] : [], places: places.map((place) => place.name) },
      // Words Alexa matched to a subject of the catalogue are one; others may name a place or a person.
      heard: { subject: label && !subjectSlot.entity ? subjectHeard : undefined, place: city },
    },
    context.locale,
  );
  if (!personWords) return { ok: true, request };
  const read = withWordsRead(request, 'person', personWords, context);
  return read ? { ok: true, request: read } : { ok: false, problem: 'person', heard: peopleHeard(slot) };
}

/** A person or album of the owner's: its id and what it is called. */
type NamedEntity = Pick<ResolvedEntity, 'id' | 'name'>;

type RequestParts = Omit<PhotoRequest, 'selection' | 'people' | 'albums'>;

/** The request with its ids and selection: each constraint as it is said back. */
function requestOf(parts: RequestParts, locale: string): PhotoRequest {
  const { people, albums } = parts.named;
  return {
    ...parts,
    people: people.map((person) => person.id),
    albums: albums.map((album) => album.id),
    selection: {
      subject: parts.labels[0],
      ...(parts.labels.length > 1 ? { moreSubjects: parts.labels.slice(1) } : {}),
      person: namesSaid(
        people.map((person) => person.name),
        locale,
      ),
      album: namesSaid(
        albums.map((album) => album.name),
        locale,
      ),
      place: parts.named.places.join(', ') || undefined,
      date: parts.date?.phrase,
      ...(parts.favoritesOnly ? { favorites: true } : {}),
      ...(parts.mediaKinds[0] ? { media: parts.mediaKinds[0] } : {}),
      ...(parts.order ? { order: parts.order } : {}),
    },
  };
}

function peopleHeard(slot: (name: string) => Slot | undefined): string {
  return readSlot(slot(SHOW_PHOTOS_SLOTS.person)).heard ?? '';
}

/**
 * The request with one slot's words taken as what the library read them as (words-reading.ts): the subject's
 * label, the place slot's place or the unknown person replaced by the labels, people, albums, places and date the
 * words name ("der Schweiz" is Switzerland, "zermatt" no label but a town). Undefined when the reading cannot stand
 * in that request: it asks for exactly what was asked already, a date beside the date asked, or places beside
 * others (places match any one listed, so adding one would widen the request).
 */
export function withWordsRead(
  request: PhotoRequest,
  slot: 'subject' | 'place' | 'person',
  reading: WordsReading,
  {
    locale,
    today,
    dateRead = false,
  }: {
    locale: string;
    today: CalendarDate;
    /** The words were read with the date slot's ("2018 until" + 2020): the reading's date is the whole date asked. */
    dateRead?: boolean;
  },
): PhotoRequest | undefined {
  const words = slot === 'person' ? undefined : request.heard[slot];
  if (slot !== 'person' && words === undefined) return undefined;
  // The subject slot's words are the first label (a holiday's "birthday" may follow).
  const labels = slot === 'subject' ? request.labels.slice(1) : request.labels;
  const kept = request.places.flatMap((place, index) =>
    slot === 'place' && place.name === words
      ? []
      : [{ place, said: request.named.places[index] ?? place.name }],
  );
  const places = kept.map(({ place }) => place);
  if (reading.places.length > 0 && places.length > 0) return undefined;
  if (dateRead && !reading.date) return undefined;
  // Two dates are one only as "this day" + "last year" ("a year ago today"): Alexa split the words over two slots.
  const date = dateRead
    ? reading.date
    : reading.date && request.date
      ? sameTimeYearsAgo(request.date, reading.date, today)
      : (request.date ?? reading.date);
  if (reading.date && request.date && !date) return undefined;

  const read = requestOf(
    {
      ...request,
      labels: [...reading.labels, ...labels],
      places: [...places, ...reading.places],
      date,
      ...(reading.order ? { order: reading.order } : {}),
      named: {
        people: distinctById([...request.named.people, ...reading.people]),
        albums: distinctById([...request.named.albums, ...reading.albums]),
        places: [...kept.map(({ said }) => said), ...placesSaid(reading, words)],
      },
      heard: {
        subject: slot === 'subject' ? undefined : request.heard.subject,
        place: slot === 'place' ? undefined : request.heard.place,
      },
    },
    locale,
  );
  const asked = (photoRequest: PhotoRequest) => JSON.stringify([queryOf(photoRequest), photoRequest.order]);
  return asked(read) === asked(request) ? undefined : read;
}

/**
 * How the reading's places are said back: a slot's words that were one place and nothing else as they were heard,
 * article and all ("in der schweiz"); otherwise the words each place was read from.
 */
function placesSaid(reading: WordsReading, words: string | undefined): string[] {
  const onlyAPlace =
    reading.places.length === 1 &&
    reading.labels.length + reading.people.length + reading.albums.length === 0 &&
    reading.date === undefined;
  return onlyAPlace && words !== undefined ? [words] : reading.placesSaid;
}

/** What stands between two people's names heard in one slot: "anna and tom", "anna und tom", "anna & tom". */
const BETWEEN_PEOPLE = /\s+(?:and|und|&)\s+/i;

/**
 * The people a request names, each of whom must be in every photo: the person slot and the second one ("photos of
 * Anna and Tom"). Alexa may also hear both names in the first slot ("anna and tom"): when those words are nobody's
 * name as a whole, each side of the "and" is looked up. Else the first name nobody has, or one said of several.
 */
async function peopleOf(
  first: Slot | undefined,
  second: Slot | undefined,
  context: UnderstandingContext,
): Promise<ResolvedEntity[] | Extract<OwnerEntityReading, { kind: 'unknown' | 'ambiguous' }>> {
  const found: ResolvedEntity[] = [];
  for (const slot of [first, second]) {
    const reading = await ownerEntityOf('person', slot, context);
    if (reading.kind === 'found') found.push(reading.entity);
    if (reading.kind === 'ambiguous') return reading;
    if (reading.kind !== 'unknown') continue;
    const names = reading.heard.split(BETWEEN_PEOPLE).filter((name) => name.trim() !== '');
    if (names.length < 2) return reading;
    for (const name of names) {
      const each = readingOf(name, await context.ownerNames('person', name));
      if (each.kind !== 'found') return each;
      found.push(each.entity);
    }
  }
  return distinctById(found);
}

/** "Anna", "Anna and Tom", "Anna, Tom and Ben" (in German "Anna und Tom"), or nothing for no one. */
function namesSaid(names: readonly string[], locale: string): string | undefined {
  if (names.length === 0) return undefined;
  return new Intl.ListFormat(locale, { type: 'conjunction' }).format(names);
}

type OwnerEntityReading =
  | { kind: 'none' }
  | { kind: 'found'; entity: ResolvedEntity }
  | { kind: 'unknown'; heard: string }
  | { kind: 'ambiguous'; heard: string; candidates: ResolvedEntity[] };

/**
 * A person or album slot as one of the owner's entities: Alexa's dynamic match when there is one, else the
 * owner's names looked up with the heard words (or, failing those, the static seed Alexa matched: "daddy" → "dad").
 */
async function ownerEntityOf(
  kind: OwnerNameKind,
  slot: Slot | undefined,
  context: UnderstandingContext,
): Promise<OwnerEntityReading> {
  const reading = readSlot(slot);
  const heard = reading.heard;
  if (!heard) return { kind: 'none' };
  let matches = reading.dynamicMatches;
  if (matches.length === 0) matches = await context.ownerNames(kind, heard);
  if (matches.length === 0 && reading.entity && !reading.entity.dynamic) {
    matches = await context.ownerNames(kind, reading.entity.name);
  }
  return readingOf(heard, matches);
}

/** What the owner's entities matching `heard` make of it: none, exactly one, or several to choose from. */
function readingOf(
  heard: string,
  matches: readonly ResolvedEntity[],
): Exclude<OwnerEntityReading, { kind: 'none' }> {
  const distinct = distinctById(matches);
  const [only] = distinct;
  if (!only) return { kind: 'unknown', heard };
  if (distinct.length > 1) return { kind: 'ambiguous', heard, candidates: distinct };
  return { kind: 'found', entity: only };
}

function distinctById<T extends { id: string }>(entities: readonly T[]): T[] {
  return entities.filter((entity, i) => entities.findIndex((other) => other.id === entity.id) === i);
}

function problemOf(
  problem: 'person' | 'album',
  reading: Extract<OwnerEntityReading, { kind: 'unknown' | 'ambiguous' }>,
): Understanding {
  if (reading.kind === 'unknown') return { ok: false, problem, heard: reading.heard };
  const candidates = [...new Set(reading.candidates.map((m) => m.name))].slice(0, 3);
  return { ok: false, problem: 'ambiguous', heard: reading.heard, candidates };
}

function isFavoritesAlbum(slot: Slot | undefined, context: Pick<UnderstandingContext, 'locale'>): boolean {
  const { heard, entity } = readSlot(slot);
  if (entity && !entity.dynamic && entity.id === FAVORITES_ID) return true;
  return heard !== undefined && isFavoritesWords(heard, context);
}

/**
 * The heard words of a favorites, media or recurrence slot that Alexa tried and failed to resolve
 * (ER_SUCCESS_NO_MATCH) and that say none of what the slot can mean (favourites; videos or photos; every year), or
 * undefined when every such slot is understood.
 */
function unmetVocabularyWords(
  slot: (name: string) => Slot | undefined,
  context: Pick<UnderstandingContext, 'locale'>,
): string | undefined {
  const unresolved = (name: string): string | undefined => {
    const filled = slot(name);
    const authorities = filled?.resolutions?.resolutionsPerAuthority ?? [];
    const noMatch = authorities.length > 0 && authorities.every((a) => a.status.code !== 'ER_SUCCESS_MATCH');
    return noMatch ? readSlot(filled).heard : undefined;
  };
  const favorites = unresolved(SHOW_PHOTOS_SLOTS.favorites);
  if (favorites && !isFavoritesWords(favorites, context)) return favorites;
  const media = unresolved(SHOW_PHOTOS_SLOTS.media);
  if (media && !VIDEO_WORDS.test(media) && !PHOTO_WORDS.test(media)) return media;
  const recurrence = unresolved(SHOW_PHOTOS_SLOTS.recurrence);
  if (recurrence && !RECURRENCE_WORDS.test(recurrence)) return recurrence;
  return undefined;
}

function isFavoritesWords(heard: string, context: Pick<UnderstandingContext, 'locale'>): boolean {
  return heardForms(heard, context.locale).some((form) => FAVORITES_WORDS.has(form));
}

/** MEDIA_KIND: VIDEO or PHOTO; heard words Alexa did not resolve are read as videos only when they say so. */
function mediaKindOf(slot: Slot | undefined): MediaKind | undefined {
  const { heard, entity } = readSlot(slot);
  if (!heard) return undefined;
  if (entity?.id === 'VIDEO') return 'video';
  if (entity?.id === 'PHOTO') return 'photo';
  return VIDEO_WORDS.test(heard) ? 'video' : 'photo';
}

export function queryOf(request: PhotoRequest): PhotoQueryInput {
  const monthDays = request.date?.monthDays ?? [];
  return {
    labels: request.labels,
    people: request.people,
    albums: request.albums,
    places: request.places,
    favoritesOnly: request.favoritesOnly,
    mediaKinds: request.mediaKinds,
    ...(request.date
      ? {
          takenFrom: request.date.takenFrom,
          takenTo: request.date.takenTo,
          dateRanges: request.date.dateRanges,
          ...(monthDays.length > 0 ? { monthDays } : {}),
        }
      : {}),
  };
}

/** What is left of a selection once one kind of constraint is left out (what an alternative offers). */
export function selectionWithout(selection: PhotoSelection, kind: NothingFoundKind): PhotoSelection {
  const kept: PhotoSelection = { ...selection };
  switch (kind) {
    case 'label':
      delete kept.subject;
      delete kept.moreSubjects;
      break;
    case 'person':
      delete kept.person;
      break;
    case 'album':
      delete kept.album;
      break;
    case 'place':
      delete kept.place;
      break;
    case 'date':
      delete kept.date;
      break;
    case 'favorites':
      delete kept.favorites;
      break;
    case 'video':
      delete kept.media;
      break;
    case 'word':
      break;
  }
  return kept;
}

/** The same request for another date (the previous occurrence of a date still to come, an earlier holiday). */
export function withDate(request: PhotoRequest, date: ResolvedDate): PhotoRequest {
  const { takenFrom, takenTo, dateRanges, phrase } = date;
  return {
    ...request,
    date: { takenFrom, takenTo, dateRanges, phrase },
    selection: { ...request.selection, date: phrase },
  };
}

export type { PreviousOccurrence };

/**
 * Whether the request's date is entirely still to come ("this weekend" asked on a Wednesday), and its previous
 * occurrence when it has one. Undefined for a date that has begun.
 */
export function futureDateOf(request: PhotoRequest): { previous?: PreviousOccurrence } | undefined {
  return request.date?.future;
}
