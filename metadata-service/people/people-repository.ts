import { flushCommitsToDisk } from '../../common/database';
import { createHash } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { LibraryDatabase } from '../database/schema';
import { monthOf, recountEntries, type PhotoCountEntry } from '../repositories/key-month-counts';
import { normalizeName, personIdFor } from '../repositories/names';
import type { Box } from '../vision/vision-types';
import { FaceDecisionsRepository, moveFaceDecisions } from './face-decisions-repository';
import { decodeDescriptor } from './face-descriptor';
import { chunks, syncFaceLinks } from './face-links';

/**
 * A face cluster the owner has not named is an ordinary `people` row with this name and a normalized name no
 * spoken name can have ('#' survives no normalizeName), so it never collides with a named person, and the
 * vocabulary, captions and photo facts (which speak names) leave it out.
 */
export const UNNAMED = '';

/** The id of a cluster that starts with this face: stable, and never one a name derives (names.ts). */
export function clusterPersonIdFor(ownerId: string, foundingFaceId: string): string {
  return `pe_${createHash('sha256').update(`face-cluster\n${ownerId}\n${foundingFaceId}`).digest('base64url').slice(0, 16)}`;
}

export interface StoredFace {
  id: string;
  photoId: string;
  personId: string | null;
  box: Box;
  descriptor?: Float32Array;
  providerFaceId?: string;
  matches?: string[];
}

export interface ClusteringState {
  faces: StoredFace[];
  /** Face count per cluster at the last clustering. */
  clusterSizes: Map<string, number>;
  /** People with a name, among those the faces belong to. */
  named: Set<string>;
}

export interface ClusteringPlan {
  clusters: readonly { personId: string; faceIds: readonly string[]; coverFaceId: string }[];
  /** Faces whose person changed, by their new person. */
  moved: ReadonlyMap<string, readonly string[]>;
  /** Photo → the people its faces now belong to, for every photo with a moved face. */
  photoPeople: ReadonlyMap<string, ReadonlySet<string>>;
  /** Unnamed clusters with no faces left (merged away, or their photos deleted): their people rows go. */
  retired: readonly string[];
  /** Named people whose faces are all gone: they stay people, only their cluster state goes. */
  emptied: readonly string[];
}

export interface PersonRecord {
  id: string;
  name: string | null;
  hidden: boolean;
  photoCount: number;
  faceCount: number;
}

export interface FaceRecord {
  id: string;
  box: Box;
  score: number;
  person: { id: string; name: string | null; hidden: boolean } | null;
}

export interface CoverFace {
  uri: string;
  mediaType: string;
  box: Box;
}

/** The SQL of people built from faces: clustering state and its application, naming, hiding, faces of a photo. */
export class PeopleRepository {
  constructor(private readonly db: Kysely<LibraryDatabase>) {}

  /** The owner's answers to "is this X?", in the same database. */
  decisions(): FaceDecisionsRepository {
    return new FaceDecisionsRepository(this.db);
  }

  async clusteringState(ownerId: string): Promise<ClusteringState> {
    const [faces, clusters] = await Promise.all([
      this.db
        .selectFrom('faces')
        .select([
          'id',
          'photo_id',
          'person_id',
          'box_left',
          'box_top',
          'box_width',
          'box_height',
          'descriptor',
          'provider_face_id',
          'matches',
        ])
        .where('owner_id', '=', ownerId)
        .orderBy('id')
        .execute(),
      this.db
        .selectFrom('face_clusters')
        .select(['person_id', 'faces'])
        .where('owner_id', '=', ownerId)
        .execute(),
    ]);
    const personIds = [...new Set(faces.flatMap((f) => (f.person_id === null ? [] : [f.person_id])))];
    const named = new Set<string>();
    for (const chunk of chunks(personIds)) {
      const rows = await this.db
        .selectFrom('people')
        .select('id')
        .where('owner_id', '=', ownerId)
        .where('id', 'in', chunk)
        .where('name', '!=', UNNAMED)
        .execute();
      for (const row of rows) named.add(row.id);
    }
    return {
      faces: faces.map((f) => ({
        id: f.id,
        photoId: f.photo_id,
        personId: f.person_id,
        box: { left: f.box_left, top: f.box_top, width: f.box_width, height: f.box_height },
        descriptor: f.descriptor === null ? undefined : decodeDescriptor(f.descriptor),
        providerFaceId: f.provider_face_id ?? undefined,
        matches: f.matches === null ? undefined : (JSON.parse(f.matches) as string[]),
      })),
      clusterSizes: new Map(clusters.map((c) => [c.person_id, Number(c.faces)])),
      named,
    };
  }

