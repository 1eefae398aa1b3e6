import { RekognitionClient } from '@aws-sdk/client-rekognition';
import type { Logger } from '../../common/logger';
import { createLocalLabelProvider } from './local-provider';
import type { OriginalReader } from './original-reader';
import { createRekognitionLabelProvider } from './rekognition-provider';
import type { LabelProvider } from './vision-types';
import type { WorkerPoolOptions } from './worker-pool';

/** Which provider labels photos and finds faces (VISION_PROVIDER), and how. */
export type VisionSettings =
  | {
      provider: 'local';
      /** Worker processes; one per core by default. */
      workers: number;
      /** Tests and the bench watch which worker got which photo. */
      onWorkerDispatch?: WorkerPoolOptions['onDispatch'];
      jobTimeoutMs?: number;
    }
  | {
      provider: 'rekognition';
      region: string;
      /** Only for a non-AWS endpoint (tests, VPC endpoints). */
      endpoint?: string;
      collectionPrefix: string;
      /** A configured client (tests); otherwise one is made from region and endpoint. */
      client?: RekognitionClient;
    };

/** A provider for one vision pass; the caller closes it (which stops the local workers). */
export function createLabelProvider(
  settings: VisionSettings,
  deps: { logger: Logger; originals: OriginalReader },
): LabelProvider {
  if (settings.provider === 'local') {
    return createLocalLabelProvider({
      workers: settings.workers,
      logger: deps.logger,
      originals: deps.originals,
      onDispatch: settings.onWorkerDispatch,
      jobTimeoutMs: settings.jobTimeoutMs,
    });
  }
  return createRekognitionLabelProvider({
    client:
      settings.client ?? new RekognitionClient({ region: settings.region, endpoint: settings.endpoint }),
    ownsClient: settings.client === undefined,
    originals: deps.originals,
    logger: deps.logger,
    collectionPrefix: settings.collectionPrefix,
  });
}
