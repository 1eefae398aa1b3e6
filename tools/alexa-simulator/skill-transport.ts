import type { RequestEnvelope } from 'ask-sdk-model';
import { SIMULATOR_TOKEN_HEADER } from '../../server/local-secrets';

export interface SkillReply {
  status: number;
  /** Parsed JSON when the body is JSON, else the raw text. */
  body: unknown;
}

/** Thrown when nothing listens on the port (the stack went away between the probe and the request). */
export class NothingListeningError extends Error {
  constructor(readonly url: string) {
    super(`Nothing is listening at ${url}`);
    this.name = 'NothingListeningError';
  }
}

/** POSTs the envelope to the local skill endpoint as the simulator (proved by the token from DATA_DIR). */
export async function sendToSkill(
  url: string,
  envelope: RequestEnvelope,
  simulatorToken: string | undefined,
): Promise<SkillReply> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(simulatorToken === undefined ? {} : { [SIMULATOR_TOKEN_HEADER]: simulatorToken }),
      },
      body: JSON.stringify(envelope),
      // The stack may be rendering the first pages; Alexa itself waits 8 s.
      signal: AbortSignal.timeout(15_000),
    });
  } catch (error) {
    if (isConnectionRefused(error)) throw new NothingListeningError(url);
    throw error;
  }
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON: keep the text for the error report.
  }
  return { status: response.status, body };
}

/** What answers on the stack's port, found before anything is sent (and before any in-process stack is started). */
export type PortProbe =
  { kind: 'nothing' } | { kind: 'photo-frame' } | { kind: 'silent' } | { kind: 'other'; answer: string };

/** How long the probe waits: a running stack answers /healthz at once, even while ingesting. */
const PROBE_TIMEOUT_MS = 2000;

/**
 * Asks GET /healthz on `origin`: a Photo Frame stack answers `{status, ingest}` (or 503 STARTING while it starts);
 * anything else on that port is someone else's server, and a port that accepts but never answers is a hung stack.
 */
export async function probeStack(origin: string): Promise<PortProbe> {
  let response: Response;
  try {
    response = await fetch(`${origin}/healthz`, { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
  } catch (error) {
    if (isConnectionRefused(error)) return { kind: 'nothing' };
    if ((error as { name?: unknown }).name === 'TimeoutError') return { kind: 'silent' };
    return { kind: 'other', answer: error instanceof Error ? error.message : String(error) };
  }
  const text = await response.text();
  if (isPhotoFrameHealth(text)) return { kind: 'photo-frame' };
  const type = response.headers.get('content-type') ?? 'no content type';
  return { kind: 'other', answer: `GET /healthz answered HTTP ${response.status} (${type})` };
}

function isPhotoFrameHealth(text: string): boolean {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return false;
  }
  if (typeof body !== 'object' || body === null) return false;
  const { status, ingest, error } = body as {
    status?: unknown;
    ingest?: unknown;
    error?: { code?: unknown };
  };
  return (typeof status === 'string' && typeof ingest === 'object') || error?.code === 'STARTING';
}

function isConnectionRefused(error: unknown): boolean {
  const cause = (error as { cause?: { code?: unknown; errors?: Array<{ code?: unknown }> } })?.cause;
  if (cause?.code === 'ECONNREFUSED') return true;
  // localhost may resolve to both ::1 and 127.0.0.1: Node reports an AggregateError of refusals.
  return Array.isArray(cause?.errors) && cause.errors.every((inner) => inner.code === 'ECONNREFUSED');
}
