import type { PhotoQueryInput } from '../common/contracts';
import { normalizeName, personIdFor } from '../metadata-service/repositories/names';
import { cityName, FIRST_YEAR, LABELS, personName, YEARS } from './synthetic-library';

export interface SearchCase {
  name: string;
  /** The i-th request of the case: parameters vary per run so no two consecutive runs hit the same rows. */
  request(i: number): { query: PhotoQueryInput; limit: number; offset: number };
}

export const PAGE = 50;
const year = (i: number) => FIRST_YEAR + (i % YEARS);

/** The query shapes the brief names, as a slideshow would send them (one page of 50, newest first unless shuffled). */
export function searchCases(ownerId: string): SearchCase[] {
  return [
    {
      name: 'label+date',
      request: (i) => ({
        query: {
          labels: [LABELS[i % 10] ?? 'beach'],
          takenFrom: `${year(i)}-06-01T00:00:00`,
          takenTo: `${year(i)}-09-01T00:00:00`,
          order: 'newest',
        },
        limit: PAGE,
        offset: 0,
      }),
    },
    {
      name: 'place+date',
      request: (i) => ({
        query: {
          places: [{ name: cityName(i % 20) }],
          takenFrom: `${year(i)}-01-01T00:00:00`,
          takenTo: `${year(i) + 1}-01-01T00:00:00`,
          order: 'newest',
        },
        limit: PAGE,
        offset: 0,
      }),
    },
    {
      name: 'person',
      request: (i) => ({
        query: { people: [personIdFor(ownerId, normalizeName(personName(i % 20)))], order: 'newest' },
        limit: PAGE,
        offset: 0,
      }),
    },
    {
      name: 'on-this-day',
      request: (i) => ({
        query: {
          monthDays: [{ month: 1 + (i % 12), day: 1 + ((i * 7) % 28), plusMinusDays: 3 }],
          order: 'newest',
        },
        limit: PAGE,
        offset: 0,
      }),
    },
    {
      name: 'shuffle-page 50',
      request: (i) => ({
        query: { labels: [LABELS[i % 10] ?? 'beach'], order: 'shuffle', seed: `frame-${i}` },
        limit: PAGE,
        offset: 49 * PAGE,
      }),
    },
  ];
}
