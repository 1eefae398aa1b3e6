import { dot } from './face-descriptor';
import { MaxHeap } from './max-heap';

/**
 * Incremental face clustering, average link on L2-normalised faceres descriptors (cosine). The average link
 * between two groups is the dot product of their descriptor sums divided by both sizes, so a group is kept as its
 * sum and size and a new face costs one dot product per group. On dlib's 5 × 11 "johns" the reference measured
 * exactly 5 pure clusters at 0.61 (same person 0.78 on average, different people 0.40).
 */
export const SAME_PERSON_THRESHOLD = 0.6;

/**
 * A group joins a named person at a lower average link than strangers need: the owner vouched for the named faces,
 * so their mean is a steadier target. Not much lower: on the evaluation set (faceres on real photos) two different
 * people's faces averaged up to 0.52 (John Savage and John Schneider; Jason Statham and Vin Diesel 0.50), while every
 * face of a known person averaged at least 0.515 to the rest of theirs; the doubtful band below is asked about
 * instead (person-suggestions.ts).
 */
export const NAMED_PERSON_THRESHOLD = 0.55;

export interface ClusterFace {
  id: string;
  photoId: string;
  descriptor: Float32Array;
}

/** A cluster as stored: its person id, whether the owner named it, and its faces. */
export interface StoredCluster {
  personId: string;
  named: boolean;
  faces: readonly ClusterFace[];
  /**
   * It lost faces (their photos were deleted or re-analysed): an unnamed cluster is then split back into its faces
   * and regrouped, since the faces that held it together may be gone. Named clusters stay whole: the owner said so.
   */
  dissolve: boolean;
}

export interface ClusteringInput {
  clusters: readonly StoredCluster[];
  /** Faces not in any cluster yet. */
  newFaces: readonly ClusterFace[];
  threshold?: number;
  /** The average link at which a group joins a named person (NAMED_PERSON_THRESHOLD). */
  namedThreshold?: number;
  /** Faces the owner said are not a person ("is this X?" answered no): face id → those person ids. */
  refused?: ReadonlyMap<string, ReadonlySet<string>>;
  /** Faces the owner said are a person ("is this X?" answered yes): face id → that named person's id. */
  confirmed?: ReadonlyMap<string, string>;
  /** The id of a new cluster, from its earliest face: stable however often the run is repeated. */
  newPersonId(foundingFaceId: string): string;
}

export interface ClusterResult {
  personId: string;
  named: boolean;
  faceIds: string[];
  /** The most typical face (closest to the cluster's mean): the person's picture. */
  coverFaceId: string;
}

export interface ClusteringOutput {
  clusters: ClusterResult[];
  /** Person ids of clusters that no longer exist (merged into another, or all their faces gone). */
  retired: string[];
}

interface Unit {
  key: number;
  version: number;
  sum: Float32Array;
  faces: ClusterFace[];
  photos: Set<string>;
  /** Set when the unit holds a named cluster: it keeps that id, and never joins another named one. */
  namedId?: string;
  /** Stored person ids its faces had before this run, with how many: a cluster keeps its id where it can. */
  before: Map<string, number>;
  /** People some face of it was refused as: it never joins them. */
  refuses: Set<string>;
}

interface Candidate {
  priority: number;
  a: Unit;
  b: Unit;
  versionA: number;
  versionB: number;
}

/**
 * Groups new faces with the stored clusters, best pair first, while the average link is at least the threshold
 * (the lower named threshold when one side is a named person). Faces of one photo are never merged (one person
 * appears once in a photo), two named people never merge, and a face never joins a person it was refused as.
 * Confirmed faces join their named person first. Stored unnamed clusters that did not change are never compared
 * with each other again (they were below the threshold), but always with the named people: a cluster named since
 * the last run attracts the clusters near it. Cost: (new faces + named people) × (clusters) dot products, plus one
 * row of them per merge.
 */
