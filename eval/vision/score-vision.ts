/**
 * The quality figures of one vision run over the evaluation set, from the table and what the pipeline returned per
 * photo: labels at the thresholds search uses, face detection recall by face size, and how the product's own
 * clustering (people/face-clustering.ts) groups the faces it found. Pure: the bench and the CI test both use it.
 */
import { answersSearch, searchThreshold } from '../../metadata-service/labels/search-thresholds';
import { clusterFaces } from '../../metadata-service/people/face-clustering';
import { VISION_MAX_SIDE } from '../../metadata-service/vision/vision-pixels';
import type { PhotoAnalysis } from '../../metadata-service/vision/vision-types';
import { scoreClusters, type ClusterScores, type ClusteredFace } from './cluster-scores';
import type { EvalPhoto } from './eval-set';
import {
  FACE_SIZE_BUCKETS,
  faceSizeBucket,
  matchFaces,
  type Box,
  type FaceSizeBucket,
} from './face-matching';
import { COCO_CLASSES } from '../../common/vocabulary';
import { overallScore, scoreLabels, type LabelScore } from './label-scores';
import { scoreNaming, type NamingScore } from './naming-scores';
import { SCENE_LABELS } from './ground-truth-schema';

export interface DetectionRecall {
  bucket: FaceSizeBucket;
  faces: number;
  found: number;
  /** The same, without turned faces (profiles, looking down): what a frontal detector should find. */
  frontalFaces: number;
  frontalFound: number;
}

export interface VisionQuality {
  photos: number;
  /** Objects (COCO-80) that the run filed at least one photo under or that some photo shows, worst first. */
  objectLabels: LabelScore[];
  objectOverall: ReturnType<typeof overallScore>;
  /** Scenes: derived from objects by the local provider, or not produced at all. */
  sceneLabels: LabelScore[];
  faces: {
    recall: DetectionRecall[];
    /** The same over real photos only, and over composites only (pasted chips have no body below them). */
    realRecall: DetectionRecall[];
    compositeRecall: DetectionRecall[];
    /** Detections matching no face of the table, on photos whose faces are all in the table. */
    falseFaces: number;
    /** Detected faces in all. */
    detected: number;
  };
  clustering: ClusterScores & { clusteredFaces: number; matchedWithIdentity: number };
  /** Per person: what naming their first face finds and asks about (naming-scores.ts). */
  naming: NamingScore[];
  /** Per photo what was wrong: the bench prints the worst. */
  mistakes: { id: string; falseLabels: string[]; missedLabels: string[]; missedFaces: number }[];
}

export interface AnalysedPhoto {
  photo: EvalPhoto;
  analysis: PhotoAnalysis;
}

const boxOf = (b: { left: number; top: number; width: number; height: number }): Box => [
  b.left,
  b.top,
  b.width,
  b.height,
];

/** The labels this analysis files the photo under for search (a label below its threshold never answers). */
export function searchLabels(analysis: PhotoAnalysis): string[] {
  return [...new Set(analysis.labels.filter((label) => answersSearch(label)).map((label) => label.label))];
}

