import type { PhotoFacts, PhotoQueryInput } from '../../common/contracts';
import type { SimilarMatch, SimilarityKind } from '../i18n';
import { addDays, calendarDate, localDateTime, type CalendarDate } from '../../common/calendar';

/** At most this many people are asked for together (PhotoQuery's limit on person ids). */
const MAX_PEOPLE = 20;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})T/;

/** The capture-local calendar day of a photo, when its capture time is known. */
export function captureDayOf(takenLocal: string | null | undefined): CalendarDate | undefined {
  const match = takenLocal ? LOCAL_DATE.exec(takenLocal) : null;
  if (!match) return undefined;
  return calendarDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** One way of being "like this photo": what speech says it matched, and the query that finds it. */
export interface SimilarCandidate {
  match: SimilarMatch;
  query: PhotoQueryInput;
}

/** "Like this" in the order it is tried when the user did not say how: the same day (one event) first. */
const SIMILARITY_ORDER: readonly Exclude<SimilarityKind, 'trip'>[] = ['day', 'place', 'people'];

/**
 * The queries for "more like this" photo, built from its facts: the same capture-local day, the same place (its
 * city, else the most specific place known), the same people (all of them). Only what the facts support; only the
 * kind asked for when the user named one ("more from this place").
 */
export function similarCandidates(
  facts: PhotoFacts,
  wanted?: Exclude<SimilarityKind, 'trip'>,
): SimilarCandidate[] {
  const candidates: Record<Exclude<SimilarityKind, 'trip'>, SimilarCandidate | undefined> = {
    day: sameDay(facts),
    place: samePlace(facts),
    people: samePeople(facts),
  };
  return (wanted ? [wanted] : SIMILARITY_ORDER)
    .map((kind) => candidates[kind])
    .filter((candidate): candidate is SimilarCandidate => candidate !== undefined);
}

function sameDay(facts: PhotoFacts): SimilarCandidate | undefined {
  const date = captureDayOf(facts.takenLocal);
  if (!date) return undefined;
  return {
    match: { kind: 'day', date },
    query: { takenFrom: localDateTime(date), takenTo: localDateTime(addDays(date, 1)) },
  };
}

function samePlace(facts: PhotoFacts): SimilarCandidate | undefined {
  const place = facts.place;
  if (!place) return undefined;
  const level = (['city', 'region', 'country'] as const).find((candidate) => place[candidate]?.trim());
  const name = level ? place[level]?.trim() : undefined;
  if (!level || !name) return undefined;
  return { match: { kind: 'place', name }, query: { places: [{ name, level }] } };
}

function samePeople(facts: PhotoFacts): SimilarCandidate | undefined {
  const people = facts.people.slice(0, MAX_PEOPLE);
  if (people.length === 0) return undefined;
  return {
    match: { kind: 'people', names: people.map((person) => person.name) },
    query: { people: people.map((person) => person.id) },
  };
}
