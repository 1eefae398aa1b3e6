import type { RequestEnvelope } from 'ask-sdk-model';
import type { Logger } from '../../common/logger';
import { TtlCache } from '../util/ttl-cache';
import { createLwaProfileClient, type LwaProfileLookup, type ProfileLookup } from './lwa-profile';
import { accountOwnerId, personOwnerId, sha256Hex } from './owner-ids';
import type { OwnerResolution, SkillIdentity } from './skill-identity';

/** Alexa refreshes tokens itself (about hourly); a few minutes of trust saves an LWA call on every request. */
const VALID_TOKEN_TTL_MS = 5 * 60_000;
/** A rejected token is asked about again soon: the user may just have relinked. */
const REJECTED_TOKEN_TTL_MS = 60_000;
const MAX_CACHED_TOKENS = 10_000;

export type OwnerResolver = (envelope: RequestEnvelope) => Promise<OwnerResolution>;

export function createOwnerResolver(identity: SkillIdentity, logger: Logger): OwnerResolver {
  if (identity.kind === 'local') {
    const resolved: OwnerResolution = { status: 'resolved', ownerId: identity.ownerId, via: 'local' };
    return () => Promise.resolve(resolved);
  }
  const lookup = cachedLookup(createLwaProfileClient(identity));

  return async (envelope) => {
    const system = envelope.context?.System;
    const person = system?.person;
    const accountToken = system?.user?.accessToken;

    // A recognised speaker who linked personally reads their own library.
    if (person?.accessToken) {
      const outcome = await lookup(person.accessToken);
      if (outcome.kind === 'valid') {
        const owner = accountOwnerId(outcome.profile.userId);
        return person.personId
          ? { status: 'resolved', ownerId: personOwnerId(owner, person.personId), via: 'person' }
          : { status: 'resolved', ownerId: owner, via: 'account' };
      }
      if (outcome.kind === 'unavailable') return unavailable(logger, outcome);
      // The personal link was revoked or expired: the account's link still names the household's library.
      logger.info('person access token rejected; trying the account token', { status: outcome.status });
    }

    if (!accountToken) {
      return {
        status: 'link-required',
        reason: person?.accessToken ? 'invalid-token' : 'missing-token',
      };
    }
    const outcome = await lookup(accountToken);
    if (outcome.kind === 'valid') {
      return { status: 'resolved', ownerId: accountOwnerId(outcome.profile.userId), via: 'account' };
    }
    if (outcome.kind === 'unavailable') return unavailable(logger, outcome);
    logger.info('account access token rejected', { status: outcome.status, error: outcome.error });
    return { status: 'link-required', reason: 'invalid-token' };
  };
}

function unavailable(logger: Logger, outcome: { reason: string }): OwnerResolution {
  logger.warn('Login with Amazon unavailable', { reason: outcome.reason });
  return { status: 'unavailable' };
}

/** Keyed by the token's hash, so the cache never holds a usable token; LWA outages are never cached. */
function cachedLookup(lookup: LwaProfileLookup): LwaProfileLookup {
  const cache = new TtlCache<ProfileLookup>(MAX_CACHED_TOKENS);
  return async (token) => {
    const key = sha256Hex(token);
    const cached = cache.get(key);
    if (cached) return cached;
    const outcome = await lookup(token);
    if (outcome.kind === 'valid') cache.set(key, outcome, VALID_TOKEN_TTL_MS);
    else if (outcome.kind === 'invalid') cache.set(key, outcome, REJECTED_TOKEN_TTL_MS);
    return outcome;
  };
}
