import { LOCAL_MODEL_VERSION } from '../vision/local-provider';
import { REKOGNITION_MODEL_VERSION } from '../vision/rekognition-provider';
import type { VisionRepository } from '../vision/vision-repository';
import type { VisionSettings } from '../vision/vision-settings';
import type { JobQueue } from './job-queue';

/** The model version a provider will analyse with, known without starting it (no models loaded to ask). */
export function modelVersionOf(settings: VisionSettings): string {
  return settings.provider === 'local' ? LOCAL_MODEL_VERSION : REKOGNITION_MODEL_VERSION;
}

/** The idempotency key of a photo's vision job: one waiting job per photo. */
export function visionJobKey(ownerId: string, photoId: string): string {
  return `${ownerId}/${photoId}`;
}

/**
 * Queues a vision job for every still photo of a library location this model version has not looked at; how many
 * were queued (a photo whose job already waits is not queued again).
 */
export async function queueVisionJobs(
  queue: JobQueue,
  repository: VisionRepository,
  target: { ownerId: string; sourceRoot: string; modelVersion: string },
): Promise<number> {
  const pending = await repository.pendingPhotos(target.ownerId, target.sourceRoot, target.modelVersion);
  let queued = 0;
  for (const photo of pending) {
    const id = await queue.send(
      'vision',
      { ownerId: target.ownerId, photoId: photo.photoId },
      { key: visionJobKey(target.ownerId, photo.photoId) },
    );
    if (id !== null) queued += 1;
  }
  return queued;
}
