import type { Intent } from 'ask-sdk-model';
import type { PhotoQueryInput } from '../../common/contracts';
import type { PhotoSelection } from '../i18n/skill-strings';
import { resolveAmazonDate, type DateContext } from './amazon-date';
import { BIRTHDAY_LABEL, isHolidayId, resolveHoliday } from './holidays';
import type { ResolvedDate } from './resolved-date';
import { readSlot } from './slot-resolution';
import { subjectLabelOf } from './subject';

/** ShowPhotosIntent's slot names, as the interaction models declare them. */
export const SHOW_PHOTOS_SLOTS = {
  subject: 'subject',
  date: 'date',
  place: 'place',
  country: 'country',
  person: 'person',
  album: 'album',
  holiday: 'holiday',
  recurrence: 'recurrence',
} as const;

/** The constraints of a request, each kept apart so one can be dropped when nothing matches. */
export interface PhotoRequest {
  labels: string[];
  people: string[];
  albums: string[];
  places: Array<{ name: string }>;
  date?: ResolvedDate;
  selection: PhotoSelection;
}

export type Understanding =
  | { ok: true; request: PhotoRequest }
  | { ok: false; problem: 'date' | 'subject' | 'person' | 'album'; heard: string }
  /** The name matched several of the owner's people or albums: ask which one. */
  | { ok: false; problem: 'ambiguous'; heard: string; candidates: string[] };

export interface UnderstandingContext extends DateContext {
  locale: string;
}

/**
 * Turns ShowPhotosIntent's slots into the constraints of a photo query. People and albums must resolve to the
 * owner's own entities (dynamic entities carry library ids); a name Alexa only matched to a static seed ("mom")
 * or did not match is reported, never searched for as if it were an id.
 */
export function understandShowPhotos(intent: Intent, context: UnderstandingContext): Understanding {
  const slot = (name: string) => intent.slots?.[name];
  const subjectHeard = readSlot(slot(SHOW_PHOTOS_SLOTS.subject)).heard;
  const label = subjectLabelOf(slot(SHOW_PHOTOS_SLOTS.subject));
  if (subjectHeard && !label) return { ok: false, problem: 'subject', heard: subjectHeard };

  const person = readSlot(slot(SHOW_PHOTOS_SLOTS.person));
  if (person.heard && !person.entity?.dynamic) return { ok: false, problem: 'person', heard: person.heard };
  const album = readSlot(slot(SHOW_PHOTOS_SLOTS.album));
  if (album.heard && !album.entity?.dynamic) return { ok: false, problem: 'album', heard: album.heard };
  for (const reading of [person, album]) {
    if (reading.heard && reading.dynamicMatches.length > 1) {
      const candidates = [...new Set(reading.dynamicMatches.map((m) => m.name))].slice(0, 3);
      return { ok: false, problem: 'ambiguous', heard: reading.heard, candidates };
    }
  }

  const dateHeard = readSlot(slot(SHOW_PHOTOS_SLOTS.date)).heard;
  const asked = dateHeard ? resolveAmazonDate(dateHeard, context) : undefined;
  if (dateHeard && !asked) return { ok: false, problem: 'date', heard: dateHeard };

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

  return {
    ok: true,
    request: {
      labels,
      people: person.entity ? [person.entity.id] : [],
      albums: album.entity ? [album.entity.id] : [],
      places,
      date,
      selection: {
        subject: labels[0],
        person: person.entity?.name,
        album: album.entity?.name,
        place: places.map((place) => place.name).join(', ') || undefined,
        date: date?.phrase,
      },
    },
  };
}

export function queryOf(request: PhotoRequest): PhotoQueryInput {
  return {
    labels: request.labels,
    people: request.people,
    albums: request.albums,
    places: request.places,
    ...(request.date
      ? {
          takenFrom: request.date.takenFrom,
          takenTo: request.date.takenTo,
          dateRanges: request.date.dateRanges,
        }
      : {}),
  };
}

/**
 * When nothing matches, the requests to try instead, each dropping exactly one constraint, in the order people
 * give up on them: the date first, then the place, then the subject. People and albums are never dropped: photos
 * of someone else are not what was asked for.
 */
export function relaxations(request: PhotoRequest): PhotoRequest[] {
  const relaxed: PhotoRequest[] = [];
  if (request.date) {
    relaxed.push({ ...request, date: undefined, selection: { ...request.selection, date: undefined } });
  }
  if (request.places.length > 0) {
    relaxed.push({ ...request, places: [], selection: { ...request.selection, place: undefined } });
  }
  if (request.labels.length > 0) {
    relaxed.push({ ...request, labels: [], selection: { ...request.selection, subject: undefined } });
  }
  return relaxed;
}
