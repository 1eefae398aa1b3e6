/** The `credentials` table (library migration 0008): one row per person credential; the token is never stored. */
export type CredentialsTable = {
  /** `cred_…`: what the CLI lists and revokes. */
  id: string;
  owner_id: string;
  /** SHA-256 (hex) of the token. */
  token_hash: string;
  /** Comma-separated CredentialScope values. */
  scopes: string;
  /** What the owner called it ("kitchen tablet"). */
  label: string;
  /** ISO-8601 UTC. */
  created_at: string;
  revoked_at: string | null;
};

export type CredentialDatabase = { credentials: CredentialsTable };
