import sharp from 'sharp';
import { displayErrors } from '../../errors';
import { required, sharpTimeoutSeconds, type RenditionStage } from './context';
import { layoutTiles } from './layout';
import { blurredBackground, decodeForeground, tilePipeline } from './render-tile';

/**
 * Lays the photos out on the screen (contain, cover or pair; round-safe on round screens), decoding each
 * original once. Any decoder failure (truncated data, corrupt pixels) is the original's fault: 422.
 */
export const compose: RenditionStage = {
  name: 'compose',
  async run(context) {
    const sources = required(context.sources, 'sources', this.name);
    const probes = required(context.probes, 'probes', this.name);
    const { job, limits } = context;
    try {
      const tiles = await Promise.all(
        layoutTiles(job).map(async (tile) => {
          const source = required(sources[tile.source], `sources[${tile.source}]`, this.name);
          const probe = required(probes[tile.source], `probes[${tile.source}]`, this.name);
          const foreground = await decodeForeground(source, probe, tile, limits);
          context.signal.throwIfAborted();
          return { tile, foreground, background: await blurredBackground(foreground, tile, limits) };
        }),
      );
      context.signal.throwIfAborted();
      const [only] = tiles;
      if (tiles.length === 1 && only) {
        context.composed = () => tilePipeline(only.foreground, only.background, only.tile, limits);
        return;
      }
      const layers = await Promise.all(
        tiles.map(async ({ tile, foreground, background }) => {
          const { data, info } = await tilePipeline(foreground, background, tile, limits)
            .raw({ depth: 'uchar' })
            .toBuffer({ resolveWithObject: true });
          return {
            input: data,
            raw: { width: info.width, height: info.height, channels: info.channels },
            left: tile.left,
            top: tile.top,
          };
        }),
      );
      context.composed = () =>
        sharp({ create: { width: job.width, height: job.height, channels: 3, background: '#000000' } })
          .timeout({ seconds: sharpTimeoutSeconds(limits) })
          .composite(layers);
    } catch (error) {
      if (context.signal.aborted) throw context.signal.reason;
      throw displayErrors.sourceUnreadable(error);
    }
  },
};
