import type { z } from 'zod';
import { AppError } from '../errors';

export interface JsonRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  headers?: Record<string, string>;
  /** Abort the call after this long; the caller's own deadline (e.g. Alexa's 8 s) is tighter than TCP's. */
  timeoutMs?: number;
}

/** How a tier's HTTP client reaches another tier. */
export interface HttpClientOptions {
  /** Abort each call after this long (default 5 s). */
  timeoutMs?: number;
  /**
   * Sent as `Authorization: Bearer <credential>`: a service credential (the skill, the display) acting for the owner
   * it names, or a person's credential acting for its own owner.
   */
  credential?: string;
}

export function authorizationHeader(credential: string | undefined): Record<string, string> {
  return credential === undefined ? {} : { authorization: `Bearer ${credential}` };
}

/**
 * Calls another tier over HTTP and validates the answer against the contract schema. Upstream errors keep their
 * stable code and status so they can be reported faithfully; transport failures become UPSTREAM_UNAVAILABLE.
 */
export async function fetchJson<T extends z.ZodType>(
  url: string,
  responseSchema: T,
  request: JsonRequest = {},
): Promise<z.output<T>> {
  const { method = 'GET', body, headers = {}, timeoutMs = 5000 } = request;
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: {
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (cause) {
    throw new AppError({
      status: 503,
      code: 'UPSTREAM_UNAVAILABLE',
      publicMessage: `Could not reach ${new URL(url).origin}`,
      cause,
    });
  }
  const text = await response.text();
  const json = parseJson(text);
  if (!response.ok) {
    const upstream = readErrorBody(json);
    throw new AppError({
      status: response.status,
      code: upstream?.code ?? 'UPSTREAM_ERROR',
      publicMessage: upstream?.message ?? `Upstream answered ${response.status}`,
    });
  }
  const parsed = responseSchema.safeParse(json);
  if (!parsed.success) {
    throw new AppError({
      status: 502,
      code: 'UPSTREAM_CONTRACT_VIOLATION',
      publicMessage: `Unexpected answer from ${new URL(url).pathname}`,
      cause: parsed.error,
    });
  }
  return parsed.data;
}

function parseJson(text: string): unknown {
  if (text.length === 0) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function readErrorBody(json: unknown): { code: string; message: string } | undefined {
  if (typeof json !== 'object' || json === null || !('error' in json)) return undefined;
  const error = json.error;
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, message } = error as { code?: unknown; message?: unknown };
  return typeof code === 'string' && typeof message === 'string' ? { code, message } : undefined;
}
