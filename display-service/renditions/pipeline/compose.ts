import sharp from 'sharp';
import { required, sharpTimeoutSeconds, type RenditionStage } from './context';
import { RawCanvas } from './raw-canvas';
import { blurredBackground, paintTile } from './render-tile';

/**
 * Puts the decoded photos on the screen: each tile's blurred fill where its photo leaves room, the photo over it.
 * Works from the decoded pixels only (never the original again), so a failure here is ours, not the original's.
 */
export const compose: RenditionStage = {
  name: 'compose',
  run(context) {
    if (context.onePass) return Promise.resolve();
    const tiles = required(context.tiles, 'tiles', this.name);
    const { job, limits } = context;
    const canvas = new RawCanvas(job.width, job.height);
    // Plain loops on the main thread (~3 ms per screen): cheaper than handing such small work to libvips.
    for (const decoded of tiles) {
      paintTile(canvas, decoded, blurredBackground(decoded.foreground, decoded.tile));
    }
    // Everything is in the canvas now; the decoded photos need not stay in memory while the encoder runs.
    context.tiles = undefined;
    context.composed = () =>
      sharp(canvas.data, { raw: canvas.raw }).timeout({ seconds: sharpTimeoutSeconds(limits) });
    context.releaseComposed = () => canvas.release();
    return Promise.resolve();
  },
};