  /** Writes a clustering run in one transaction: people rows, face assignments, photo links, counts, covers. */
  async applyClustering(ownerId: string, plan: ClusteringPlan): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const personIds = plan.clusters.map((c) => c.personId);
      for (const chunk of chunks(personIds)) {
        await trx
          .insertInto('people')
          .values(
            chunk.map((id) => ({
              id,
              owner_id: ownerId,
              name: UNNAMED,
              normalized_name: `#${id}`,
              hidden: 0 as const,
            })),
          )
          .onConflict((oc) => oc.doNothing())
          .execute();
      }
      for (const [personId, faceIds] of plan.moved) {
        for (const chunk of chunks(faceIds)) {
          await trx
            .updateTable('faces')
            .set({ person_id: personId })
            .where('owner_id', '=', ownerId)
            .where('id', 'in', chunk)
            .execute();
        }
      }
      const changed = await syncFaceLinks(trx, ownerId, plan.photoPeople);
      for (const chunk of chunks(plan.emptied)) {
        await trx.deleteFrom('face_clusters').where('person_id', 'in', chunk).execute();
      }
      if (plan.retired.length > 0) {
        changed.push(...(await dropFaceLinks(trx, ownerId, plan.retired)));
        for (const chunk of chunks(plan.retired)) {
          await trx.deleteFrom('face_clusters').where('person_id', 'in', chunk).execute();
          await trx
            .deleteFrom('people')
            .where('owner_id', '=', ownerId)
            .where('id', 'in', chunk)
            .where('name', '=', UNNAMED)
            .execute();
        }
      }
      for (const cluster of plan.clusters) {
        const values = {
          person_id: cluster.personId,
          owner_id: ownerId,
          faces: cluster.faceIds.length,
          cover_face_id: cluster.coverFaceId,
        };
        await trx
          .insertInto('face_clusters')
          .values(values)
          .onConflict((oc) =>
            oc.column('person_id').doUpdateSet({ faces: values.faces, cover_face_id: values.cover_face_id }),
          )
          .execute();
      }
      await recountEntries(trx, uniqueEntries(changed));
    });
  }

  /** The owner's people, those with the most faces first: clusters (named or not) and people named by metadata. */
  async listPeople(ownerId: string, personId?: string): Promise<PersonRecord[]> {
    let query = this.db
      .selectFrom('people')
      .leftJoin('face_clusters', 'face_clusters.person_id', 'people.id')
      .select((eb) => [
        'people.id',
        'people.name',
        'people.hidden',
        'face_clusters.faces',
        eb
          .selectFrom('photo_people')
          .select(sql<number | string>`count(*)`.as('n'))
          .whereRef('photo_people.person_id', '=', 'people.id')
          .as('photos'),
      ])
      .where('people.owner_id', '=', ownerId);
    if (personId !== undefined) query = query.where('people.id', '=', personId);
    const rows = await query.execute();
    return rows
      .map((row) => ({
        id: row.id,
        name: row.name === UNNAMED ? null : row.name,
        hidden: Number(row.hidden) === 1,
        photoCount: Number(row.photos ?? 0),
        faceCount: Number(row.faces ?? 0),
      }))
      .sort(
        (a, b) =>
          b.faceCount - a.faceCount ||
          b.photoCount - a.photoCount ||
          (a.name ?? '\uffff').localeCompare(b.name ?? '\uffff') ||
          (a.id < b.id ? -1 : 1),
      );
  }

  async getPerson(ownerId: string, personId: string): Promise<PersonRecord | undefined> {
    return (await this.listPeople(ownerId, personId))[0];
  }

  /**
   * Names and/or hides a person. A name is the person's identity (names.ts derives ids from names, so ingest
   * and speech agree on them): naming moves the person to the id of that name, merging it into the person who
   * already has the name ("Mom" from photo metadata, or another cluster named "Mom"). Hidden wins a merge.
   * Returns the person's id afterwards, or undefined when the owner has no such person.
   */
  async updatePerson(
    ownerId: string,
    personId: string,
    update: { name?: string; hidden?: boolean },
  ): Promise<string | undefined> {
    const result = await this.db.transaction().execute(async (trx) => {
      const person = await trx
        .selectFrom('people')
        .select(['id', 'hidden'])
        .where('owner_id', '=', ownerId)
        .where('id', '=', personId)
        .executeTakeFirst();
      if (!person) return undefined;
      const hidden = update.hidden === undefined ? Number(person.hidden) : update.hidden ? 1 : 0;
      if (update.hidden !== undefined) {
        await trx
          .updateTable('people')
          .set({ hidden: hidden as 0 | 1 })
          .where('id', '=', personId)
          .execute();
      }
      if (update.name === undefined) return personId;
      const name = update.name.trim();
      const normalized = normalizeName(name);
      const targetId = personIdFor(ownerId, normalized);
      if (targetId === personId) {
        await trx
          .updateTable('people')
          .set({ name, normalized_name: normalized })
          .where('id', '=', personId)
          .execute();
        return personId;
      }
      const existing = await trx
        .selectFrom('people')
        .select(['id', 'hidden'])
        .where('owner_id', '=', ownerId)
        .where('normalized_name', '=', normalized)
        .executeTakeFirst();
      const into = existing?.id ?? targetId;
      if (existing) {
        if (hidden === 1 && Number(existing.hidden) === 0) {
          await trx.updateTable('people').set({ hidden: 1 }).where('id', '=', existing.id).execute();
        }
      } else {
        await trx
          .insertInto('people')
          .values({ id: into, owner_id: ownerId, name, normalized_name: normalized, hidden: hidden as 0 | 1 })
          .execute();
      }
      await mergePerson(trx, ownerId, personId, into);
      return into;
    });
    await flushCommitsToDisk(this.db);
    return result;
  }

  /** The faces in one of the owner's photos, left to right, with the person each belongs to. */
  async facesInPhoto(ownerId: string, photoId: string): Promise<FaceRecord[] | undefined> {
    const photo = await this.db
      .selectFrom('photos')
      .select('id')
      .where('owner_id', '=', ownerId)
      .where('id', '=', photoId)
      .executeTakeFirst();
    if (!photo) return undefined;
    const rows = await this.db
      .selectFrom('faces')
      .leftJoin('people', 'people.id', 'faces.person_id')
      .select([
        'faces.id',
        'faces.box_left',
        'faces.box_top',
        'faces.box_width',
        'faces.box_height',
        'faces.score',
        'people.id as person_id',
        'people.name',
        'people.hidden',
      ])
      .where('faces.owner_id', '=', ownerId)
      .where('faces.photo_id', '=', photoId)
      .orderBy('faces.box_left')
      .execute();
    return rows.map((row) => ({
      id: row.id,
      box: { left: row.box_left, top: row.box_top, width: row.box_width, height: row.box_height },
      score: row.score,
      person:
        row.person_id === null
          ? null
          : {
              id: row.person_id,
              name: row.name === null || row.name === UNNAMED ? null : row.name,
              hidden: Number(row.hidden) === 1,
            },
    }));
  }

  /** The face that pictures a person (the cluster's most typical face, else their best-scored one). */
  async coverFace(ownerId: string, personId: string): Promise<CoverFace | undefined> {
    const faceColumns = [
      'photos.source_uri',
      'photos.media_type',
      'faces.box_left',
      'faces.box_top',
      'faces.box_width',
      'faces.box_height',
    ] as const;
    const cover = await this.db
      .selectFrom('face_clusters')
      .innerJoin('faces', 'faces.id', 'face_clusters.cover_face_id')
      .innerJoin('photos', 'photos.id', 'faces.photo_id')
      .select(faceColumns)
      .where('face_clusters.owner_id', '=', ownerId)
      .where('face_clusters.person_id', '=', personId)
      .executeTakeFirst();
    const row =
      cover ??
      (await this.db
        .selectFrom('faces')
        .innerJoin('photos', 'photos.id', 'faces.photo_id')
        .select(faceColumns)
        .where('faces.owner_id', '=', ownerId)
        .where('faces.person_id', '=', personId)
        .orderBy('faces.score', 'desc')
        .orderBy('faces.id')
        .executeTakeFirst());
    if (!row) return undefined;
    return {
      uri: row.source_uri,
      mediaType: row.media_type,
      box: { left: row.box_left, top: row.box_top, width: row.box_width, height: row.box_height },
    };
  }
}

