import { z } from 'zod';

/**
 * What a person's credential may do. `owner` is everything the owner may do; the others are narrower, for an app
 * that only reads the library (`library:read`), also changes it (`library:write`: flags, names, hidden labels), or
 * only plays slideshows and links frames (`display`).
 */
export const CREDENTIAL_SCOPES = ['owner', 'library:read', 'library:write', 'display'] as const;
export const credentialScopeSchema = z.enum(CREDENTIAL_SCOPES);
export type CredentialScope = z.output<typeof credentialScopeSchema>;

/** A scope a route needs; `owner` satisfies all of them, `library:write` also satisfies `library:read`. */
export type RequiredScope = Exclude<CredentialScope, 'owner'>;

export function scopesAllow(granted: readonly CredentialScope[], needed: RequiredScope): boolean {
  if (granted.includes('owner') || granted.includes(needed)) return true;
  return needed === 'library:read' && granted.includes('library:write');
}
