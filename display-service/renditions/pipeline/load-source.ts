import { displayErrors } from '../../errors';
import type { RenditionStage, SourceImage } from './context';

/** Checks each original's size before reading it, then reads it (bounded by the same limit) unless it is local. */
export const loadSource: RenditionStage = {
  name: 'load-source',
  async run(context) {
    const { job, limits, originals, signal } = context;
    const sources: SourceImage[] = [];
    for (const uri of job.sourceUris) {
      const bytes = await originals.size(uri, { signal });
      if (bytes > limits.maxSourceBytes) throw displayErrors.sourceTooLarge(bytes, limits.maxSourceBytes);
      if (bytes === 0) throw displayErrors.sourceUnreadable(new Error('original is empty'));
      signal.throwIfAborted();
      // A local file is left for libvips to stream (its pixel limit still guards the decode); only remote
      // originals are read into memory here.
      const path = originals.localFile?.(uri);
      sources.push(
        path === undefined
          ? await originals.read(uri, { maxBytes: limits.maxSourceBytes, signal })
          : { path },
      );
    }
    context.sources = sources;
  },
};
