import type { JobQueue } from './job-queue';

/** One owner's vision work in the queue, for /healthz: photos waiting, being analysed, waiting for a retry, dead. */
export interface OwnerVisionJobs {
  queued: number;
  active: number;
  failed: number;
  dead: number;
}

/** The owner's vision jobs still in the queue (done jobs leave it); undefined when the queue does not answer. */
export async function ownerVisionJobs(
  queue: JobQueue,
  ownerId: string,
): Promise<OwnerVisionJobs | undefined> {
  try {
    return await queue.counts('vision', ownerId);
  } catch {
    return undefined;
  }
}
