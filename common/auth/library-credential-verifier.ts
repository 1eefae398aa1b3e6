import { z } from 'zod';
import { fetchJson } from '../http/json-client';
import type { PersonCredentialVerifier, PersonPrincipal } from './authenticator';
import { credentialScopeSchema } from './scopes';
import { hashToken } from './tokens';

const selfSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('person'),
    ownerId: z.string().min(1),
    credentialId: z.string().min(1),
    scopes: z.array(credentialScopeSchema),
  }),
  z.object({ kind: z.literal('service') }),
]);

const CACHE_MS = 30_000;
const CACHE_ENTRIES = 1000;

const activeSchema = z.object({ active: z.boolean() });

/**
 * Person credentials checked by the library (`GET /v1/library/credentials/self`), for a tier that does not hold
 * the credentials table (a display on its own); with the tier's service credential, whether a sign-in session's
 * credential is still active too (`GET /v1/library/credentials/{id}/active`). Answers are kept 30 s, so a
 * revocation takes effect within that.
 */
export class LibraryCredentialVerifier implements PersonCredentialVerifier {
  private readonly cache = new Map<string, { principal: PersonPrincipal | undefined; until: number }>();
  private readonly activeCache = new Map<string, { active: boolean; until: number }>();

  constructor(
    private readonly libraryUrl: string,
    private readonly now: () => number = Date.now,
    /** Sent when asking whether a credential is active; without it, no session is ever active here. */
    private readonly serviceCredential?: string,
  ) {}

  async verify(token: string): Promise<PersonPrincipal | undefined> {
    const key = hashToken(token);
    const cached = this.cache.get(key);
    if (cached && cached.until > this.now()) return cached.principal;
    let principal: PersonPrincipal | undefined;
    try {
      const self = await fetchJson(`${this.libraryUrl}/v1/library/credentials/self`, selfSchema, {
        headers: { authorization: `Bearer ${token}` },
      });
      principal = self.kind === 'person' ? self : undefined;
    } catch (error) {
      // Only the library's "no" is an answer to keep; an outage must not be remembered as a revocation.
      if ((error as { status?: number }).status !== 401) throw error;
      principal = undefined;
    }
    if (this.cache.size >= CACHE_ENTRIES) this.cache.clear();
    this.cache.set(key, { principal, until: this.now() + CACHE_MS });
    return principal;
  }

  async isActive(credentialId: string): Promise<boolean> {
    if (this.serviceCredential === undefined) return false;
    const cached = this.activeCache.get(credentialId);
    if (cached && cached.until > this.now()) return cached.active;
    // An outage throws (the page answers 5xx) rather than being remembered as a revocation.
    const { active } = await fetchJson(
      `${this.libraryUrl}/v1/library/credentials/${encodeURIComponent(credentialId)}/active`,
      activeSchema,
      { headers: { authorization: `Bearer ${this.serviceCredential}` } },
    );
    if (this.activeCache.size >= CACHE_ENTRIES) this.activeCache.clear();
    this.activeCache.set(credentialId, { active, until: this.now() + CACHE_MS });
    return active;
  }
}
