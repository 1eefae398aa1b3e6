import type { LabelRecord } from '../repositories/label-rows';

/** A rectangle in an upright photo, as fractions of its displayed width and height (0..1, may overhang a little). */
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** One object the detector saw, named as its model names it (COCO-80 for the local provider). */
export interface DetectedObject {
  label: string;
  score: number;
  box: Box;
  /** The first pass's score when a closer second look replaced it (objects/second-look.ts). */
  firstLook?: number;
}

/**
 * One face worth keeping. The local provider describes it with a descriptor (1024-d, L2-normalised); Rekognition
 * instead names it in the owner's collection and lists the earlier faces it matched, best first.
 */
export interface AnalysedFace {
  box: Box;
  score: number;
  descriptor?: Float32Array;
  providerFaceId?: string;
  matches?: readonly string[];
}

/** What vision adds to one photo: labels in the library's vocabulary (source 'vision') and its faces. */
export interface PhotoAnalysis {
  labels: LabelRecord[];
  faces: AnalysedFace[];
}

/** The photo a provider is asked about: where its original lives and what it is. */
export interface PhotoToAnalyse {
  photoId: string;
  ownerId: string;
  /** `file:///…` or `s3://bucket/key`. */
  uri: string;
  mediaType: string;
}

/** A photo's content cannot be analysed (undecodable, too large): recorded as a vision skip, never retried. */
export class VisionSkip extends Error {
  override readonly name = 'VisionSkip';
}

/**
 * Where labels and faces come from: the local models in worker processes, or AWS Rekognition. A photo is analysed
 * once per `modelVersion`; a new version (other models, thresholds or mapping) re-analyses the library.
 */
export interface LabelProvider {
  readonly modelVersion: string;
  analyse(photo: PhotoToAnalyse): Promise<PhotoAnalysis>;
  /** Photos analysed at once: enough to keep every worker (or connection) busy, bounded. */
  readonly concurrency: number;
  close(): Promise<void>;
}
