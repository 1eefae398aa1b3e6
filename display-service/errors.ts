import { AppError } from '../common/errors';
import { describeRenditionSizes } from './renditions/presets';

/**
 * Every error the display tier answers with, in one place so codes stay stable. Public messages never carry
 * paths, URIs or library internals; those go to `cause` and the log.
 */
export const displayErrors = {
  slideshowNotFound: (): AppError =>
    new AppError({ status: 404, code: 'SLIDESHOW_NOT_FOUND', publicMessage: 'Slideshow not found' }),
  ambientPageTooFar: (made: number, ahead: number): AppError =>
    new AppError({
      status: 400,
      code: 'AMBIENT_PAGE_TOO_FAR',
      publicMessage: `An ambient page may start at most ${ahead} items after the ${made} made so far`,
    }),
  ambientBusy: (): AppError =>
    new AppError({
      status: 503,
      code: 'AMBIENT_BUSY',
      publicMessage: 'The ambient slideshow is being extended by another request; try again',
    }),
  positionOutOfRange: (made: number): AppError =>
    new AppError({
      status: 400,
      code: 'POSITION_OUT_OF_RANGE',
      publicMessage: `Position must be the index of an item already made (0 to ${Math.max(made - 1, 0)})`,
    }),
  signatureInvalid: (): AppError =>
    new AppError({
      status: 403,
      code: 'RENDITION_SIGNATURE_INVALID',
      publicMessage: 'Rendition URL signature is invalid',
    }),
  invalidRenditionSize: (): AppError =>
    new AppError({
      status: 400,
      code: 'INVALID_RENDITION_SIZE',
      publicMessage: `Rendition size must be a quantized screen size: ${describeRenditionSizes()}`,
    }),
  invalidComposition: (detail: string): AppError =>
    new AppError({ status: 400, code: 'INVALID_COMPOSITION', publicMessage: detail }),
  pairSamePhoto: (): AppError =>
    new AppError({
      status: 400,
      code: 'PAIR_SAME_PHOTO',
      publicMessage: 'A pair shows two different photos, never the same one twice',
    }),
  urlExpired: (): AppError =>
    new AppError({ status: 410, code: 'RENDITION_URL_EXPIRED', publicMessage: 'Rendition URL has expired' }),
  sourceTooLarge: (bytes: number, limit: number): AppError =>
    new AppError({
      status: 422,
      code: 'SOURCE_TOO_LARGE',
      publicMessage: 'Original photo is too large to render',
      cause: new Error(`source is ${bytes} bytes, limit ${limit}`),
    }),
  sourceTooManyPixels: (pixels: number, limit: number): AppError =>
    new AppError({
      status: 422,
      code: 'SOURCE_TOO_MANY_PIXELS',
      publicMessage: 'Original photo has too many pixels to render',
      cause: new Error(`source has ${pixels} pixels, limit ${limit}`),
    }),
  sourceUnreadable: (cause: unknown): AppError =>
    new AppError({
      status: 422,
      code: 'SOURCE_UNREADABLE',
      publicMessage: 'Original photo is not a readable image',
      cause,
    }),
  originalNotFound: (cause?: unknown): AppError =>
    new AppError({
      status: 404,
      code: 'ORIGINAL_NOT_FOUND',
      publicMessage: 'Original photo not found',
      cause,
    }),
  sourceSchemeUnsupported: (scheme: string): AppError =>
    new AppError({
      status: 501,
      code: 'SOURCE_SCHEME_UNSUPPORTED',
      publicMessage: `Originals stored under ${scheme}// cannot be read by this display service yet`,
    }),
  renderTimeout: (timeoutMs: number): AppError =>
    new AppError({
      status: 503,
      code: 'RENDER_TIMEOUT',
      publicMessage: 'Rendering took too long; try again',
      cause: new Error(`render exceeded ${timeoutMs} ms`),
    }),
};
