import type { Logger } from '../../common/logger';
import { labelsFromObjects } from './coco-labels';
import { withFaceEvidence } from './objects/person-from-faces';
import type { OriginalReader } from './original-reader';
import type { LabelProvider, PhotoAnalysis } from './vision-types';
import { VisionWorkerPool, type WorkerPoolOptions } from './worker-pool';

/**
 * Bump when the models, their thresholds (human-detector.ts), the second look (objects/second-look.ts) or the
 * label mapping (coco-labels.ts, objects/person-from-faces.ts) change: every photo is then analysed again.
 */
export const LOCAL_MODEL_VERSION = 'local/human-3.3.6/centernet-0.25+look-1+faceres-0.3/labels-4/faces-2';

export interface LocalProviderOptions {
  workers: number;
  logger: Logger;
  originals: OriginalReader;
  onDispatch?: WorkerPoolOptions['onDispatch'];
  jobTimeoutMs?: number;
}

export interface LocalLabelProvider extends LabelProvider {
  /** The worker processes' ids (the bench reads their peak memory). */
  workerPids(): number[];
}

/** @vladmandic/human (CenterNet objects, BlazeFace + FaceRes faces) in worker processes, nothing fetched. */
export function createLocalLabelProvider(options: LocalProviderOptions): LocalLabelProvider {
  const pool = new VisionWorkerPool({
    size: options.workers,
    logger: options.logger,
    onDispatch: options.onDispatch,
    jobTimeoutMs: options.jobTimeoutMs,
  });
  return {
    modelVersion: LOCAL_MODEL_VERSION,
    // Two photos per worker: one analysed while the next is read and sent.
    concurrency: Math.max(1, options.workers) * 2,
    async analyse(photo): Promise<PhotoAnalysis> {
      const input = await options.originals.read(photo.uri);
      const found = await pool.analyse(input, photo.mediaType);
      return {
        // A face the face model is sure of is a person even where CenterNet saw no body.
        labels: withFaceEvidence(labelsFromObjects(found.objects), found.faces),
        faces: found.faces.map((face) => ({ box: face.box, score: face.score, descriptor: face.descriptor })),
      };
    },
    workerPids: () => pool.pids(),
    close: () => pool.close(),
  };
}
