/**
 * How the skill finds whose library a request reads.
 * - `local`: one fixed owner, no account linking (the embedded stack and a single-family Lambda).
 * - `login-with-amazon`: account linking; each request's access token (the recognised speaker's own first, then
 *   the account's) is validated against Login with Amazon's profile endpoint.
 */
export type SkillIdentity =
  | { kind: 'local'; ownerId: string }
  | {
      kind: 'login-with-amazon';
      /** Defaults to https://api.amazon.com/user/profile. */
      profileUrl?: string;
      /** Defaults to the global fetch. */
      fetch?: typeof fetch;
      /** Defaults to 2500 ms. */
      timeoutMs?: number;
    };

/** The outcome of identifying a request's owner, kept in the request attributes for handlers. */
export type OwnerResolution =
  | { status: 'resolved'; ownerId: string; via: 'local' | 'account' | 'person' }
  /** No token, or LWA rejected it: the user must link (again) in the Alexa app. */
  | { status: 'link-required'; reason: 'missing-token' | 'invalid-token' }
  /** LWA could not be asked (down, slow): apologise, don't blame the link. */
  | { status: 'unavailable' };
