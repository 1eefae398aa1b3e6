import {
  ingestSourcePath,
  removeSourcePath,
  type FileOutcome,
  type IngestDeps,
  type RemovalOutcome,
} from './ingest-run';
import type { S3PhotoSource } from './s3-source';

export interface SiblingOutcome {
  path: string;
  outcome: FileOutcome | RemovalOutcome;
}

/**
 * A key of a Live Photo came or went: its other half is looked at again, as the folder watcher does
 * (watch/ingest-changes.ts). A video that came or went gives its still motion or takes it away; a still that came
 * takes its video in (a video stored on its own until then is dropped: it is the still's motion now), and a still
 * that went leaves its video a video of its own. Each sibling is taken as the listing gives it now (stat), so an
 * event delivered twice, or a pair refused, ends the same as a full run.
 */
export async function ingestLivePhotoSiblings(
  source: S3PhotoSource,
  path: string,
  options: { ownerId: string },
  deps: IngestDeps,
): Promise<SiblingOutcome[]> {
  const outcomes: SiblingOutcome[] = [];
  for (const sibling of await source.livePhotoSiblings(path)) {
    const listed = await ingestAsListed(source, sibling, options, deps);
    outcomes.push({ path: sibling, outcome: 'removed' in listed ? listed.removed : listed.ingested });
  }
  return outcomes;
}

/**
 * Ingests `path` as the listing has it now; when it is no entry of its own (a video paired with its still, or
 * gone) the photo stored at it, if any, is dropped, as a full run drops a path it no longer lists and the folder
 * watcher does (watch/ingest-changes.ts).
 */
export async function ingestAsListed(
  source: S3PhotoSource,
  path: string,
  options: { ownerId: string },
  deps: IngestDeps,
): Promise<{ ingested: FileOutcome } | { ingested: { kind: 'missing' }; removed: RemovalOutcome }> {
  const ingested = await ingestSourcePath(source, path, options, deps);
  if (ingested.kind !== 'missing') return { ingested };
  return { ingested, removed: await removeSourcePath(source, path, options, deps) };
}
