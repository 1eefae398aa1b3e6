import type { RenditionLimits } from '../limits';
import type { OriginalStore } from '../original-store';
import { RenditionDeadline } from '../rendition-deadline';
import type { FormatSettings } from '../output-formats';
import { compose } from './compose';
import { decode } from './decode';
import { decodeHeicSources } from './decode-heic';
import { required, type RenditionContext, type RenditionJob, type RenditionStage } from './context';
import { encode } from './encode';
import { loadSource } from './load-source';
import { onePass } from './one-pass';
import { probeSource } from './probe-source';

/** The whole transform, in order; limits are checked by the first two stages before any decoding. */
export const RENDITION_STAGES: readonly RenditionStage[] = [
  loadSource,
  probeSource,
  decodeHeicSources,
  onePass,
  decode,
  compose,
  encode,
];

/** The stage names, in order, for metrics labels. */
export const RENDITION_STAGE_NAMES: readonly string[] = RENDITION_STAGES.map((stage) => stage.name);

/** Part of every cache key: bump it whenever a stage changes what the output looks like. */
export const PIPELINE_VERSION =
  'v3.screen-aspect.crop-near.faces.upscale-2x.band-fill.loop-fill.fill-16th.centre-near';

export interface RenderDependencies {
  originals: OriginalStore;
  limits: RenditionLimits;
  formats: FormatSettings;
  /** Told how long each stage took (seconds), also for the stage that failed; for /metrics. */
  onStage?: (stage: string, seconds: number) => void;
}

/**
 * Runs the pipeline within `deadline` (one the caller started when the rendition was asked for, so queueing counts)
 * or, without one, within limits.renderTimeoutMs from now. A rendition that overruns answers 503 with a code naming
 * what was slow (ORIGINAL_STORE_TIMEOUT while reading the original, RENDER_TIMEOUT while rendering).
 */
export async function renderRendition(
  job: RenditionJob,
  deps: RenderDependencies,
  deadline?: RenditionDeadline,
): Promise<Buffer> {
  const running = deadline ?? new RenditionDeadline(deps.limits.renderTimeoutMs);
  const context: RenditionContext = {
    job,
    limits: deps.limits,
    formats: deps.formats,
    originals: deps.originals,
    signal: running.signal,
  };
  try {
    const stages = runStages(context, RENDITION_STAGES, running, deps.onStage);
    // With the caller's deadline the caller races it and answers on time; here the stages are awaited to their
    // end (each stops at the signal or its own sharp timeout), so the render slot this runs in stays taken until
    // the work really stops. Releasing it at the deadline let abandoned renders pile up on libuv's four threads,
    // where they starved the reads of new renditions (found by npm run bench:load).
    await (deadline === undefined ? running.race(stages) : stages);
    return required(context.output, 'output', 'render-rendition');
  } finally {
    // A caller's deadline is the caller's to clear (it may still be racing the queue around this render).
    if (running !== deadline) running.clear();
  }
}

async function runStages(
  context: RenditionContext,
  stages: readonly RenditionStage[],
  deadline: RenditionDeadline,
  onStage: RenderDependencies['onStage'],
): Promise<void> {
  for (const stage of stages) {
    context.signal.throwIfAborted();
    deadline.phase = stage === loadSource ? 'reading-original' : 'rendering';
    const started = performance.now();
    try {
      await stage.run(context);
    } finally {
      onStage?.(stage.name, (performance.now() - started) / 1000);
    }
  }
}
