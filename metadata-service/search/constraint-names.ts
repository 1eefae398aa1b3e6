import type { PhotoQuery } from '../../common/contracts';
import type { PhotoRepository } from '../repositories/photo-repository';
import type { Understood } from '../query-text/types';
import { dateRangesOf } from './previous-occurrence';
import { describeRange } from '../query-text/describe-range';
import type { QueryConstraint } from './query-constraints';

/** Enough names for any owner's request; only read when a search found nothing and named a person or album. */
const NAME_LOOKUP_LIMIT = 1000;

/**
 * How to name each constraint of an empty answer: the person's own words for what free text understood ("Italia",
 * "this weekend"), else the constraint's display name (a label, the owner's name for a person or album, a place's
 * name, the dates read back). Names of people and albums are looked up once, and only when needed.
 */
export function constraintNames(
  repository: PhotoRepository,
  ownerId: string,
  query: PhotoQuery,
  understood: readonly Understood[] = [],
): (constraint: QueryConstraint) => Promise<string> {
  let names: Promise<Map<string, string>> | undefined;
  const nameOf = async (id: string): Promise<string> => {
    names ??= repository
      .vocabulary(ownerId, NAME_LOOKUP_LIMIT)
      .then(
        (vocabulary) =>
          new Map([...vocabulary.people, ...vocabulary.albums].map((entry) => [entry.id, entry.name])),
      );
    return (await names).get(id) ?? id;
  };
  const said = (matches: (item: Understood) => boolean, joiner: string): string | undefined => {
    const texts = understood.filter(matches).map((item) => item.text);
    return texts.length > 0 ? texts.join(joiner) : undefined;
  };

  return async (constraint) => {
    const key = constraint.key;
    switch (constraint.kind) {
      case 'label':
        return said((item) => item.kind === 'label' && item.value === key, ' ') ?? key;
      case 'person':
        return said((item) => item.kind === 'person' && item.value.id === key, ' ') ?? nameOf(key);
      case 'album':
        return said((item) => item.kind === 'album' && item.value.id === key, ' ') ?? nameOf(key);
      case 'place':
        return said((item) => item.kind === 'place', ' or ') ?? query.places.map((p) => p.name).join(' or ');
      case 'date':
        return (
          said((item) => item.kind === 'date' || item.kind === 'on-this-day', ' ') ?? describeDates(query)
        );
      case 'favorites':
        return said((item) => item.kind === 'favorites', ' ') ?? 'favourites';
      case 'video':
        return said((item) => item.kind === 'video', ' ') ?? (key === 'photo' ? 'photos only' : 'videos');
    }
  };
}

function describeDates(query: PhotoQuery): string {
  const ranges = dateRangesOf(query);
  if (ranges && ranges.length > 0) return ranges.map(describeRange).join(' or ');
  const [window] = query.monthDays;
  if (window) return `${window.month}/${window.day} in any year`;
  if (query.takenFrom) return `since ${query.takenFrom.slice(0, 10)}`;
  if (query.takenTo) return `before ${query.takenTo.slice(0, 10)}`;
  return 'those dates';
}
