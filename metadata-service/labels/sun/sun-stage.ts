import { access } from 'node:fs/promises';
import type { Logger } from '../../../common/logger';
import { forEachBounded } from '../../ingest/ingest-run';
import type { OriginalReader } from '../../vision/original-reader';
import { VisionSkip } from '../../vision/vision-types';
import { captureMoment } from './capture-moment';
import { SUN_LABEL_CONFIDENCE } from './sun-search-gate';
import { findSunLabels, SUN_LABELLER_VERSION, type SunFinding } from './sun-labeller';
import type { SunPendingPhoto, SunRecord, SunRepository } from './sun-repository';

export interface SunReport {
  labellerVersion: string;
  /** Photos looked at in this pass (the rest were looked at by this version with the same capture facts). */
  looked: number;
  /** Photos that got each label. */
  labels: Record<string, number>;
  /** Photos with no usable capture time (none, or the file's date) or no place (no GPS, no city). */
  noTime: number;
  noPlace: number;
  /** Photos whose picture could not be decoded (recorded: not retried until the version changes). */
  unreadable: number;
  /** Photos whose original could not be fetched for a reason outside the photo: retried next pass. */
  failed: number;
}

export interface SunStageOptions {
  ownerId: string;
  sourceRoot: string;
  signal?: AbortSignal;
}

export interface SunStageDeps {
  repository: SunRepository;
  originals: OriginalReader;
  logger: Logger;
  now?: () => Date;
  /** Photos decoded at once (libuv's threadpool does the work): 2 by default, one per core. */
  concurrency?: number;
}

class OriginalUnavailable extends Error {
  override readonly name = 'OriginalUnavailable';
}

/**
 * The sun pass of the analysis phase: every photo of the source whose sun labels were not worked out by this
 * labeller version with its current capture time and place gets them now (so a new version relabels existing
 * libraries, and a photo that gained a GPS position or a time zone is looked at again). Stops quietly when aborted.
 */
export async function runSunStage(options: SunStageOptions, deps: SunStageDeps): Promise<SunReport> {
  const { ownerId, signal } = options;
  const { repository, logger } = deps;
  const now = deps.now ?? (() => new Date());
  const pending = await repository.pendingPhotos(ownerId, options.sourceRoot, SUN_LABELLER_VERSION);
  const report: SunReport = {
    labellerVersion: SUN_LABELLER_VERSION,
    looked: 0,
    labels: {},
    noTime: 0,
    noPlace: 0,
    unreadable: 0,
    failed: 0,
  };
  await forEachBounded(pending, deps.concurrency ?? 2, async (photo) => {
    if (signal?.aborted) return;
    const record = await recordFor(photo, deps, report);
    if (!record) return;
    if (await repository.save(ownerId, photo.photoId, record, now().toISOString())) {
      report.looked += 1;
      for (const label of record.labels) report.labels[label.label] = (report.labels[label.label] ?? 0) + 1;
    }
  });
  logger.info('sun labels pass finished', { ...report });
  return report;
}

async function recordFor(
  photo: SunPendingPhoto,
  deps: SunStageDeps,
  report: SunReport,
): Promise<SunRecord | undefined> {
  const base = { labellerVersion: SUN_LABELLER_VERSION, inputs: photo.inputs };
  const moment = captureMoment(photo.facts);
  if ('missing' in moment) {
    if (moment.missing === 'time') report.noTime += 1;
    else report.noPlace += 1;
    return {
      ...base,
      outcome: moment.missing === 'time' ? 'no-time' : 'no-place',
      evidence: null,
      labels: [],
    };
  }
  let finding: SunFinding;
  try {
    finding = await findSunLabels(
      moment,
      async () => {
        try {
          const original = await deps.originals.read(photo.uri);
          // A file that is not there (an unmounted disk, a file moved since ingest) is no verdict on the picture.
          if ('path' in original) await access(original.path);
          return original;
        } catch (error) {
          if (error instanceof VisionSkip) throw error;
          throw new OriginalUnavailable('original could not be read', { cause: error });
        }
      },
      photo.mediaType,
    );
  } catch (error) {
    if (error instanceof OriginalUnavailable) {
      report.failed += 1;
      deps.logger.warn('sun labels could not read a photo', { path: photo.sourcePath, error: error.cause });
      return undefined;
    }
    report.unreadable += 1;
    deps.logger.warn('sun labels could not decode a photo', { path: photo.sourcePath, error });
    return { ...base, outcome: 'unreadable', evidence: null, labels: [] };
  }
  return {
    ...base,
    outcome: 'labelled',
    evidence: {
      moment: { ...finding.moment, instant: finding.moment.instant.toISOString() },
      sun: finding.sun,
      light: finding.light,
      labels: finding.labels.map((e) => ({ label: e.label, sunRule: e.sunRule, colourRule: e.colourRule })),
    },
    labels: finding.labels.map((e) => ({ label: e.label, source: 'sun', confidence: SUN_LABEL_CONFIDENCE })),
  };
}
