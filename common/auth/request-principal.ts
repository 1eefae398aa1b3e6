import type { Request, RequestHandler } from 'express';
import { OWNER_HEADER, ownerIdSchema } from '../contracts';
import { parseInput } from '../validation';
import { authErrors } from './auth-errors';
import type { Authenticator } from './authenticator';
import type { Principal } from './principal';
import { scopesAllow, type RequiredScope } from './scopes';

const PRINCIPAL = 'photoFramePrincipal';
const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * Mounted by a composition root in front of `/v1`: a request with `Authorization: Bearer …` gets its principal, or
 * 401 AUTH_INVALID for a wrong, revoked or forged credential. A request without one passes on unauthenticated:
 * the routers refuse it (401 AUTH_REQUIRED), except for signed rendition URLs, which are their own capability.
 */
export function authenticateRequests(authenticator: Authenticator): RequestHandler {
  return (req, res, next) => {
    const header = req.get('authorization');
    if (header === undefined) {
      next();
      return;
    }
    const token = BEARER.exec(header)?.[1];
    if (token === undefined) {
      next(authErrors.invalid());
      return;
    }
    authenticator.authenticate(token).then((principal) => {
      res.locals[PRINCIPAL] = principal;
      next();
    }, next);
  };
}

/**
 * Router-level guard: fail closed, also where a router is mounted without `authenticateRequests` in front. A
 * person's credential naming another owner in `x-photo-owner` is refused on every route, whatever it serves.
 */
export const requireAuthentication: RequestHandler = (req, _res, next) => {
  const principal = principalOf(req);
  if (principal === undefined) {
    next(authErrors.required());
    return;
  }
  const header = req.get(OWNER_HEADER);
  const foreign =
    principal.kind === 'person' && header !== undefined && header !== '' && header !== principal.ownerId;
  next(foreign ? authErrors.ownerForbidden() : undefined);
};

export function principalOf(req: Request): Principal | undefined {
  return req.res?.locals[PRINCIPAL] as Principal | undefined;
}

/**
 * The owner a request acts for. A person's credential: its own owner, and `x-photo-owner` (or an owner named in the
 * body, `claimed`) must be absent or the same. A service credential: the owner it names (header and body must
 * agree). Anything else is refused with a stable code.
 */
export function ownerFor(req: Request, scope: RequiredScope, claimed?: string): string {
  const principal = principalOf(req);
  if (principal === undefined) throw authErrors.required();
  const headerValue = req.get(OWNER_HEADER);
  const header = headerValue === undefined || headerValue === '' ? undefined : headerValue;
  if (principal.kind === 'person') {
    if (!scopesAllow(principal.scopes, scope)) throw authErrors.scopeForbidden(scope);
    if (header !== undefined && header !== principal.ownerId) throw authErrors.ownerForbidden();
    if (claimed !== undefined && claimed !== principal.ownerId) throw authErrors.ownerForbidden();
    return principal.ownerId;
  }
  if (header !== undefined && claimed !== undefined && header !== claimed) throw authErrors.ownerMismatch();
  const owner = header ?? claimed;
  if (owner === undefined) throw authErrors.ownerRequired();
  return parseInput(ownerIdSchema, owner, 'INVALID_OWNER');
}
