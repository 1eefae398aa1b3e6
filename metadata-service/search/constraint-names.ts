import type { PhotoQuery } from '../../common/contracts';
import type { Understood } from '../query-text/types';
import { dateRangesOf } from './previous-occurrence';
import { describeRange } from '../query-text/describe-range';
import type { QueryConstraint } from './query-constraints';

/** Names of the owner's people and albums by id, looked up only when an empty answer names one. */
export interface OwnerNames {
  personName(ownerId: string, personId: string): Promise<string | undefined>;
  albums(ownerId: string): Promise<readonly { id: string; name: string }[]>;
}

/**
 * How to name each constraint of an empty answer: the person's own words for what free text understood ("Italia",
 * "this weekend"), else the constraint's display name (a label, the owner's name for a person or album, a place's
 * name, the dates read back). Names are read by id from the people and albums tables, never by scanning photos.
 */
export function constraintNames(
  names: OwnerNames,
  ownerId: string,
  query: PhotoQuery,
  understood: readonly Understood[] = [],
): (constraint: QueryConstraint) => Promise<string> {
  let albums: Promise<Map<string, string>> | undefined;
  const personName = async (id: string): Promise<string> =>
    (await names.personName(ownerId, id)) ?? 'that person';
  const albumName = async (id: string): Promise<string> => {
    albums ??= names.albums(ownerId).then((list) => new Map(list.map((album) => [album.id, album.name])));
    return (await albums).get(id) ?? 'that album';
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
        return said((item) => item.kind === 'person' && item.value.id === key, ' ') ?? personName(key);
      case 'album':
        return said((item) => item.kind === 'album' && item.value.id === key, ' ') ?? albumName(key);
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