/**
 * Moves everything of person `from` to person `into` and deletes `from`: photo links (a face-made link stays
 * face-made unless `into` was already linked by metadata), faces, cluster state, search counts.
 */
async function mergePerson(
  trx: Transaction<LibraryDatabase>,
  ownerId: string,
  from: string,
  into: string,
): Promise<void> {
  const [links, byFace, already] = await Promise.all([
    trx
      .selectFrom('photo_people')
      .select(['photo_id', 'taken_local', 'left_out', 'shuffle_key'])
      .where('person_id', '=', from)
      .execute(),
    trx.selectFrom('photo_people_by_face').select('photo_id').where('person_id', '=', from).execute(),
    trx
      .selectFrom('photo_people')
      .select('photo_id')
      .where('person_id', '=', into)
      .where('photo_id', 'in', (eb) =>
        eb.selectFrom('photo_people').select('photo_id').where('person_id', '=', from),
      )
      .execute(),
  ]);
  const linkedToInto = new Set(already.map((row) => row.photo_id));
  const adding = links.filter((link) => !linkedToInto.has(link.photo_id));
  for (const chunk of chunks(adding)) {
    await trx
      .insertInto('photo_people')
      .values(
        chunk.map((link) => ({
          photo_id: link.photo_id,
          person_id: into,
          taken_local: link.taken_local,
          left_out: Number(link.left_out),
          shuffle_key: Number(link.shuffle_key),
        })),
      )
      .execute();
  }
  const faceMade = byFace.filter((row) => !linkedToInto.has(row.photo_id));
  for (const chunk of chunks(faceMade)) {
    await trx
      .insertInto('photo_people_by_face')
      .values(chunk.map((row) => ({ photo_id: row.photo_id, person_id: into })))
      .execute();
  }
  await trx.deleteFrom('photo_people').where('person_id', '=', from).execute();
  await trx.deleteFrom('photo_people_by_face').where('person_id', '=', from).execute();
  await trx
    .updateTable('faces')
    .set({ person_id: into })
    .where('owner_id', '=', ownerId)
    .where('person_id', '=', from)
    .execute();

  const clusters = await trx
    .selectFrom('face_clusters')
    .select(['person_id', 'faces', 'cover_face_id'])
    .where('person_id', 'in', [from, into])
    .execute();
  const source = clusters.find((c) => c.person_id === from);
  const target = clusters.find((c) => c.person_id === into);
  if (source) {
    await trx.deleteFrom('face_clusters').where('person_id', '=', from).execute();
    await trx
      .insertInto('face_clusters')
      .values({
        person_id: into,
        owner_id: ownerId,
        faces: Number(source.faces) + Number(target?.faces ?? 0),
        cover_face_id: target?.cover_face_id ?? source.cover_face_id,
      })
      .onConflict((oc) =>
        oc.column('person_id').doUpdateSet({
          faces: Number(source.faces) + Number(target?.faces ?? 0),
          cover_face_id: target?.cover_face_id ?? source.cover_face_id,
        }),
      )
      .execute();
  }
  await moveFaceDecisions(trx, from, into);
  await trx.deleteFrom('people').where('owner_id', '=', ownerId).where('id', '=', from).execute();

  const months = new Set(links.map((link) => monthOf(link.taken_local)));
  await recountEntries(
    trx,
    [...months].flatMap((month) => [
      { ownerId, kind: 'person' as const, key: from, month },
      { ownerId, kind: 'person' as const, key: into, month },
    ]),
  );
}

