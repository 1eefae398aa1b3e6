import type { Kysely, Transaction } from 'kysely';
import type {
  LabelProvenance,
  LabelSourceFact,
  PersonProvenance,
  PhotoProvenance,
} from '../../../common/contracts';
import type { LibraryDatabase } from '../../database/schema';
import { syncFaceLinks } from '../../people/face-links';
import {
  countEntriesOf,
  recountAround,
  recountEntries,
  uniqueEntries,
} from '../../repositories/key-month-counts';
import { fileUnderLabels, type JoinCopy } from '../../repositories/label-rows';
import type { LabelParents } from '../../repositories/photo-filters';
import { answersSearch } from '../search-thresholds';
import type { StoredSunEvidence } from '../sun/sun-repository';
import type { SunLabelDatabase } from '../sun/sun-schema';
import type { ProvenanceDatabase } from './provenance-schema';

type Database = ProvenanceDatabase & SunLabelDatabase;

/** What a removal found: done, or what was missing (the photo is not the owner's, or lacks that label or face). */
export type RemovalOutcome = 'removed' | 'no-photo' | 'not-on-photo';

interface StoredPhoto extends JoinCopy {
  sourceRoot: string;
  sourcePath: string;
}

/**
 * Provenance reads (each label and person of a photo with its sources) and the owner's removals of a wrong label or
 * face, which are remembered (suppressions.ts) so no later relabelling brings them back.
 */
export class ProvenanceRepository {
  private readonly db: Kysely<Database>;

  constructor(
    db: Kysely<LibraryDatabase>,
    private readonly labelParents: LabelParents,
  ) {
    this.db = db as unknown as Kysely<Database>;
  }

  /** Every label and person on the owner's photo with where each came from; undefined if not the owner's. */
  async photoProvenance(ownerId: string, photoId: string): Promise<PhotoProvenance | undefined> {
    const photo = await this.db
      .selectFrom('photos')
      .select('id')
      .where('owner_id', '=', ownerId)
      .where('id', '=', photoId)
      .executeTakeFirst();
    if (!photo) return undefined;
    const [labels, people] = await Promise.all([this.labelsOf([photoId]), this.peopleOf(ownerId, [photoId])]);
    return { labels: labels.get(photoId) ?? [], people: people.get(photoId) ?? [] };
  }

  /** Labels of these photos with their sources, by photo, labels in name order. */
  async labelsOf(photoIds: readonly string[]): Promise<Map<string, LabelProvenance[]>> {
    const byPhoto = new Map<string, LabelProvenance[]>();
    if (photoIds.length === 0) return byPhoto;
    const [sources, vision, sun] = await Promise.all([
      this.db
        .selectFrom('photo_label_sources')
        .select(['photo_id', 'label', 'source', 'confidence', 'detail'])
        .where('photo_id', 'in', photoIds)
        .orderBy('photo_id')
        .orderBy('label')
        .orderBy('source')
        .execute(),
      this.db
        .selectFrom('photo_vision')
        .select(['photo_id', 'model_version'])
        .where('photo_id', 'in', photoIds)
        .execute(),
      this.db
        .selectFrom('photo_sun')
        .select(['photo_id', 'labeller_version', 'evidence'])
        .where('photo_id', 'in', photoIds)
        .execute(),
    ]);
    const modelOf = new Map(vision.map((row) => [row.photo_id, row.model_version]));
    const sunOf = new Map(
      sun.map((row) => [
        row.photo_id,
        {
          version: row.labeller_version,
          evidence: row.evidence ? (JSON.parse(row.evidence) as StoredSunEvidence) : null,
        },
      ]),
    );
    for (const row of sources) {
      const confidence = Number(row.confidence);
      const source = labelSourceOf(row, confidence, modelOf.get(row.photo_id), sunOf.get(row.photo_id));
      const labels = byPhoto.get(row.photo_id) ?? [];
      const last = labels[labels.length - 1];
      const searchable = answersSearch({ label: row.label, source: row.source, confidence });
      if (last?.name === row.label) {
        last.sources.push(source);
        last.answersSearch ||= searchable;
      } else {
        labels.push({ name: row.label, answersSearch: searchable, sources: [source] });
      }
      byPhoto.set(row.photo_id, labels);
    }
    return byPhoto;
  }