export function scoreVision(run: readonly AnalysedPhoto[]): VisionQuality {
  const labelled = run.map(({ photo, analysis }) => ({
    present: photo.truth.present,
    uncertain: photo.truth.uncertain,
    predicted: searchLabels(analysis),
  }));
  const seen = (score: LabelScore) => score.truePositives + score.falsePositives + score.falseNegatives > 0;
  const worstFirst = (a: LabelScore, b: LabelScore) =>
    (a.precision ?? 2) - (b.precision ?? 2) ||
    (a.recall ?? 2) - (b.recall ?? 2) ||
    a.label.localeCompare(b.label);
  const objectLabels = scoreLabels(labelled, COCO_CLASSES).filter(seen).sort(worstFirst);
  const sceneLabels = scoreLabels(labelled, SCENE_LABELS).filter(seen).sort(worstFirst);

  const emptyRecall = () =>
    new Map(
      FACE_SIZE_BUCKETS.map((bucket) => [
        bucket,
        { bucket, faces: 0, found: 0, frontalFaces: 0, frontalFound: 0 },
      ]),
    );
  const recall = { all: emptyRecall(), real: emptyRecall(), composite: emptyRecall() };
  let falseFaces = 0;
  let detected = 0;
  const identityOfFace = new Map<string, string>();
  const clusterInput: { id: string; photoId: string; descriptor: Float32Array }[] = [];
  const mistakes: VisionQuality['mistakes'] = [];
  for (const [index, { photo, analysis }] of run.entries()) {
    const scale = Math.min(1, VISION_MAX_SIDE / Math.max(photo.width, photo.height));
    const truthBoxes = photo.faces.map((face) => face.box);
    const found = analysis.faces.map((face) => boxOf(face.box));
    detected += found.length;
    const match = matchFaces(truthBoxes, found);
    const matchedTruth = new Map(match.pairs.map(([t, d]) => [t, d]));
    photo.faces.forEach((face, t) => {
      const pixels = Math.max(face.box[2] * photo.width, face.box[3] * photo.height) * scale;
      const hit = matchedTruth.has(t);
      const kind = photo.truth.flags.includes('composite') ? recall.composite : recall.real;
      for (const group of [recall.all, kind]) {
        const counts = group.get(faceSizeBucket(pixels));
        if (!counts) continue;
        counts.faces += 1;
        counts.found += hit ? 1 : 0;
        if (!face.turned) {
          counts.frontalFaces += 1;
          counts.frontalFound += hit ? 1 : 0;
        }
      }
    });
    if (!photo.truth.flags.includes('unlabelled-faces')) falseFaces += match.extra.length;
    // A collage puts one person several times in one photo, which clustering rightly never merges: kept out.
    if (!photo.truth.flags.includes('collage')) {
      analysis.faces.forEach((face, d) => {
        if (!face.descriptor) return;
        const id = `${photo.truth.id}#${d}`;
        clusterInput.push({ id, photoId: photo.truth.id, descriptor: face.descriptor });
        const pair = match.pairs.find(([, detectedIndex]) => detectedIndex === d);
        const identity = pair ? photo.faces[pair[0]]?.identity : undefined;
        if (identity) identityOfFace.set(id, identity);
      });
    }
    const predicted = labelled[index]?.predicted ?? [];
    const falseLabels = predicted.filter(
      (l) => !photo.truth.present.includes(l) && !photo.truth.uncertain.includes(l),
    );
    const missedLabels = photo.truth.present.filter((l) => !predicted.includes(l));
    if (falseLabels.length + missedLabels.length + match.missed.length > 0)
      mistakes.push({ id: photo.truth.id, falseLabels, missedLabels, missedFaces: match.missed.length });
  }

  const clusters = clusterFaces({
    clusters: [],
    newFaces: clusterInput,
    newPersonId: (faceId) => `person:${faceId}`,
  });
  const clustered: ClusteredFace[] = clusters.clusters.flatMap((cluster) =>
    cluster.faceIds.flatMap((faceId) => {
      const identity = identityOfFace.get(faceId);
      return identity ? [{ cluster: cluster.personId, identity }] : [];
    }),
  );
  return {
    photos: run.length,
    objectLabels,
    objectOverall: overallScore(objectLabels),
    sceneLabels,
    faces: {
      recall: [...recall.all.values()],
      realRecall: [...recall.real.values()],
      compositeRecall: [...recall.composite.values()],
      falseFaces,
      detected,
    },
    clustering: {
      ...scoreClusters(clustered),
      clusteredFaces: clusterInput.length,
      matchedWithIdentity: clustered.length,
    },
    naming: scoreNaming(clusterInput, identityOfFace, clusters.clusters),
    mistakes,
  };
}

/** The threshold search uses for a label the local provider gives (for the printed table). */
export function visionThreshold(label: string): number {
  return searchThreshold(label, 'vision');
}
