import type { CredentialScope } from './scopes';

/**
 * Who is calling, as proven by a credential. A person (or an app holding a person's credential) acts only for its
 * own owner; a service (the skill, the display) may act for the owner it names in `x-photo-owner`.
 */
export type Principal =
  | { kind: 'person'; ownerId: string; credentialId: string; scopes: readonly CredentialScope[] }
  | { kind: 'service' };