  /** People on these photos with their sources (the photo's metadata, or faces), by photo, in name order. */
  async peopleOf(ownerId: string, photoIds: readonly string[]): Promise<Map<string, PersonProvenance[]>> {
    const byPhoto = new Map<string, PersonProvenance[]>();
    if (photoIds.length === 0) return byPhoto;
    const [links, faces, vision] = await Promise.all([
      this.db
        .selectFrom('photo_people')
        .innerJoin('people', 'people.id', 'photo_people.person_id')
        .leftJoin('photo_people_by_face', (join) =>
          join
            .onRef('photo_people_by_face.photo_id', '=', 'photo_people.photo_id')
            .onRef('photo_people_by_face.person_id', '=', 'photo_people.person_id'),
        )
        .select([
          'photo_people.photo_id',
          'people.id',
          'people.name',
          'photo_people_by_face.person_id as by_face',
        ])
        .where('people.owner_id', '=', ownerId)
        .where('photo_people.photo_id', 'in', photoIds)
        .orderBy('people.name')
        .orderBy('people.id')
        .execute(),
      this.db
        .selectFrom('faces')
        .select(['id', 'photo_id', 'person_id', 'score', 'box_left', 'box_top', 'box_width', 'box_height'])
        .where('owner_id', '=', ownerId)
        .where('photo_id', 'in', photoIds)
        .where('person_id', 'is not', null)
        .orderBy('box_left')
        .execute(),
      this.db
        .selectFrom('photo_vision')
        .select(['photo_id', 'model_version'])
        .where('photo_id', 'in', photoIds)
        .execute(),
    ]);
    const modelOf = new Map(vision.map((row) => [row.photo_id, row.model_version]));
    for (const link of links) {
      const faceSources = faces
        .filter((face) => face.photo_id === link.photo_id && face.person_id === link.id)
        .map((face) => ({
          kind: 'face' as const,
          faceId: face.id,
          score: Math.min(1, Math.max(0, Number(face.score))),
          box: {
            left: Number(face.box_left),
            top: Number(face.box_top),
            width: Number(face.box_width),
            height: Number(face.box_height),
          },
          modelVersion: modelOf.get(link.photo_id) ?? null,
        }));
      const sources = link.by_face === null ? [{ kind: 'metadata' as const }, ...faceSources] : faceSources;
      // A face link whose faces are gone (mid-clustering) says nothing checkable: left out.
      if (sources.length === 0) continue;
      const people = byPhoto.get(link.photo_id) ?? [];
      people.push({ id: link.id, name: link.name === '' ? null : link.name, sources });
      byPhoto.set(link.photo_id, people);
    }
    return byPhoto;
  }

  /**
   * Removes a label from one photo, whatever gave it, and remembers the removal so ingest, sidecar edits, vision
   * and sun labelling never give it back. The photo is refiled (a removed label is not filed as a parent either)
   * and its search counts recounted.
   */
  async removeLabel(
    ownerId: string,
    photoId: string,
    label: string,
    removedAt: string,
  ): Promise<RemovalOutcome> {
    return this.db.transaction().execute(async (trx) => {
      const photo = await storedPhoto(trx, ownerId, photoId);
      if (!photo) return 'no-photo';
      const library = trx as unknown as Transaction<LibraryDatabase>;
      const [source, filed] = await Promise.all([
        trx
          .selectFrom('photo_label_sources')
          .select('label')
          .where('photo_id', '=', photoId)
          .where('label', '=', label)
          .executeTakeFirst(),
        trx
          .selectFrom('photo_labels')
          .select('label')
          .where('photo_id', '=', photoId)
          .where('label', '=', label)
          .executeTakeFirst(),
      ]);
      if (!source && !filed) return 'not-on-photo';
      await recountAround(library, ownerId, [photoId], async () => {
        await trx
          .insertInto('label_suppressions')
          .values({
            owner_id: ownerId,
            photo_id: photoId,
            source_root: photo.sourceRoot,
            source_path: photo.sourcePath,
            label,
            removed_at: removedAt,
          })
          .onConflict((oc) => oc.columns(['owner_id', 'photo_id', 'label']).doNothing())
          .execute();
        await trx
          .deleteFrom('photo_label_sources')
          .where('photo_id', '=', photoId)
          .where('label', '=', label)
          .execute();
        await fileUnderLabels(library, ownerId, photoId, photo, this.labelParents);
      });
      return 'removed';
    });
  }

