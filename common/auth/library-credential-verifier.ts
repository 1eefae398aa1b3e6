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

/**
 * Person credentials checked by the library (`GET /v1/library/credentials/self`), for a tier that does not hold
 * the credentials table (a display on its own). Answers are kept 30 s, so a revocation takes effect within that.
 */
export class LibraryCredentialVerifier implements PersonCredentialVerifier {
  private readonly cache = new Map<string, { principal: PersonPrincipal | undefined; until: number }>();

  constructor(
    private readonly libraryUrl: string,
    private readonly now: () => number = Date.now,
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

  /** Sessions are minted only where the credentials table is (the frame pages): none here. */
  isActive(): Promise<boolean> {
    return Promise.resolve(false);
  }
}
