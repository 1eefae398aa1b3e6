import { authErrors } from './auth-errors';
import type { Principal } from './principal';
import type { ServiceCredentials } from './service-credentials';
import { looksLikePersonToken } from './tokens';

export type PersonPrincipal = Extract<Principal, { kind: 'person' }>;

/** Where person credentials are checked: the credentials table, or (a display on its own) the library. */
export interface PersonCredentialVerifier {
  /** The principal for an active credential with this token; undefined when unknown or revoked. */
  verify(token: string): Promise<PersonPrincipal | undefined>;
  /** Whether the credential is still active (a session minted from it ends when it is revoked). */
  isActive(credentialId: string): Promise<boolean>;
}

/** Turns a bearer token into who is calling: a service, a person, or 401 AUTH_INVALID. */
export class Authenticator {
  constructor(
    private readonly services: ServiceCredentials,
    private readonly persons: PersonCredentialVerifier | undefined,
  ) {}

  async authenticate(token: string): Promise<Principal> {
    if (looksLikePersonToken(token)) {
      const person = await this.persons?.verify(token);
      if (person) return person;
      throw authErrors.invalid();
    }
    if (this.services.accepts(token)) return { kind: 'service' };
    throw authErrors.invalid();
  }

  /** A person token only (sign-in pages never accept a service credential). */
  async authenticatePerson(token: string): Promise<PersonPrincipal> {
    const person = looksLikePersonToken(token) ? await this.persons?.verify(token) : undefined;
    if (!person) throw authErrors.invalid();
    return person;
  }

  async credentialActive(credentialId: string): Promise<boolean> {
    return (await this.persons?.isActive(credentialId)) ?? false;
  }
}
