import type { Sharp } from 'sharp';
import { encodedInput, required, type RenditionContext, type RenditionStage } from './context';
import { foregroundBox, layoutTiles } from './layout';
import { foregroundPipeline } from './render-tile';

/**
 * Renders a screen that one photo fills (cropped to it) in a single libvips pipeline, original to encoded screen:
 * the decode then streams into the encoder, which compresses on a thread of its own while rows are still being
 * decoded, instead of the photo's pixels being written out, copied onto a screen by hand and read again by a
 * second pipeline. The photo's pixels are exactly those of the two passes (one-pass.test.ts).
 * Everything else takes the two passes (decode, then compose and encode): pairs; photos shown whole on their
 * blurred fill, which is made from the decoded photo; HEIC (decoded by the wasm libheif); photos with alpha
 * (flattened); and enlarged photos (sharpened after the resize), which have not been compared in one pass.
 * Tried and given up: the fill made before the decode from the photo's EXIF thumbnail, so contained photos could
 * take one pass too. Over HTTP it bought a lone render 1-3 ms at p50 and no throughput (three bench runs), and a
 * thumbnail an editor left stale (jpegtran -grayscale keeps the colour one) would colour the fill wrongly.
 */
export const onePass: RenditionStage = {
  name: 'one-pass',
  run(context) {
    const composed = onePassPipeline(context);
    if (composed) {
      context.onePass = true;
      context.composed = composed;
    }
    return Promise.resolve();
  },
};

function onePassPipeline(context: RenditionContext): (() => Sharp) | undefined {
  const sources = required(context.sources, 'sources', onePass.name);
  const probes = required(context.probes, 'probes', onePass.name);
  const { job, limits } = context;
  const tiles = layoutTiles(job);
  const tile = tiles[0];
  const source = sources[0];
  const probe = probes[0];
  if (tiles.length !== 1 || !tile || !source || !probe) return undefined;
  if (encodedInput(source) === undefined || probe.hasAlpha) return undefined;
  const box = foregroundBox(tile, probe);
  if (box.upscaled || box.width !== tile.width || box.height !== tile.height) return undefined;
  const faces = job.faces?.[tile.source] ?? [];
  return () => foregroundPipeline(source, probe, tile, faces, limits);
}
