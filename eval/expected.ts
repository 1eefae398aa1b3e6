/**
 * Expected answers computed from the ground-truth table with the product's stated semantics (the independent
 * evaluator): screenshots are never in an answer; a label matches its written concept or a narrower one; "Paris"
 * matches every Paris, a suburb matches its metro city; every constraint must hold (never widen); zero results say
 * which constraints failed and why ('unknown' words, 'no-photos' for known things with none, 'future' dates,
 * 'combination' when each alone matches something).
 */
import { GROUND_TRUTH, type Place, type TruthFile } from './ground-truth';
import {
  amazonDateRange,
  holidayRange,
  inRange,
  type Hemisphere,
  type HolidayId,
  type Range,
} from './truth-calendar';

export type PlaceLevel = 'sublocation' | 'city' | 'metro' | 'county' | 'region' | 'country';
export type FailedKind = 'label' | 'person' | 'album' | 'place' | 'date' | 'favorites' | 'video' | 'word';
export type FailReason = 'unknown' | 'no-photos' | 'future' | 'combination';

export type DateConstraint =
  | { amazon: string }
  /**
   * A holiday alone is its most recent occurrence (as of the reference date); with a year, that year's; `every`
   * ("every Christmas", the RECURRENCE slot), every year's.
   */
  | { holiday: HolidayId; year?: number; every?: true }
  | { onThisDay: true };

export interface Constraints {
  labels?: readonly string[];
  people?: readonly string[];
  album?: string;
  /** `within` narrows a same-named place ("Paris, Texas"). */
  place?: { name: string; level?: PlaceLevel; within?: string };
  date?: DateConstraint;
  favorites?: true;
  media?: 'video' | 'photo';
  /** Words the product cannot know (gibberish, a subject outside the vocabulary, a place in no gazetteer). */
  unknown?: readonly { kind: FailedKind; text: string }[];
}

export interface Expected {
  paths: string[];
  /** One entry per near-duplicate group: what a slideshow (and its spoken count) holds. */
  groups: string[][];
  failed: { kind: FailedKind; reason: FailReason }[];
}

export interface EvalContext {
  /** "Now": the fixed reference date-time every query is asked at (capture-local comparison). */
  reference: string;
  hemisphere: Hemisphere;
}

/** Concepts and what they include (a search for "animal" finds dogs). */
const NARROWER: Record<string, readonly string[]> = {
  animal: ['dog', 'cat', 'horse', 'bird', 'eagle', 'giraffe', 'zebra'],
  bird: ['eagle'],
  vehicle: ['motorcycle', 'car'],
};

const PLACE_LEVELS: readonly PlaceLevel[] = ['sublocation', 'city', 'metro', 'county', 'region', 'country'];
/** Other names a person uses for a place in the table. */
const PLACE_ALIASES: Record<string, readonly string[]> = {
  'United States': ['USA', 'United States of America', 'America', 'US'],
  'United Kingdom': ['UK', 'Britain', 'Great Britain'],
  'Yellowstone National Park': ['Yellowstone'],
  'Kruger National Park': ['Kruger'],
  'Cairngorms National Park': ['Cairngorms'],
  'New York': ['New York City', 'NYC'],
  Munich: ['München'],
};

const norm = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();

function placeNames(name: string): string[] {
  return [name, ...(PLACE_ALIASES[name] ?? [])].map(norm);
}

export function placeMatches(place: Place | undefined, wanted: NonNullable<Constraints['place']>): boolean {
  if (!place) return false;
  const levels = wanted.level ? [wanted.level] : PLACE_LEVELS;
  const hit = levels.some((level) => {
    const value = place[level];
    return value !== undefined && placeNames(value).includes(norm(wanted.name));
  });
  if (!hit) return false;
  if (wanted.within === undefined) return true;
  const within = wanted.within;
  return PLACE_LEVELS.some((level) => {
    const value = place[level];
    return value !== undefined && placeNames(value).includes(norm(within));
  });
}

function labelMatches(row: TruthFile, label: string): boolean {
  const wanted = [label, ...(NARROWER[label] ?? [])];
  return row.labels.some((have) => wanted.includes(have));
}

function dateRanges(date: DateConstraint, context: EvalContext): Range[] {
  if ('amazon' in date) return [amazonDateRange(date.amazon, context.hemisphere)];
  const referenceYear = Number(context.reference.slice(0, 4));
  const years = Array.from({ length: referenceYear - 2009 }, (_, i) => 2010 + i);
  if ('holiday' in date) {
    if (date.year !== undefined) return [holidayRange(date.holiday, date.year)];
    const occurrences = years.map((year) => holidayRange(date.holiday, year));
    if (date.every) return occurrences;
    return occurrences.filter((range) => range.from <= context.reference).slice(-1);
  }
  const monthDay = context.reference.slice(5, 10);
  return years
    .filter((year) => year < referenceYear)
    .map((year) => ({ from: `${year}-${monthDay}T00:00:00`, to: `${year}-${monthDay}T23:59:60` }));
}

type Check = { kind: FailedKind; test: (row: TruthFile) => boolean; future?: boolean };

function checksOf(constraints: Constraints, context: EvalContext): Check[] {
  const checks: Check[] = [];
  for (const label of constraints.labels ?? [])
    checks.push({ kind: 'label', test: (r) => labelMatches(r, label) });
  for (const person of constraints.people ?? []) {
    checks.push({ kind: 'person', test: (r) => r.people.some((p) => norm(p) === norm(person)) });
  }
  const album = constraints.album;
  if (album !== undefined)
    checks.push({ kind: 'album', test: (r) => r.album !== undefined && norm(r.album) === norm(album) });
  const place = constraints.place;
  if (place) checks.push({ kind: 'place', test: (r) => placeMatches(r.place, place) });
  if (constraints.date) {
    const ranges = dateRanges(constraints.date, context);
    const future = ranges.every((range) => range.from > context.reference);
    checks.push({ kind: 'date', test: (r) => ranges.some((range) => inRange(r.taken, range)), future });
  }
  if (constraints.favorites) checks.push({ kind: 'favorites', test: (r) => r.favorite === true });
  const media = constraints.media;
  if (media) checks.push({ kind: 'video', test: (r) => r.kind === media });
  return checks;
}

/** Rows any search may return: everything but screenshots. */
const SEARCHABLE = GROUND_TRUTH.filter((row) => row.kind !== 'screenshot');

export function expectedFor(constraints: Constraints, context: EvalContext): Expected {
  const unknown = constraints.unknown ?? [];
  const checks = checksOf(constraints, context);
  const rows = unknown.length > 0 ? [] : SEARCHABLE.filter((row) => checks.every((check) => check.test(row)));
  const paths = rows.map((row) => row.path).sort();
  const groups = new Map<string, string[]>();
  for (const row of rows) {
    const key = row.duplicateGroup ?? row.path;
    groups.set(key, [...(groups.get(key) ?? []), row.path]);
  }
  const failed: Expected['failed'] = [];
  if (rows.length === 0) {
    for (const word of unknown) failed.push({ kind: word.kind, reason: 'unknown' });
    for (const check of checks) {
      if (check.future) failed.push({ kind: check.kind, reason: 'future' });
      else if (!SEARCHABLE.some(check.test)) failed.push({ kind: check.kind, reason: 'no-photos' });
    }
    if (failed.length === 0)
      failed.push({ kind: checks[checks.length - 1]?.kind ?? 'word', reason: 'combination' });
  }
  return { paths, groups: [...groups.values()], failed };
}
