import { z } from 'zod';
import { parseInput } from '../../common/validation';
import { removeSourcePath, type FileOutcome, type IngestDeps, type RemovalOutcome } from './ingest-run';
import { ingestAsListed, ingestLivePhotoSiblings } from './s3-live-photo-events';
import type { S3PhotoSource } from './s3-source';

/**
 * The parts of an S3 event notification ingest needs (https://docs.aws.amazon.com/AmazonS3/latest/userguide/
 * notification-content-structure.html). Unknown fields pass; `s3:TestEvent` messages carry no Records.
 */
export const s3EventSchema = z.object({
  Records: z
    .array(
      z.object({
        eventName: z.string().min(1),
        s3: z.object({
          bucket: z.object({ name: z.string().min(1) }),
          object: z.object({
            /** URL-encoded, with '+' for spaces. */
            key: z.string().min(1),
            size: z.number().int().nonnegative().optional(),
          }),
        }),
      }),
    )
    .default([]),
});
export type S3Event = z.input<typeof s3EventSchema>;

export type S3RecordOutcome =
  | FileOutcome
  | RemovalOutcome
  | { kind: 'missing' }
  | { kind: 'ignored'; reason: 'OTHER_EVENT' | 'OTHER_BUCKET' | 'NOT_IN_LIBRARY' };

export interface S3RecordResult {
  eventName: string;
  key: string;
  outcome: S3RecordOutcome;
  /**
   * Set on the results that follow a record for the other half of its Live Photo (a still that gained or lost its
   * motion, a video that became a video of its own): the record's key.
   */
  siblingOf?: string;
}

export interface S3EventDeps extends IngestDeps {
  source: S3PhotoSource;
  ownerId: string;
}

/**
 * Runs the ingest code for each record, in order (a key created then removed in one batch ends removed):
 * ObjectCreated:* ingests the object as a full run would, ObjectRemoved:* drops its photo. Keys outside the
 * library's bucket and prefix, and other events, are ignored. Storage failures throw so the invocation retries.
 */
export async function handleS3Event(event: unknown, deps: S3EventDeps): Promise<S3RecordResult[]> {
  const { Records } = parseInput(s3EventSchema, event);
  const results: S3RecordResult[] = [];
  for (const record of Records) {
    const key = decodeS3Key(record.s3.object.key);
    const outcome = await handleRecord(record.eventName, record.s3.bucket.name, key, deps);
    deps.logger.info('s3 event handled', { eventName: record.eventName, key, outcome: outcome.kind });
    results.push({ eventName: record.eventName, key, outcome });
    if (outcome.kind === 'ignored') continue;
    const path = deps.source.pathForKey(key);
    if (path === undefined) continue;
    for (const sibling of await ingestLivePhotoSiblings(deps.source, path, { ownerId: deps.ownerId }, deps)) {
      const siblingKey = key.slice(0, key.length - path.length) + sibling.path;
      deps.logger.info('s3 event: live photo sibling', {
        key,
        sibling: siblingKey,
        outcome: sibling.outcome.kind,
      });
      results.push({
        eventName: record.eventName,
        key: siblingKey,
        outcome: sibling.outcome,
        siblingOf: key,
      });
    }
  }
  return results;
}

async function handleRecord(
  eventName: string,
  bucket: string,
  key: string,
  deps: S3EventDeps,
): Promise<S3RecordOutcome> {
  const created = eventName.startsWith('ObjectCreated:');
  const removed = eventName.startsWith('ObjectRemoved:');
  if (!created && !removed) return { kind: 'ignored', reason: 'OTHER_EVENT' };
  if (bucket !== deps.source.bucket) return { kind: 'ignored', reason: 'OTHER_BUCKET' };
  const path = deps.source.pathForKey(key);
  if (path === undefined) return { kind: 'ignored', reason: 'NOT_IN_LIBRARY' };
  const options = { ownerId: deps.ownerId };
  if (!created) return removeSourcePath(deps.source, path, options, deps);
  // No entry of its own now (a Live Photo's video, or gone again): the record says so ('missing'), and a photo
  // stored at the key before is dropped.
  return (await ingestAsListed(deps.source, path, options, deps)).ingested;
}

/** Keys in notifications are URL-encoded form values: "My+Photos/caf%C3%A9.jpg" → "My Photos/café.jpg". */
export function decodeS3Key(encoded: string): string {
  const form = encoded.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(form);
  } catch {
    return form; // a stray '%' that is not an escape: the key is what it says
  }
}