/** Removes the face-made photo links of these people (retired clusters), returning the counts to redo. */
async function dropFaceLinks(
  trx: Transaction<LibraryDatabase>,
  ownerId: string,
  personIds: readonly string[],
): Promise<PhotoCountEntry[]> {
  const entries: PhotoCountEntry[] = [];
  for (const chunk of chunks(personIds)) {
    const rows = await trx
      .selectFrom('photo_people_by_face')
      .innerJoin('photo_people', (join) =>
        join
          .onRef('photo_people.photo_id', '=', 'photo_people_by_face.photo_id')
          .onRef('photo_people.person_id', '=', 'photo_people_by_face.person_id'),
      )
      .select(['photo_people.photo_id', 'photo_people.person_id', 'photo_people.taken_local'])
      .where('photo_people_by_face.person_id', 'in', chunk)
      .execute();
    for (const row of rows) {
      entries.push({ ownerId, kind: 'person', key: row.person_id, month: monthOf(row.taken_local) });
      await trx
        .deleteFrom('photo_people')
        .where('photo_id', '=', row.photo_id)
        .where('person_id', '=', row.person_id)
        .execute();
    }
    await trx.deleteFrom('photo_people_by_face').where('person_id', 'in', chunk).execute();
  }
  return entries;
}

function uniqueEntries(entries: readonly PhotoCountEntry[]): PhotoCountEntry[] {
  return [...new Map(entries.map((e) => [`${e.kind}\u0000${e.key}\u0000${e.month}`, e])).values()];
}