export function clusterFaces(input: ClusteringInput): ClusteringOutput {
  const threshold = input.threshold ?? SAME_PERSON_THRESHOLD;
  const namedThreshold = input.namedThreshold ?? NAMED_PERSON_THRESHOLD;
  let nextKey = 0;
  const unitOf = (faces: readonly ClusterFace[], before: Map<string, number>, namedId?: string): Unit => {
    const first = faces[0] as ClusterFace;
    const sum = new Float32Array(first.descriptor.length);
    for (const face of faces)
      for (let i = 0; i < sum.length; i++) sum[i] = (sum[i] as number) + (face.descriptor[i] ?? 0);
    const refuses = new Set(faces.flatMap((face) => [...(input.refused?.get(face.id) ?? [])]));
    return {
      key: nextKey++,
      version: 0,
      sum,
      faces: [...faces],
      photos: new Set(faces.map((f) => f.photoId)),
      namedId,
      before,
      refuses,
    };
  };

  const alive = new Map<number, Unit>();
  const loose: Unit[] = [];
  for (const cluster of input.clusters) {
    if (cluster.faces.length === 0) continue;
    if (cluster.dissolve && !cluster.named) {
      for (const face of cluster.faces) loose.push(unitOf([face], new Map([[cluster.personId, 1]])));
    } else {
      const unit = unitOf(
        cluster.faces,
        new Map([[cluster.personId, cluster.faces.length]]),
        cluster.named ? cluster.personId : undefined,
      );
      alive.set(unit.key, unit);
    }
  }
  const namedUnits = new Map(
    [...alive.values()].flatMap((u) => (u.namedId ? [[u.namedId, u] as const] : [])),
  );
  for (const face of input.newFaces) loose.push(unitOf([face], new Map()));
  for (const unit of loose) alive.set(unit.key, unit);

  const merge = (a: Unit, b: Unit) => {
    for (let i = 0; i < a.sum.length; i++) a.sum[i] = (a.sum[i] as number) + (b.sum[i] as number);
    a.faces.push(...b.faces);
    for (const photo of b.photos) a.photos.add(photo);
    for (const person of b.refuses) a.refuses.add(person);
    a.namedId ??= b.namedId;
    for (const [id, count] of b.before) a.before.set(id, (a.before.get(id) ?? 0) + count);
    a.version += 1;
    alive.delete(b.key);
  };
  // The owner's "yes, this is X" outranks any similarity (but a photo still shows a person once).
  for (const unit of loose) {
    const personId = input.confirmed?.get((unit.faces[0] as ClusterFace).id);
    const person = personId === undefined ? undefined : namedUnits.get(personId);
    if (person && !sharesPhoto(person, unit) && !unit.refuses.has(person.namedId as string))
      merge(person, unit);
  }

  const heap = new MaxHeap<Candidate>();
  const offer = (a: Unit, b: Unit) => {
    if (a.namedId !== undefined && b.namedId !== undefined) return;
    const named = a.namedId ?? b.namedId;
    if (named !== undefined && (a.refuses.has(named) || b.refuses.has(named))) return;
    const similarity = dot(a.sum, b.sum) / (a.faces.length * b.faces.length);
    if (similarity < (named === undefined ? threshold : namedThreshold) || sharesPhoto(a, b)) return;
    heap.push({ priority: similarity, a, b, versionA: a.version, versionB: b.version });
  };
  const looseKeys = new Set(loose.filter((u) => alive.has(u.key)).map((u) => u.key));
  for (const unit of alive.values()) {
    for (const other of alive.values()) {
      if (other.key === unit.key) continue;
      // Each loose pair once; loose × stored always; named × stored unnamed always (it may have been named since).
      if (looseKeys.has(unit.key)) {
        if (!looseKeys.has(other.key) || other.key > unit.key) offer(unit, other);
      } else if (unit.namedId !== undefined && !looseKeys.has(other.key) && other.namedId === undefined) {
        offer(unit, other);
      }
    }
  }

  for (let best = heap.pop(); best !== undefined; best = heap.pop()) {
    const { a, b } = best;
    if (!alive.has(a.key) || !alive.has(b.key) || a.version !== best.versionA || b.version !== best.versionB)
      continue;
    merge(a, b);
    for (const other of alive.values()) if (other.key !== a.key) offer(a, other);
  }

  return assignIds([...alive.values()], input);
}

function sharesPhoto(a: Unit, b: Unit): boolean {
  const [small, large] = a.photos.size <= b.photos.size ? [a.photos, b.photos] : [b.photos, a.photos];
  for (const photo of small) if (large.has(photo)) return true;
  return false;
}

/**
 * Named clusters keep their id. Every other stored id goes to the unit holding most of its former faces (largest
 * first), so a cluster that grew, shrank or merged keeps its id; units left over get a new id from their earliest face.
 */
