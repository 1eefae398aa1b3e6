import { createHash } from 'node:crypto';
import { photoQuerySchema, type PhotoQuery } from '../../../common/contracts';

/** "This week": the day itself ±3 days, in every earlier year. */
export const MEMORY_DAYS_AROUND = 3;
/** At most this many memories open a day: a short look back, then the shuffle. */
export const MAX_MEMORIES = 24;

const DAY_MS = 86_400_000;

/** The calendar day (`YYYY-MM-DD`) it is at `nowMs` in `timeZone`. */
export function localDay(nowMs: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(new Date(nowMs));
  const part = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/**
 * Photos from the week around `day` (±MEMORY_DAYS_AROUND, wrapping across New Year) in earlier years, newest
 * first. Anything from the last week is left out: this week's photos are not memories yet.
 */
export function memoriesQuery(day: string): PhotoQuery {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const weekAgo = new Date(Date.UTC(year, month - 1, date) - 7 * DAY_MS).toISOString().slice(0, 10);
  return photoQuerySchema.parse({
    monthDays: [{ month, day: date, plusMinusDays: MEMORY_DAYS_AROUND }],
    takenTo: `${weekAgo}T00:00:00`,
    order: 'newest',
    collapseDuplicates: true,
    mediaKinds: ['photo'],
  });
}

/**
 * The whole library in one seeded shuffle: photos only, one per near-duplicate group; hidden photos, hidden
 * people and albums, and screenshots are left out by the library's defaults.
 */
export function bagQuery(seed: string, kind: MediaKind = 'photo'): PhotoQuery {
  return photoQuerySchema.parse({ order: 'shuffle', seed, collapseDuplicates: true, mediaKinds: [kind] });
}

/**
 * A frame profile's selection (person, album, favourites, free text) as the bag's seeded shuffle over it; with a
 * `kind`, only its photos or only its clips (the caller first checks the selection allows that kind at all).
 */
export function selectionBagQuery(selection: PhotoQuery, seed: string, kind?: MediaKind): PhotoQuery {
  return photoQuerySchema.parse({
    ...selection,
    order: 'shuffle',
    seed,
    collapseDuplicates: true,
    ...(kind === undefined ? {} : { mediaKinds: [kind] }),
  });
}

export type MediaKind = 'photo' | 'video';

/** Whether a selection lets `kind` in: "my videos" has no photos, so narrowing it to photos would widen it. */
export function selectionAllows(selection: PhotoQuery, kind: MediaKind): boolean {
  return selection.mediaKinds.length === 0 || selection.mediaKinds.includes(kind);
}

/** True when a stored ambient query narrows the library (a profile's selection), not the whole-library bag. */
export function isSelection(query: PhotoQuery): boolean {
  return (
    query.labels.length + query.people.length + query.albums.length + query.places.length > 0 ||
    query.dateRanges.length + query.monthDays.length > 0 ||
    query.takenFrom !== undefined ||
    query.takenTo !== undefined ||
    query.favoritesOnly
  );
}

/** A short stable key for a selection (order and seed aside), part of its ambient slideshow's id. */
export function selectionKey(selection: PhotoQuery): string {
  const filter = { ...selection, order: undefined, seed: undefined };
  return createHash('sha256').update(JSON.stringify(filter)).digest('base64url').slice(0, 16);
}
