import { AppError } from '../errors';

/** Every refusal authentication and authorization answer with; the codes are stable (clients and tests rely on them). */
export const authErrors = {
  required: (): AppError =>
    new AppError({
      status: 401,
      code: 'AUTH_REQUIRED',
      publicMessage: 'This route needs a credential: send Authorization: Bearer <token>',
    }),
  invalid: (): AppError =>
    new AppError({
      status: 401,
      code: 'AUTH_INVALID',
      publicMessage: 'The credential is unknown, revoked or malformed',
    }),
  ownerForbidden: (): AppError =>
    new AppError({
      status: 403,
      code: 'OWNER_FORBIDDEN',
      publicMessage: 'This credential may not act for that owner',
    }),
  ownerMismatch: (): AppError =>
    new AppError({
      status: 403,
      code: 'OWNER_MISMATCH',
      publicMessage: 'ownerId does not match the x-photo-owner header',
    }),
  scopeForbidden: (needed: string): AppError =>
    new AppError({
      status: 403,
      code: 'SCOPE_FORBIDDEN',
      publicMessage: `This credential lacks the scope ${needed}`,
    }),
  ownerRequired: (): AppError =>
    new AppError({
      status: 400,
      code: 'OWNER_HEADER_REQUIRED',
      publicMessage: 'A service credential must name the owner it acts for in x-photo-owner',
    }),
};