  /**
   * Removes a face from one photo (and the person it put there, unless another face or the photo's metadata keeps
   * them), remembering its box so the same face found by a later analysis is dropped too.
   */
  async removeFace(
    ownerId: string,
    photoId: string,
    faceId: string,
    removedAt: string,
  ): Promise<RemovalOutcome> {
    return this.db.transaction().execute(async (trx) => {
      const photo = await storedPhoto(trx, ownerId, photoId);
      if (!photo) return 'no-photo';
      const face = await trx
        .selectFrom('faces')
        .select(['box_left', 'box_top', 'box_width', 'box_height'])
        .where('owner_id', '=', ownerId)
        .where('photo_id', '=', photoId)
        .where('id', '=', faceId)
        .executeTakeFirst();
      if (!face) return 'not-on-photo';
      const library = trx as unknown as Transaction<LibraryDatabase>;
      const countedBefore = await countEntriesOf(library, ownerId, [photoId]);
      await trx
        .insertInto('face_suppressions')
        .values({
          face_id: faceId,
          owner_id: ownerId,
          photo_id: photoId,
          source_root: photo.sourceRoot,
          source_path: photo.sourcePath,
          box_left: Number(face.box_left),
          box_top: Number(face.box_top),
          box_width: Number(face.box_width),
          box_height: Number(face.box_height),
          removed_at: removedAt,
        })
        .onConflict((oc) => oc.column('face_id').doNothing())
        .execute();
      await trx.deleteFrom('faces').where('id', '=', faceId).execute();
      // A person pictured by this face picks another at the next clustering.
      await trx
        .updateTable('face_clusters')
        .set({ cover_face_id: null })
        .where('cover_face_id', '=', faceId)
        .execute();
      const remaining = await trx
        .selectFrom('faces')
        .select('person_id')
        .where('photo_id', '=', photoId)
        .where('person_id', 'is not', null)
        .execute();
      const desired = new Map([[photoId, new Set(remaining.map((row) => row.person_id ?? ''))]]);
      const changed = await syncFaceLinks(library, ownerId, desired);
      const countedAfter = await countEntriesOf(library, ownerId, [photoId]);
      await recountEntries(library, uniqueEntries([...countedBefore, ...changed, ...countedAfter]));
      return 'removed';
    });
  }
}

function labelSourceOf(
  row: { label: string; source: string; detail: string | null },
  confidence: number,
  modelVersion: string | undefined,
  sun: { version: string; evidence: StoredSunEvidence | null } | undefined,
): LabelSourceFact {
  const clamped = Math.min(1, Math.max(0, confidence));
  switch (row.source) {
    case 'keyword':
      return { kind: 'keyword', confidence: clamped, keyword: row.detail };
    case 'folder':
      return { kind: 'folder', confidence: clamped, folder: row.detail };
    case 'sidecar':
      return { kind: 'sidecar', confidence: clamped, text: row.detail };
    case 'capture':
      return { kind: 'capture', confidence: clamped, fact: row.detail };
    case 'vision':
      return {
        kind: 'vision',
        confidence: clamped,
        // 'local/human-3.3.6/…', 'rekognition/labels-70/…': the provider is the version's first part.
        provider: modelVersion?.split('/')[0] ?? null,
        modelVersion: modelVersion ?? null,
      };
    default:
      return {
        kind: 'sun',
        confidence: clamped,
        labellerVersion: sun?.version ?? null,
        evidence: sunEvidence(row.label, sun),
      };
  }
}

/** The sun and light facts behind one sun label, with the rules that gave that label. */
function sunEvidence(label: string, sun: { evidence: StoredSunEvidence | null } | undefined) {
  const evidence = sun?.evidence;
  if (!evidence) return null;
  const rules = evidence.labels.find((l) => l.label === label);
  return {
    instant: evidence.moment.instant,
    timeFrom: evidence.moment.timeFrom,
    positionFrom: evidence.moment.positionFrom,
    sunAltitude: evidence.sun.altitude,
    sunAzimuth: evidence.sun.azimuth,
    sunRule: rules?.sunRule ?? '',
    colourRule: rules?.colourRule ?? '',
  };
}

async function storedPhoto(
  trx: Transaction<Database>,
  ownerId: string,
  photoId: string,
): Promise<StoredPhoto | undefined> {
  const row = await trx
    .selectFrom('photos')
    .select(['taken_local', 'left_out', 'shuffle_key', 'source_root', 'source_path'])
    .where('owner_id', '=', ownerId)
    .where('id', '=', photoId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    takenLocal: row.taken_local,
    leftOut: Number(row.left_out),
    shuffleKey: Number(row.shuffle_key),
    sourceRoot: row.source_root,
    sourcePath: row.source_path,
  };
}
