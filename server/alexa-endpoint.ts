import { timingSafeEqual } from 'node:crypto';
import type { Skill } from 'ask-sdk-core';
import { ExpressAdapter } from 'ask-sdk-express-adapter';
import { Router, type RequestHandler } from 'express';
import { AppError, toErrorBody } from '../common/errors';
import { SIMULATOR_TOKEN_HEADER } from './local-secrets';

export interface AlexaEndpointOptions {
  /** Signature + timestamp verification for requests claiming to come from Alexa. */
  verifyRequests: boolean;
  /** When set, loopback requests carrying this token skip the signature check (timestamp is still checked). */
  simulatorToken: string | undefined;
}

/**
 * POST /alexa. Real Alexa requests are verified (certificate chain + Signature-256 + timestamp) unless the
 * operator turned verification off. The local simulator cannot hold Amazon's key, so it proves locality instead:
 * it reads a token only the operator's DATA_DIR holds and must connect over loopback.
 */
export function alexaEndpoint(skill: Skill, options: AlexaEndpointOptions): Router {
  const verified = new ExpressAdapter(
    skill,
    options.verifyRequests,
    options.verifyRequests,
  ).getRequestHandlers();
  const simulated = new ExpressAdapter(skill, false, true).getRequestHandlers();
  const router = Router();

  const dispatch: RequestHandler = (req, res, next) => {
    const presented = req.header(SIMULATOR_TOKEN_HEADER);
    if (presented === undefined) {
      runChain(verified, req, res, next);
      return;
    }
    if (
      !options.simulatorToken ||
      !isLoopback(req.socket.remoteAddress) ||
      !sameSecret(presented, options.simulatorToken)
    ) {
      const error = new AppError({
        status: 403,
        code: 'SIMULATOR_NOT_TRUSTED',
        publicMessage:
          'The simulator token is wrong, disabled, or the request did not come from this machine',
      });
      res.status(error.status).json(toErrorBody(error));
      return;
    }
    runChain(simulated, req, res, next);
  };
  router.post('/', dispatch);
  return router;
}

/**
 * ask-sdk-express-adapter answers a failed request with `${err.name}, ${err.message}` as plain text: certificate
 * download errors (with hostnames), skill exceptions. Replace that body with a stable code and a public message;
 * the adapter's own status (400 verification failed, 500 otherwise) stays.
 */
function publicErrorsOnly(res: Parameters<RequestHandler>[1]): void {
  const send = res.send.bind(res);
  res.send = (body?: unknown) => {
    if (
      res.statusCode < 400 ||
      typeof body !== 'string' ||
      res.getHeader('content-type')?.toString().includes('json')
    )
      return send(body);
    const error =
      res.statusCode === 400
        ? new AppError({
            status: 400,
            code: 'ALEXA_REQUEST_NOT_VERIFIED',
            publicMessage: 'The request could not be verified as coming from Alexa',
          })
        : new AppError({ status: 500, code: 'INTERNAL', publicMessage: 'Internal error' });
    res.type('application/json');
    return send(JSON.stringify(toErrorBody(error)));
  };
}

function runChain(chain: RequestHandler[], ...[req, res, next]: Parameters<RequestHandler>): void {
  publicErrorsOnly(res);
  const step = (index: number, error?: unknown): void => {
    const handler = chain[index];
    if (error !== undefined || handler === undefined) {
      next(error);
      return;
    }
    void handler(req, res, (err?: unknown) => step(index + 1, err));
  };
  step(0);
}

function isLoopback(address: string | undefined): boolean {
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}

function sameSecret(presented: string, expected: string): boolean {
  const a = Buffer.from(presented);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
