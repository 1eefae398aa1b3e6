import type { RenditionLimits } from '../limits';
import type { OriginalStore } from '../original-store';
import { RenditionDeadline } from '../rendition-deadline';
import type { FormatSettings } from '../output-formats';
import { compose } from './compose';
import { decodeHeicSources } from './decode-heic';
import { required, type RenditionContext, type RenditionJob, type RenditionStage } from './context';
import { encode } from './encode';
import { loadSource } from './load-source';
import { probeSource } from './probe-source';

/** The whole transform, in order; limits are checked by the first two stages before any decoding. */
export const RENDITION_STAGES: readonly RenditionStage[] = [
  loadSource,
  probeSource,
  decodeHeicSources,
  compose,
  encode,
];

/** Part of every cache key: bump it whenever a stage changes what the output looks like. */
export const PIPELINE_VERSION = 'v2.1.decode-once.round-safe.no-upscale';

export interface RenderDependencies {
  originals: OriginalStore;
  limits: RenditionLimits;
  formats: FormatSettings;
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
    const stages = runStages(context, RENDITION_STAGES, running);
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
): Promise<void> {
  for (const stage of stages) {
    context.signal.throwIfAborted();
    deadline.phase = stage === loadSource ? 'reading-original' : 'rendering';
    await stage.run(context);
  }
}
