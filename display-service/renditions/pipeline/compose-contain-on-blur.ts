import sharp, { type CreateRaw, type OutputInfo, type Sharp } from 'sharp';
import { displayErrors } from '../../errors';
import {
  required,
  sharpTimeoutSeconds,
  type RawImage,
  type RenditionContext,
  type RenditionStage,
} from './context';

/** The background is blurred at this fraction of the screen size, then scaled up: same look, far less work. */
const BACKGROUND_SCALE = 1 / 8;
const BACKGROUND_BLUR_SIGMA = 3;
const BACKGROUND_BRIGHTNESS = 0.55;

/**
 * "Contain on blur": the whole photo, upright and as large as fits, centred on a blurred, darkened, screen-filling
 * copy of itself, so every screen gets exactly W×H pixels with no black bars and no crop of the photo.
 * Round screens get the same composition; the shape is part of the cache key so it can diverge later.
 */
export const composeContainOnBlur: RenditionStage = {
  name: 'compose-contain-on-blur',
  async run(context) {
    const source = required(context.source, 'source', this.name);
    const { width, height } = context.job;
    try {
      const [background, foreground] = await Promise.all([
        renderBackground(context, source),
        renderForeground(context, source),
      ]);
      context.signal.throwIfAborted();
      const { data, info } = await sharp(background.data, { raw: rawInfo(background) })
        .resize(width, height, { fit: 'fill' })
        .composite([{ input: foreground.data, raw: rawInfo(foreground), gravity: 'centre' }])
        .timeout({ seconds: sharpTimeoutSeconds(context.limits) })
        .raw()
        .toBuffer({ resolveWithObject: true });
      context.composed = toRawImage(data, info);
    } catch (error) {
      if (context.signal.aborted) throw context.signal.reason;
      throw displayErrors.sourceUnreadable(error);
    }
  },
};

/** Auto-oriented decode of the original, with the pixel limit kept as a second guard behind probe-source. */
function decode(context: RenditionContext, source: Buffer): Sharp {
  return sharp(source, {
    failOn: 'error',
    limitInputPixels: context.limits.maxSourcePixels,
    autoOrient: true,
  }).timeout({ seconds: sharpTimeoutSeconds(context.limits) });
}

async function renderBackground(context: RenditionContext, source: Buffer): Promise<RawImage> {
  const { width, height } = context.job;
  const { data, info } = await decode(context, source)
    .resize(
      Math.max(8, Math.round(width * BACKGROUND_SCALE)),
      Math.max(8, Math.round(height * BACKGROUND_SCALE)),
      {
        fit: 'cover',
      },
    )
    .flatten({ background: '#000000' })
    .blur(BACKGROUND_BLUR_SIGMA)
    .modulate({ brightness: BACKGROUND_BRIGHTNESS })
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  return toRawImage(data, info);
}

async function renderForeground(context: RenditionContext, source: Buffer): Promise<RawImage> {
  const { width, height } = context.job;
  const { data, info } = await decode(context, source)
    .resize(width, height, { fit: 'inside' })
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  return toRawImage(data, info);
}

function toRawImage(data: Buffer, info: OutputInfo): RawImage {
  return { data, width: info.width, height: info.height, channels: info.channels };
}

function rawInfo(image: RawImage): CreateRaw {
  return { width: image.width, height: image.height, channels: image.channels };
}
