import { z } from 'zod';

/** Login with Amazon's customer profile endpoint (North America; EU/FE accounts may need their region's host). */
export const LWA_PROFILE_URL = 'https://api.amazon.com/user/profile';

/** The profile fields the skill uses; `name`/`email` come only with the `profile` scope. */
const profileSchema = z.object({
  user_id: z.string().min(1),
  name: z.string().optional(),
  email: z.string().optional(),
});

export interface LwaProfile {
  /** `amzn1.account.…`: stable per Amazon account and per LWA application. */
  userId: string;
  name?: string;
}

/**
 * What an access token turned out to be. `invalid` = LWA rejected it (expired, revoked, malformed, wrong scope):
 * the user must link again. `unavailable` = LWA could not say (5xx, throttled, timeout, unreadable answer): not the
 * user's fault, so no link card.
 */
export type ProfileLookup =
  | { kind: 'valid'; profile: LwaProfile }
  | { kind: 'invalid'; status: number; error?: string }
  | { kind: 'unavailable'; reason: string };

export interface LwaProfileClientOptions {
  profileUrl?: string;
  fetch?: typeof fetch;
  /** Alexa waits 8 s for the whole answer; identity gets a small part of that. */
  timeoutMs?: number;
}

const REJECTED_TOKEN_STATUSES = new Set([400, 401, 403]);

export function createLwaProfileClient(options: LwaProfileClientOptions = {}) {
  const url = options.profileUrl ?? LWA_PROFILE_URL;
  const fetchFn = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 2500;

  return async function lookupProfile(accessToken: string): Promise<ProfileLookup> {
    let response: Response;
    try {
      response = await fetchFn(url, {
        headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' },
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      return { kind: 'unavailable', reason: error instanceof Error ? error.name : 'network error' };
    }
    const body = await readJson(response);
    if (REJECTED_TOKEN_STATUSES.has(response.status)) {
      return { kind: 'invalid', status: response.status, error: errorCodeOf(body) };
    }
    if (!response.ok) return { kind: 'unavailable', reason: `HTTP ${response.status}` };
    const parsed = profileSchema.safeParse(body);
    if (!parsed.success) return { kind: 'unavailable', reason: 'unreadable profile' };
    return { kind: 'valid', profile: { userId: parsed.data.user_id, name: parsed.data.name } };
  };
}

export type LwaProfileLookup = ReturnType<typeof createLwaProfileClient>;

async function readJson(response: Response): Promise<unknown> {
  try {
    return JSON.parse(await response.text());
  } catch {
    return undefined;
  }
}

/** LWA errors look like {"error":"invalid_token","error_description":"…"}. */
function errorCodeOf(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || !('error' in body)) return undefined;
  return typeof body.error === 'string' ? body.error : undefined;
}
