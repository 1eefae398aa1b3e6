import { AppError } from '../../../common/errors';

/** Every error the web frame and the preview answer with; codes are stable, messages safe to show. */
export const frameErrors = {
  codeInvalid: (): AppError =>
    new AppError({
      status: 404,
      code: 'FRAME_CODE_INVALID',
      publicMessage: 'No frame is showing that code (codes are single-use and expire after a few minutes)',
    }),
  linkRateLimited: (retryAfterSeconds: number): AppError =>
    new AppError({
      status: 429,
      code: 'FRAME_LINK_RATE_LIMITED',
      publicMessage: `Too many wrong frame codes; try again in ${Math.ceil(retryAfterSeconds / 60)} minutes`,
    }),
  accountsOff: (): AppError =>
    new AppError({
      status: 409,
      code: 'FRAME_ACCOUNTS_OFF',
      publicMessage: 'Frames show the local library; linking is only needed when frame accounts are enabled',
    }),
  frameNotFound: (): AppError =>
    new AppError({
      status: 404,
      code: 'FRAME_NOT_FOUND',
      publicMessage: 'No frame with that id is linked to this library',
    }),
  sessionRequired: (): AppError =>
    new AppError({
      status: 401,
      code: 'SESSION_REQUIRED',
      publicMessage: 'Sign in with the owner credential, or open the page on the machine running Photo Frame',
    }),
  notLinked: (): AppError =>
    new AppError({
      status: 401,
      code: 'FRAME_NOT_LINKED',
      publicMessage: 'This frame is not linked to a library yet',
    }),
  codeUnavailable: (): AppError =>
    new AppError({
      status: 503,
      code: 'FRAME_CODE_UNAVAILABLE',
      publicMessage: 'No free frame code right now; try again in a minute',
    }),
  textNotUnderstood: (): AppError =>
    new AppError({
      status: 422,
      code: 'TEXT_NOT_UNDERSTOOD',
      publicMessage: 'Nothing in that text matched a label, person, album, place or date in the library',
    }),
  /** `answer`: the library's nothingFound in words (common/answers), the same sentence `npm run search` prints. */
  noMatchingPhotos: (answer = 'No photos match that text'): AppError =>
    new AppError({ status: 404, code: 'NO_MATCHING_PHOTOS', publicMessage: answer }),
  unknownDevice: (known: readonly string[]): AppError =>
    new AppError({
      status: 400,
      code: 'UNKNOWN_DEVICE',
      publicMessage: `Unknown device; known devices: ${known.join(', ')}`,
    }),
  bundleUnavailable: (cause: unknown): AppError =>
    new AppError({
      status: 500,
      code: 'FRAME_BUNDLE_UNAVAILABLE',
      publicMessage: 'The frame client could not be built',
      cause,
    }),
};
