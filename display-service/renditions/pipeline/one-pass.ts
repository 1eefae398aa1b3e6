import type { Sharp } from 'sharp';
import { encodedInput, required, type RenditionContext, type RenditionStage } from './context';
import { foregroundBox, layoutTiles } from './layout';
import { RawCanvas } from './raw-canvas';
import { backgroundFrom, backgroundSize, foregroundPipeline, paintBands, photoPlace } from './render-tile';
import { uprightThumbnail } from './thumbnail-photo';

/**
 * Renders a one-photo screen in a single libvips pipeline, original to encoded screen, when it can: the decode
 * then streams into the encoder (which compresses on a thread of its own while the rows are still being decoded)
 * instead of the photo's pixels being written out, composed by hand and read again by a second pipeline.
 * - A photo that fills the screen (cropped to it) needs nothing else.
 * - A photo shown whole on its blurred fill needs the fill before the decode starts, so it is made from the photo's
 *   EXIF thumbnail (cameras and phones write one, 160x120 and up): the bands are painted into an otherwise black
 *   screen, and the pipeline puts the photo on black in its place (extend) and ORs the two, which copies each pixel
 *   from whichever has it (both are never lit at once). The fill made from a 160x120 thumbnail matches the one
 *   made from the photo itself (fill-similarity.test.ts).
 * Anything else takes the two passes (decode, then compose and encode): pairs; HEIC (decoded by the wasm libheif);
 * photos with alpha; enlarged photos (sharpened after the resize, which libvips would do across the black edge
 * too); filled photos without a usable thumbnail (none, another shape, too small for the screen, not 3-channel);
 * and filled photos while another render is running. Measured reason for the last: under load one pass kept the
 * cores no busier (0.75-0.76x a plain resize against 0.72-0.76x in two passes), but 50 slideshow clients peaked at
 * 343-349 MB of RSS against 326-341 MB (means of five runs each, bench/display section 4; the target is 350 MB): the
 * screen of bands stays allocated while the whole pipeline runs. A render on its own is what a device waits for
 * after someone speaks, and it has the memory to spare.
 * Measured (npm run bench:display, 12 MP JPEGs on an Echo Show 8): a lone cold rendition p50 52 / p95 55 ms in one
 * pass against 53 / 63 ms in two; at 2 renders at once, 0.76x a plain sharp resize in one pass against 0.72x.
 * PIPELINE_VERSION stays: a rendition cached from two passes shows the very same photo on a fill within a level of
 * this one's, so re-rendering it would buy nothing.
 */
export const onePass: RenditionStage = {
  name: 'one-pass',
  async run(context) {
    const plan = await planOnePass(context);
    if (!plan) return;
    context.onePass = true;
    context.composed = plan.composed;
    context.releaseComposed = plan.release;
  },
};

interface OnePassPlan {
  composed: () => Sharp;
  release?: () => void;
}

async function planOnePass(context: RenditionContext): Promise<OnePassPlan | undefined> {
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
  if (box.upscaled) return undefined;
  const faces = job.faces?.[tile.source] ?? [];
  const photo = () => foregroundPipeline(source, probe, tile, faces, limits);
  if (box.width === tile.width && box.height === tile.height) return { composed: photo };

  if (!context.runsAlone()) return undefined;
  if (probe.jpeg?.components !== 3) return undefined;
  const thumbnail = await uprightThumbnail(probe.jpeg, probe, backgroundSize(tile), limits);
  if (!thumbnail) return undefined;
  context.signal.throwIfAborted();
  const place = photoPlace(tile, box);
  const bands = new RawCanvas(job.width, job.height);
  paintBands(bands, tile, place, backgroundFrom(thumbnail, tile));
  return {
    composed: () =>
      photo()
        .extend({
          top: place.top,
          left: place.left,
          bottom: tile.height - place.top - place.height,
          right: tile.width - place.left - place.width,
          background: '#000000',
        })
        .boolean(bands.data, 'or', { raw: bands.raw }),
    release: () => bands.release(),
  };
}
