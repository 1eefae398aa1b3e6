import { displayErrors } from '../../errors';
import type { RenditionStage } from './context';

/** Checks the original's size before reading it, then reads it (bounded by the same limit). */
export const loadSource: RenditionStage = {
  name: 'load-source',
  async run(context) {
    const { job, limits, originals, signal } = context;
    const bytes = await originals.size(job.sourceUri);
    if (bytes > limits.maxSourceBytes) throw displayErrors.sourceTooLarge(bytes, limits.maxSourceBytes);
    signal.throwIfAborted();
    context.source = await originals.read(job.sourceUri, { maxBytes: limits.maxSourceBytes, signal });
  },
};
