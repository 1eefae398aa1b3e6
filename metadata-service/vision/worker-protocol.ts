import type { OriginalInput } from './vision-pixels';
import type { Box, DetectedObject } from './vision-types';

/** Messages between the ingest process and a vision worker (child_process IPC, 'advanced' serialization). */
export interface AnalyseRequest {
  type: 'analyse';
  jobId: number;
  input: OriginalInput;
  mediaType: string;
}

export interface WorkerFace {
  box: Box;
  score: number;
  /** 1024 floats, L2-normalised. */
  descriptor: Float32Array;
}

export interface WorkerDetections {
  objects: DetectedObject[];
  /** Only faces inside a person (see face-filter.ts). */
  faces: WorkerFace[];
  /** Faces the detector found on animals or without a person around them, dropped. */
  droppedFaces: number;
}

export type WorkerMessage =
  | { type: 'ready' }
  | ({ type: 'result'; jobId: number } & WorkerDetections)
  /** The photo itself cannot be analysed (undecodable): no retry. */
  | { type: 'skip'; jobId: number; reason: string }
  /** Anything else went wrong in the worker for this photo. */
  | { type: 'failed'; jobId: number; reason: string };
