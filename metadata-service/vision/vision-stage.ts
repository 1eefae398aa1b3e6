import type { Logger } from '../../common/logger';
import { forEachBounded } from '../ingest/ingest-run';
import { runSunStage, type SunStageDeps } from '../labels/sun/sun-stage';
import type { PeopleService } from '../people/people-service';
import type { PendingPhoto, VisionRepository } from './vision-repository';
import { VisionSkip, type LabelProvider } from './vision-types';
import { WorkerCrashed, WorkerPoolBroken } from './worker-pool';

export interface VisionSkipped {
  path: string;
  reason: string;
}

export interface VisionReport {
  modelVersion: string;
  /** Photos analysed in this pass (the rest were already analysed by this model version). */
  analysed: number;
  /** Photos vision could not read (recorded: not retried until the model version changes). */
  skipped: VisionSkipped[];
  /** Photos whose analysis failed for a reason outside the photo (network, service): retried next run. */
  failed: number;
  /** Faces kept in the analysed photos. */
  faces: number;
  /** Faces that joined or changed person while clustering, and the people faces make afterwards. */
  clusteredFaces: number;
  people: number;
}

export interface VisionStageOptions {
  ownerId: string;
  /** The library location whose photos are analysed. */
  sourceRoot: string;
  onProgress?: (progress: { done: number; total: number; currentPath: string }) => void;
  /** How many photos this pass will analyse, once known (before the first is done: /healthz says "0 of N"). */
  onPending?: (total: number) => void;
  /** Aborted when the library closes: no new photo starts, the pass ends with a VisionAborted. */
  signal?: AbortSignal;
}

export interface VisionStageDeps {
  provider: LabelProvider;
  repository: VisionRepository;
  people: PeopleService;
  logger: Logger;
  now?: () => Date;
  /** Sun labels (labels/sun/): worked out first, from the capture moment and a small decode, whatever the provider. */
  sun?: Omit<SunStageDeps, 'logger' | 'now'>;
}

export class VisionAborted extends Error {
  override readonly name = 'VisionAborted';
}

/** This many failures in a row outside any photo (no credentials, service down) end the pass early. */
const MAX_FAILURES_IN_A_ROW = 10;

/**
 * The vision phase of an ingest: every photo of the source not yet analysed by the provider's model version is
 * analysed (bounded in flight), stored on its own (a crash loses only the photos in flight), then the owner's
 * faces are clustered into people. A photo vision cannot read becomes a vision skip; it never stops the run.
 */
export async function runVisionStage(
  options: VisionStageOptions,
  deps: VisionStageDeps,
): Promise<VisionReport> {
  const { ownerId, signal } = options;
  const { provider, repository, logger } = deps;
  const now = deps.now ?? (() => new Date());
  if (deps.sun) {
    // A failed sun pass (it logs its photos) must not keep the models from running.
    await runSunStage(
      { ownerId, sourceRoot: options.sourceRoot, signal },
      { ...deps.sun, logger, now },
    ).catch((error: unknown) => logger.error('sun labels pass failed', { ownerId, error }));
    if (signal?.aborted) throw new VisionAborted('vision pass stopped');
  }
  const pending = await repository.pendingPhotos(ownerId, options.sourceRoot, provider.modelVersion);
  const report: VisionReport = {
    modelVersion: provider.modelVersion,
    analysed: 0,
    skipped: [],
    failed: 0,
    faces: 0,
    clusteredFaces: 0,
    people: 0,
  };
  let done = 0;
  let failuresInARow = 0;
  options.onPending?.(pending.length);
  await forEachBounded(pending, provider.concurrency, async (photo: PendingPhoto) => {
    if (signal?.aborted) throw new VisionAborted('vision pass stopped');
    let analysis;
    try {
      analysis = await provider.analyse(photo);
      failuresInARow = 0;
    } catch (error) {
      if (signal?.aborted) throw new VisionAborted('vision pass stopped');
      if (error instanceof VisionSkip || error instanceof WorkerCrashed) {
        await repository.recordSkip(
          ownerId,
          photo.photoId,
          provider.modelVersion,
          error.message,
          now().toISOString(),
        );
        report.skipped.push({ path: photo.sourcePath, reason: error.message });
        logger.warn('vision skipped a photo', { path: photo.sourcePath, reason: error.message });
      } else if (error instanceof WorkerPoolBroken) {
        throw error;
      } else {
        report.failed += 1;
        logger.warn('vision failed on a photo', { path: photo.sourcePath, error });
        if ((failuresInARow += 1) >= MAX_FAILURES_IN_A_ROW) throw error;
      }
    }
    if (analysis) {
      await repository.saveAnalysis(
        ownerId,
        photo.photoId,
        provider.modelVersion,
        analysis,
        now().toISOString(),
      );
      report.analysed += 1;
      report.faces += analysis.faces.length;
    }
    done += 1;
    options.onProgress?.({ done, total: pending.length, currentPath: photo.sourcePath });
  });
  if (signal?.aborted) throw new VisionAborted('vision pass stopped');
  const clustering = await deps.people.cluster(ownerId);
  report.clusteredFaces = clustering.movedFaces;
  report.people = clustering.people;
  report.skipped.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  logger.info('vision pass finished', { ...report, skipped: report.skipped.length });
  return report;
}
