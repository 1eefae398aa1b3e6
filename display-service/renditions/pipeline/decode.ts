import { displayErrors } from '../../errors';
import { required, type RenditionStage } from './context';
import { layoutTiles } from './layout';
import { decodeForeground } from './render-tile';

/**
 * Lays the photos out on the screen (contain, cover or pair; round-safe on round screens) and decodes each
 * original once, straight to the size it is drawn at. Any decoder failure (truncated data, corrupt pixels) is the
 * original's fault: 422.
 */
export const decode: RenditionStage = {
  name: 'decode',
  async run(context) {
    if (context.onePass) return;
    const sources = required(context.sources, 'sources', this.name);
    const probes = required(context.probes, 'probes', this.name);
    const { job, limits } = context;
    try {
      context.tiles = await Promise.all(
        layoutTiles(job).map(async (tile) => {
          const source = required(sources[tile.source], `sources[${tile.source}]`, this.name);
          const probe = required(probes[tile.source], `probes[${tile.source}]`, this.name);
          const faces = job.faces?.[tile.source] ?? [];
          return { tile, foreground: await decodeForeground(source, probe, tile, faces, limits) };
        }),
      );
    } catch (error) {
      if (context.signal.aborted) throw context.signal.reason;
      throw displayErrors.sourceUnreadable(error);
    }
    // The originals' bytes (megabytes each) are not needed past here: let them go before compose and encode.
    context.sources = undefined;
  },
};
