import { displayErrors } from '../../errors';
import type { RenditionLimits } from '../limits';
import type { OriginalStore } from '../original-store';
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

/** Runs the pipeline under limits.renderTimeoutMs; a render that overruns answers 503 RENDER_TIMEOUT. */
export async function renderRendition(job: RenditionJob, deps: RenderDependencies): Promise<Buffer> {
  const { limits } = deps;
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      const error = displayErrors.renderTimeout(limits.renderTimeoutMs);
      controller.abort(error);
      reject(error);
    }, limits.renderTimeoutMs);
  });
  const context: RenditionContext = {
    job,
    limits,
    formats: deps.formats,
    originals: deps.originals,
    signal: controller.signal,
  };
  try {
    await Promise.race([runStages(context, RENDITION_STAGES), timeout]);
    return required(context.output, 'output', 'render-rendition');
  } finally {
    clearTimeout(timer);
  }
}

async function runStages(context: RenditionContext, stages: readonly RenditionStage[]): Promise<void> {
  for (const stage of stages) {
    context.signal.throwIfAborted();
    await stage.run(context);
  }
}
