/**
 * What naming one face finds, per person of the set: the product's clustering with that face's cluster named (a
 * named person attracts faces at NAMED_PERSON_THRESHOLD), then its "is this X?" suggestions. Issue 13 asks that a
 * named person's photos be found completely or asked about: `missing` should be 0, and wrong answers few.
 */
import {
  clusterFaces,
  type ClusterFace,
  type ClusterResult,
} from '../../metadata-service/people/face-clustering';
import { suggestFaces } from '../../metadata-service/people/person-suggestions';
import type { Box } from '../../metadata-service/vision/vision-types';

export interface NamingScore {
  identity: string;
  faces: number;
  /** The person's faces in the named person after re-clustering, and faces of someone else there. */
  found: number;
  wrongFound: number;
  /** The person's faces among the suggestions, and suggestions of someone else. */
  asked: number;
  wrongAsked: number;
  missing: number;
}

const NO_BOX: Box = { left: 0, top: 0, width: 0, height: 0 };

/** Names, for each person with two faces or more, the cluster of their first face, and scores what follows. */
export function scoreNaming(
  faces: readonly ClusterFace[],
  identityOf: ReadonlyMap<string, string>,
  clusters: readonly ClusterResult[],
): NamingScore[] {
  const byIdentity = new Map<string, string[]>();
  for (const face of faces) {
    const identity = identityOf.get(face.id);
    if (identity) byIdentity.set(identity, [...(byIdentity.get(identity) ?? []), face.id]);
  }
  const faceById = new Map(faces.map((face) => [face.id, face]));
  const scores: NamingScore[] = [];
  for (const [identity, ids] of [...byIdentity].sort((a, b) => a[0].localeCompare(b[0]))) {
    if (ids.length < 2) continue;
    const first = [...ids].sort()[0] as string;
    const named = clusters.find((c) => c.faceIds.includes(first));
    if (!named) continue;
    const after = clusterFaces({
      clusters: clusters.map((c) => ({
        personId: c.personId,
        named: c === named,
        faces: c.faceIds.map((id) => faceById.get(id) as ClusterFace),
        dissolve: false,
      })),
      newFaces: [],
      newPersonId: (faceId) => `person:${faceId}`,
    });
    const personOf = new Map(after.clusters.flatMap((c) => c.faceIds.map((id) => [id, c.personId] as const)));
    const suggestions = suggestFaces({
      personId: named.personId,
      faces: faces.map((face) => ({ ...face, box: NO_BOX, personId: personOf.get(face.id) ?? null })),
      named: new Set([named.personId]),
      refused: new Set(),
    });
    const mine = new Set(ids);
    const inPerson = [...personOf].filter(([, person]) => person === named.personId).map(([id]) => id);
    const asked = suggestions.map((s) => s.faceId);
    const isOther = (id: string) => !mine.has(id) && identityOf.has(id);
    scores.push({
      identity,
      faces: ids.length,
      found: inPerson.filter((id) => mine.has(id)).length,
      wrongFound: inPerson.filter(isOther).length,
      asked: asked.filter((id) => mine.has(id)).length,
      wrongAsked: asked.filter(isOther).length,
      missing: ids.filter((id) => !inPerson.includes(id) && !asked.includes(id)).length,
    });
  }
  return scores;
}
