import type { Kysely } from 'kysely';
import type { PhotoExplanation, PhotoProvenance, PhotoQuery } from '../../../common/contracts';
import type { LibraryDatabase } from '../../database/schema';
import type { LabelParents } from '../../repositories/photo-filters';
import { explainMatches } from './explain-matches';
import { ProvenanceRepository, type RemovalOutcome } from './provenance-repository';

/** Provenance as the library service uses it: reads, "why is this photo here?", and the owner's removals. */
export interface ProvenanceService {
  photoProvenance(ownerId: string, photoId: string): Promise<PhotoProvenance | undefined>;
  explain(ownerId: string, photoIds: readonly string[], query: PhotoQuery): Promise<PhotoExplanation[]>;
  removeLabel(ownerId: string, photoId: string, label: string): Promise<RemovalOutcome>;
  removeFace(ownerId: string, photoId: string, faceId: string): Promise<RemovalOutcome>;
}

export function createProvenanceService(
  db: Kysely<LibraryDatabase>,
  labelParents: LabelParents,
  now: () => Date = () => new Date(),
): ProvenanceService {
  const provenance = new ProvenanceRepository(db, labelParents);
  return {
    photoProvenance: (ownerId, photoId) => provenance.photoProvenance(ownerId, photoId),
    explain: (ownerId, photoIds, query) =>
      explainMatches({ db, provenance, labelParents }, ownerId, photoIds, query),
    removeLabel: (ownerId, photoId, label) =>
      provenance.removeLabel(ownerId, photoId, label, now().toISOString()),
    removeFace: (ownerId, photoId, faceId) =>
      provenance.removeFace(ownerId, photoId, faceId, now().toISOString()),
  };
}
