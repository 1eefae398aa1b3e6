import type { HandlerInput } from 'ask-sdk-core';
import type { Viewport } from '../../common/contracts';
import { AppError } from '../../common/errors';
import type { OwnerResolution } from '../identity/skill-identity';
import type { UserContext } from './user-context';

/** Per-request facts computed once by interceptors and read by handlers. */
interface PhotoFrameRequestAttributes {
  /** Set when the device can show the APL slideshow; the size renditions are made for. */
  aplViewport?: Viewport;
  /** Whose library this request reads; unset for requests that read none (SessionEnded, Stop…). */
  owner?: OwnerResolution;
  /** The owner's settings and time zone, loaded on first use; set once the owner is resolved. */
  user?: UserContext;
}

const KEY = 'photoFrame';

/** Adds facts to what earlier interceptors recorded. */
export function setRequestFacts(input: HandlerInput, facts: PhotoFrameRequestAttributes): void {
  const attributes = input.attributesManager.getRequestAttributes();
  const previous = attributes[KEY] as PhotoFrameRequestAttributes | undefined;
  input.attributesManager.setRequestAttributes({ ...attributes, [KEY]: { ...previous, ...facts } });
}

export function requestFactsOf(input: HandlerInput): PhotoFrameRequestAttributes {
  const facts = input.attributesManager.getRequestAttributes()[KEY] as
    PhotoFrameRequestAttributes | undefined;
  return facts ?? {};
}

/**
 * The library owner of this request. Handlers that read a library run only once the owner is resolved (the
 * account-linking handler answers first otherwise), so a missing owner here is a wiring bug.
 */
export function ownerIdOf(input: HandlerInput): string {
  const owner = requestFactsOf(input).owner;
  if (owner?.status !== 'resolved') {
    throw new AppError({ status: 500, code: 'OWNER_UNRESOLVED', publicMessage: 'No library owner' });
  }
  return owner.ownerId;
}

export function userContextOf(input: HandlerInput): UserContext {
  const user = requestFactsOf(input).user;
  if (!user) {
    throw new AppError({ status: 500, code: 'OWNER_UNRESOLVED', publicMessage: 'No user settings' });
  }
  return user;
}
