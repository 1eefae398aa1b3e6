import { displayErrors } from '../../errors';
import type { RenditionStage } from './context';

/** Checks each original's size before reading it, then reads it (bounded by the same limit). */
export const loadSource: RenditionStage = {
  name: 'load-source',
  async run(context) {
    const { job, limits, originals, signal } = context;
    const sources: Buffer[] = [];
    for (const uri of job.sourceUris) {
      const bytes = await originals.size(uri, { signal });
      if (bytes > limits.maxSourceBytes) throw displayErrors.sourceTooLarge(bytes, limits.maxSourceBytes);
      if (bytes === 0) throw displayErrors.sourceUnreadable(new Error('original is empty'));
      signal.throwIfAborted();
      sources.push(await originals.read(uri, { maxBytes: limits.maxSourceBytes, signal }));
    }
    context.sources = sources;
  },
};
