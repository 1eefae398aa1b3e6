import { AppError } from '../../../common/errors';

/** Errors only the web app answers with (the frame's own are in frame/server/frame-errors.ts). */
export const webAppErrors = {
  scopeForbidden: (needed: string): AppError =>
    new AppError({
      status: 403,
      code: 'SCOPE_FORBIDDEN',
      publicMessage: `Signed in with a credential that lacks the scope ${needed}; sign in with an owner credential`,
    }),
  accountsOff: (): AppError =>
    new AppError({
      status: 409,
      code: 'FRAME_ACCOUNTS_OFF',
      publicMessage: 'Frames show this library without linking (FRAME_ACCOUNTS is off)',
    }),
};
