import type { Kysely } from 'kysely';
import type {
  LabelProvenance,
  PersonProvenance,
  PhotoExplanation,
  PhotoQuery,
} from '../../../common/contracts';
import type { LibraryDatabase } from '../../database/schema';
import type { LabelParents } from '../../repositories/photo-filters';
import type { ProvenanceRepository } from './provenance-repository';

export interface ExplainDeps {
  db: Kysely<LibraryDatabase>;
  provenance: ProvenanceRepository;
  labelParents: LabelParents;
}

/**
 * "Why is this photo here?": for each photo of a search page, what satisfied each constraint of the query that
 * found it (labels with the photo's own label and its sources, people with theirs, the place and capture time
 * checked), in page order. Only the constraints the query set are explained; the photos must be the owner's.
 */
export async function explainMatches(
  deps: ExplainDeps,
  ownerId: string,
  photoIds: readonly string[],
  query: PhotoQuery,
): Promise<PhotoExplanation[]> {
  if (photoIds.length === 0) return [];
  const asksDate =
    query.takenFrom !== undefined ||
    query.takenTo !== undefined ||
    query.dateRanges.length > 0 ||
    query.monthDays.length > 0;
  const [labels, people, photos] = await Promise.all([
    query.labels.length > 0 ? deps.provenance.labelsOf(photoIds) : new Map<string, LabelProvenance[]>(),
    query.people.length > 0
      ? deps.provenance.peopleOf(ownerId, photoIds)
      : new Map<string, PersonProvenance[]>(),
    deps.db
      .selectFrom('photos')
      .select([
        'id',
        'taken_local',
        'taken_time_source',
        'latitude',
        'place_city',
        'place_region',
        'place_country',
      ])
      .where('owner_id', '=', ownerId)
      .where('id', 'in', [...photoIds])
      .execute(),
  ]);
  const byId = new Map(photos.map((photo) => [photo.id, photo]));
  return photoIds.flatMap((photoId) => {
    const photo = byId.get(photoId);
    if (!photo) return [];
    const own = labels.get(photoId) ?? [];
    return [
      {
        photoId,
        labels: query.labels.flatMap((asked) =>
          own
            .filter(
              (label) =>
                label.answersSearch &&
                (label.name === asked || deps.labelParents(label.name).includes(asked)),
            )
            .map((label) => ({ asked, matchedBy: label.name, sources: label.sources })),
        ),
        people: (people.get(photoId) ?? []).filter((person) => query.people.includes(person.id)),
        place:
          query.places.length > 0
            ? {
                city: photo.place_city,
                region: photo.place_region,
                country: photo.place_country,
                from: photo.latitude === null ? ('metadata' as const) : ('gps' as const),
              }
            : null,
        date:
          asksDate && photo.taken_local !== null
            ? { takenLocal: photo.taken_local, takenTimeSource: photo.taken_time_source }
            : null,
      },
    ];
  });
}
