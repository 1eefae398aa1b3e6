import type { PhotoQueryInput, SearchRequest } from '../common/contracts';
import { photoQuerySchema } from '../common/contracts';
import { albumIdFor, normalizeName, personIdFor } from '../metadata-service/repositories/names';
import { encodeCursor, searchFingerprint } from '../metadata-service/repositories/search-cursor';
import {
  cityName,
  countryName,
  FIRST_YEAR,
  LABELS,
  personName,
  regionName,
  YEARS,
} from './synthetic-library';

/** Continents of the synthetic library's countries, from one that holds most of them to ones that hold one. */
const CONTINENTS = ['Europe', 'North America', 'Asia', 'Oceania', 'South America'];

export interface SearchCase {
  name: string;
  /** The i-th request of the case: parameters vary per run so no two consecutive runs hit the same rows. */
  request(i: number): SearchRequest;
}

export const PAGE = 50;
const year = (i: number) => FIRST_YEAR + (i % YEARS);
const pad = (n: number) => String(n).padStart(2, '0');
const label = (i: number) => LABELS[i % 10] ?? 'beach';
/** Cities 0-19: the home city (30% of geotagged photos) and the head of the long tail. */
const city = (i: number) => cityName(i % 20);

/** A page of 50, newest first (a slideshow's first page). */
function page(query: PhotoQueryInput): SearchRequest {
  return { query: { order: 'newest', ...query }, limit: PAGE, offset: 0 };
}

/** What the skill asks before it starts a slideshow: only the total ("I found 1,234 photos"). */
function count(query: PhotoQueryInput): SearchRequest {
  return { query, limit: 1, offset: 0 };
}

/**
 * Every search shape the product serves, as the skill, the web app and the frames send them: date ranges, places
 * at each level, people, labels, albums, favourites, videos, on-this-day, free text, combinations, counts, the
 * three "more like this" queries, a cursor's next page, a shuffled page, and a search that finds nothing (which
 * then counts the query with each constraint dropped to say which one failed).
 */
export function searchCases(ownerId: string): SearchCase[] {
  const person = (i: number) => personIdFor(ownerId, normalizeName(personName(i)));
  const album = (i: number) => {
    const y = year(i);
    const name = `${y}-${pad(1 + (i % 12))} Event ${1 + (i % 3)}`;
    return albumIdFor(ownerId, normalizeName(name));
  };
  return [
    {
      name: 'date range (a year)',
      request: (i) =>
        page({ takenFrom: `${year(i)}-01-01T00:00:00`, takenTo: `${year(i) + 1}-01-01T00:00:00` }),
    },
    {
      name: 'date range (a weekend)',
      request: (i) =>
        page({
          takenFrom: `${year(i)}-${pad(1 + (i % 12))}-06T00:00:00`,
          takenTo: `${year(i)}-${pad(1 + (i % 12))}-08T00:00:00`,
        }),
    },
    { name: 'label', request: (i) => page({ labels: [label(i)] }) },
    {
      name: 'label+date',
      request: (i) =>
        page({
          labels: [label(i)],
          takenFrom: `${year(i)}-06-01T00:00:00`,
          takenTo: `${year(i)}-09-01T00:00:00`,
        }),
    },
    { name: 'two labels', request: (i) => page({ labels: [label(i), label(i + 3)] }) },
    { name: 'place: city', request: (i) => page({ places: [{ name: city(i), level: 'city' }] }) },
    {
      name: 'place: region',
      request: (i) => page({ places: [{ name: regionName(i % 50), level: 'region' }] }),
    },
    {
      name: 'place: country',
      request: (i) => page({ places: [{ name: countryName(i % 20), level: 'country' }] }),
    },
    { name: 'place: any level', request: (i) => page({ places: [{ name: city(i) }] }) },
    {
      // Europe holds 11 of the 20 countries (over half the library), Oceania one, South America one.
      name: 'place: continent',
      request: (i) =>
        page({ places: [{ name: CONTINENTS[i % CONTINENTS.length] ?? 'Europe', level: 'continent' }] }),
    },
    {
      name: 'place+date',
      request: (i) =>
        page({
          places: [{ name: city(i) }],
          takenFrom: `${year(i)}-01-01T00:00:00`,
          takenTo: `${year(i) + 1}-01-01T00:00:00`,
        }),
    },
    { name: 'person', request: (i) => page({ people: [person(i % 20)] }) },
    { name: 'two people', request: (i) => page({ people: [person(i % 5), person(1 + (i % 7))] }) },
    {
      name: 'person+place+label',
      request: (i) => page({ people: [person(i % 5)], places: [{ name: city(i % 3) }], labels: [label(i)] }),
    },
    { name: 'album', request: (i) => page({ albums: [album(i)] }) },
    { name: 'favourites', request: () => page({ favoritesOnly: true }) },
    {
      name: 'favourites+date',
      request: (i) =>
        page({
          favoritesOnly: true,
          takenFrom: `${year(i)}-01-01T00:00:00`,
          takenTo: `${year(i) + 1}-01-01T00:00:00`,
        }),
    },
    { name: 'videos', request: (i) => page({ mediaKinds: ['video'], labels: [label(i)] }) },
    {
      name: 'on-this-day',
      request: (i) =>
        page({ monthDays: [{ month: 1 + (i % 12), day: 1 + ((i * 7) % 28), plusMinusDays: 3 }] }),
    },
    {
      name: 'free text',
      request: (i) => ({
        q: `${label(i)} photos of ${personName(i % 5)} in ${city(i % 3)} in ${year(i)}`,
        query: { order: 'newest' },
        limit: PAGE,
        reference: '2026-06-01T12:00:00Z',
        timeZone: 'America/Los_Angeles',
      }),
    },
    {
      name: 'count: label+place',
      request: (i) => count({ labels: [label(i)], places: [{ name: city(i) }] }),
    },
    { name: 'count: person', request: (i) => count({ people: [person(i % 20)] }) },
    {
      name: 'more like this: day',
      request: (i) =>
        page({
          takenFrom: `${year(i)}-${pad(1 + (i % 12))}-${pad(1 + (i % 27))}T00:00:00`,
          takenTo: `${year(i)}-${pad(1 + (i % 12))}-${pad(2 + (i % 27))}T00:00:00`,
        }),
    },
    {
      name: 'more like this: place',
      request: (i) => page({ places: [{ name: city(i), level: 'city' }] }),
    },
    {
      name: 'more like this: people',
      request: (i) => page({ people: [person(i % 3), person(3 + (i % 17))] }),
    },
    {
      name: 'next page (cursor)',
      request: (i) => {
        const query: PhotoQueryInput = { labels: [label(i)], order: 'newest' };
        const position = { key: `${year(i)}-07-01T00:00:00`, id: '' };
        const cursor = encodeCursor(searchFingerprint(ownerId, photoQuerySchema.parse(query)), position);
        return { query, limit: PAGE, cursor };
      },
    },
    {
      name: 'shuffle-page 50',
      request: (i) => ({
        query: { labels: [label(i)], order: 'shuffle', seed: `frame-${i}` },
        limit: PAGE,
        offset: 49 * PAGE,
      }),
    },
    {
      name: 'nothing found',
      request: (i) =>
        page({
          labels: [label(i)],
          places: [{ name: 'Atlantis' }],
          takenFrom: `${year(i)}-01-01T00:00:00`,
          takenTo: `${year(i) + 1}-01-01T00:00:00`,
        }),
    },
  ];
}
