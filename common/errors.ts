/**
 * The one error model shared by every tier: an HTTP status, a stable machine-readable code and a message that is
 * safe to show a client. Internal details go to `cause` and the log, never to the response.
 */
export interface AppErrorOptions {
  status: number;
  code: string;
  publicMessage: string;
  cause?: unknown;
}

export class AppError extends Error {
  readonly status: number;
  readonly code: string;
  readonly publicMessage: string;

  constructor(options: AppErrorOptions) {
    super(`${options.code}: ${options.publicMessage}`, { cause: options.cause });
    this.name = 'AppError';
    this.status = options.status;
    this.code = options.code;
    this.publicMessage = options.publicMessage;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** The JSON body every tier sends for an error. */
export interface ErrorBody {
  error: { code: string; message: string };
}

export function toErrorBody(error: AppError): ErrorBody {
  return { error: { code: error.code, message: error.publicMessage } };
}

export const badRequest = (code: string, publicMessage: string, cause?: unknown): AppError =>
  new AppError({ status: 400, code, publicMessage, cause });

export const notFound = (code: string, publicMessage: string): AppError =>
  new AppError({ status: 404, code, publicMessage });