function assignIds(units: Unit[], input: ClusteringInput): ClusteringOutput {
  const idOf = new Map<number, string>();
  const used = new Set<string>();
  for (const unit of units) {
    if (unit.namedId !== undefined) {
      idOf.set(unit.key, unit.namedId);
      used.add(unit.namedId);
    }
  }
  const claims = units.flatMap((unit) => [...unit.before].map(([id, count]) => ({ unit, id, count })));
  claims.sort((x, y) => y.count - x.count || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  for (const { unit, id } of claims) {
    if (idOf.has(unit.key) || used.has(id)) continue;
    idOf.set(unit.key, id);
    used.add(id);
  }
  for (const unit of units) {
    if (idOf.has(unit.key)) continue;
    const founder = unit.faces.map((f) => f.id).sort()[0] as string;
    const id = input.newPersonId(founder);
    idOf.set(unit.key, id);
    used.add(id);
  }
  const retired = input.clusters.filter((c) => !c.named && !used.has(c.personId)).map((c) => c.personId);
  return {
    clusters: units.map((unit) => ({
      personId: idOf.get(unit.key) as string,
      named: unit.namedId !== undefined,
      faceIds: unit.faces.map((f) => f.id).sort(),
      coverFaceId: mostTypical(unit),
    })),
    retired: [...new Set(retired)],
  };
}

function mostTypical(unit: Unit): string {
  let best = unit.faces[0] as ClusterFace;
  let bestScore = -Infinity;
  for (const face of unit.faces) {
    const score = dot(face.descriptor, unit.sum);
    if (score > bestScore || (score === bestScore && face.id < best.id)) {
      best = face;
      bestScore = score;
    }
  }
  return best.id;
}

/** A face Rekognition indexed: its FaceId in the owner's collection and the earlier FaceIds it matched. */
export interface MatchedFace {
  id: string;
  photoId: string;
  providerFaceId: string;
  matches: readonly string[];
}

export interface MatchClusteringInput {
  clusters: readonly { personId: string; named: boolean; faces: readonly MatchedFace[] }[];
  newFaces: readonly MatchedFace[];
  newPersonId(foundingFaceId: string): string;
}

/**
 * Clustering when the provider matches faces itself (Rekognition SearchFaces): each match links a new face with an
 * earlier one, strongest first, and the two groups merge unless they share a photo or both are named people.
 * Faces analysed in parallel may list each other either way round, so links are followed in both directions.
 * A stored cluster keeps its id; when two merge, the larger (or the named one) does.
 */
export function clusterByMatches(input: MatchClusteringInput): ClusteringOutput {
  interface Group {
    personId?: string;
    named: boolean;
    faces: MatchedFace[];
    photos: Set<string>;
  }
  const groupOf = new Map<string, Group>();
  const groups = new Set<Group>();
  const add = (group: Group) => {
    groups.add(group);
    for (const face of group.faces) groupOf.set(face.providerFaceId, group);
  };
  for (const cluster of input.clusters) {
    if (cluster.faces.length === 0) continue;
    add({
      personId: cluster.personId,
      named: cluster.named,
      faces: [...cluster.faces],
      photos: new Set(cluster.faces.map((f) => f.photoId)),
    });
  }
  for (const face of input.newFaces) add({ named: false, faces: [face], photos: new Set([face.photoId]) });
  for (const face of input.newFaces) {
    for (const match of face.matches) {
      const a = groupOf.get(face.providerFaceId) as Group;
      const b = groupOf.get(match);
      if (!b || a === b || (a.named && b.named) || [...a.photos].some((photo) => b.photos.has(photo)))
        continue;
      const [keep, gone] = b.named || (!a.named && b.faces.length > a.faces.length) ? [b, a] : [a, b];
      keep.personId ??= gone.personId;
      keep.named ||= gone.named;
      keep.faces.push(...gone.faces);
      for (const photo of gone.photos) keep.photos.add(photo);
      groups.delete(gone);
      for (const moved of gone.faces) groupOf.set(moved.providerFaceId, keep);
    }
  }
  const used = new Set([...groups].flatMap((g) => (g.personId === undefined ? [] : [g.personId])));
  return {
    clusters: [...groups].map((group) => {
      const faceIds = group.faces.map((f) => f.id).sort();
      return {
        personId: group.personId ?? input.newPersonId(faceIds[0] as string),
        named: group.named,
        faceIds,
        coverFaceId: (group.faces[0] as MatchedFace).id,
      };
    }),
    retired: input.clusters.filter((c) => !c.named && !used.has(c.personId)).map((c) => c.personId),
  };
}
