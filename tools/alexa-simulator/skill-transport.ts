import type { RequestEnvelope } from 'ask-sdk-model';
import { SIMULATOR_TOKEN_HEADER } from '../../server/local-secrets';

export interface SkillReply {
  status: number;
  /** Parsed JSON when the body is JSON, else the raw text. */
  body: unknown;
}

/** Thrown when nothing listens on the port, so the caller can start the stack itself. */
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

function isConnectionRefused(error: unknown): boolean {
  const cause = (error as { cause?: { code?: unknown; errors?: Array<{ code?: unknown }> } })?.cause;
  if (cause?.code === 'ECONNREFUSED') return true;
  // localhost may resolve to both ::1 and 127.0.0.1: Node reports an AggregateError of refusals.
  return Array.isArray(cause?.errors) && cause.errors.every((inner) => inner.code === 'ECONNREFUSED');
}
