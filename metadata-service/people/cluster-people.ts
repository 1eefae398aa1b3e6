import {
  clusterByMatches,
  clusterFaces,
  type ClusterFace,
  type ClusteringOutput,
  type MatchedFace,
} from './face-clustering';
import { answersFor, type StoredDecision } from './face-decisions-repository';
import {
  clusterPersonIdFor,
  type ClusteringPlan,
  type PeopleRepository,
  type StoredFace,
} from './people-repository';

export interface ClusteringSummary {
  /** Faces that joined or changed person in this run. */
  movedFaces: number;
  /** Clusters (people built from faces) after the run. */
  people: number;
}

export interface ClusteringOptions {
  threshold?: number;
  /** The owner's answers to "is this X?" (face-decisions-repository.ts). */
  decisions?: readonly StoredDecision[];
  /** Run even when no face is new or lost: a person was just named, and their centroid may attract clusters. */
  force?: boolean;
}

/**
 * One incremental clustering pass over an owner's faces: new faces are grouped with the stored clusters, unnamed
 * clusters that lost faces are regrouped, named people attract the clusters near them, and people rows, photo links
 * and search counts follow. Nothing is written when no face is new and none was lost (unless forced).
 */
export async function clusterOwnerFaces(
  repository: PeopleRepository,
  ownerId: string,
  options: ClusteringOptions = {},
): Promise<ClusteringSummary> {
  const state = await repository.clusteringState(ownerId);
  const byPerson = new Map<string, StoredFace[]>();
  for (const face of state.faces) {
    if (face.personId !== null) byPerson.set(face.personId, [...(byPerson.get(face.personId) ?? []), face]);
  }
  const lost = (personId: string) =>
    (state.clusterSizes.get(personId) ?? 0) > (byPerson.get(personId)?.length ?? 0);
  // A face with neither a descriptor nor a provider id is never clustered, so it is not news either.
  const clusterable = (face: StoredFace) =>
    face.descriptor !== undefined || face.providerFaceId !== undefined;
  const hasNew = state.faces.some((face) => face.personId === null && clusterable(face));
  const hasLost = [...state.clusterSizes.keys()].some(lost);
  if (!hasNew && !hasLost && options.force !== true)
    return { movedFaces: 0, people: state.clusterSizes.size };
  const answers = answersFor(state.faces, options.decisions ?? []);

  const newPersonId = (faceId: string) => clusterPersonIdFor(ownerId, faceId);
  const described = (face: StoredFace): face is StoredFace & { descriptor: Float32Array } =>
    face.descriptor !== undefined;
  const matched = (face: StoredFace): face is StoredFace & { providerFaceId: string } =>
    face.descriptor === undefined && face.providerFaceId !== undefined;
  const asClusterFace = (face: StoredFace & { descriptor: Float32Array }): ClusterFace => ({
    id: face.id,
    photoId: face.photoId,
    descriptor: face.descriptor,
  });
  const asMatchedFace = (face: StoredFace & { providerFaceId: string }): MatchedFace => ({
    id: face.id,
    photoId: face.photoId,
    providerFaceId: face.providerFaceId,
    matches: face.matches ?? [],
  });

  // Local descriptors and Rekognition matches cannot be compared with each other: each kind is clustered alone.
  const stored = [...byPerson];
  const byDescriptor = clusterFaces({
    clusters: stored.map(([personId, faces]) => ({
      personId,
      named: state.named.has(personId),
      faces: faces.filter(described).map(asClusterFace),
      dissolve: lost(personId),
    })),
    newFaces: state.faces
      .filter((f) => f.personId === null && described(f))
      .map((f) => asClusterFace(f as StoredFace & { descriptor: Float32Array })),
    threshold: options.threshold,
    refused: answers.refused,
    confirmed: answers.confirmed,
    newPersonId,
  });
  const byMatch = clusterByMatches({
    clusters: stored.map(([personId, faces]) => ({
      personId,
      named: state.named.has(personId),
      faces: faces.filter(matched).map(asMatchedFace),
    })),
    newFaces: state.faces
      .filter((f) => f.personId === null && matched(f))
      .map((f) => asMatchedFace(f as StoredFace & { providerFaceId: string })),
    newPersonId,
  });
  const plan = planOf(state.faces, [byDescriptor, byMatch], [...state.clusterSizes.keys()], state.named);
  await repository.applyClustering(ownerId, plan);
  return {
    movedFaces: [...plan.moved.values()].reduce((n, faces) => n + faces.length, 0),
    people: plan.clusters.length,
  };
}

function planOf(
  faces: readonly StoredFace[],
  outputs: readonly ClusteringOutput[],
  storedClusters: readonly string[],
  named: ReadonlySet<string>,
): ClusteringPlan {
  const clusters = outputs.flatMap((output) => output.clusters);
  const personOf = new Map<string, string>();
  for (const cluster of clusters)
    for (const faceId of cluster.faceIds) personOf.set(faceId, cluster.personId);
  const moved = new Map<string, string[]>();
  const touchedPhotos = new Set<string>();
  for (const face of faces) {
    const now = personOf.get(face.id);
    if (now === undefined || now === face.personId) continue;
    moved.set(now, [...(moved.get(now) ?? []), face.id]);
    touchedPhotos.add(face.photoId);
  }
  const photoPeople = new Map<string, Set<string>>();
  for (const photoId of touchedPhotos) photoPeople.set(photoId, new Set());
  for (const face of faces) {
    const person = personOf.get(face.id);
    if (person !== undefined) photoPeople.get(face.photoId)?.add(person);
  }
  const alive = new Set(clusters.map((c) => c.personId));
  // A stored cluster no output kept has no faces left: an unnamed one is deleted, a named one stays a person.
  const gone = storedClusters.filter((id) => !alive.has(id));
  return {
    clusters: clusters.map(({ personId, faceIds, coverFaceId }) => ({ personId, faceIds, coverFaceId })),
    moved,
    photoPeople,
    retired: gone.filter((id) => !named.has(id)),
    emptied: gone.filter((id) => named.has(id)),
  };
}
