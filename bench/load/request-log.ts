/** Every request a client made: what, when (ms since the run started), how it ended. */
export type RequestKind = 'create' | 'ambient' | 'page' | 'position' | 'rendition';

/** The slideshow API calls: each reads or writes the database (renditions already made are served without it). */
export const SLIDESHOW_KINDS: readonly RequestKind[] = ['create', 'ambient', 'page', 'position'];

export interface RequestRecord {
  kind: RequestKind;
  startMs: number;
  endMs: number;
  ok: boolean;
  /** `201`, `503 DATABASE_UNAVAILABLE`, `500 INTERNAL`, `network ECONNRESET`, `timeout` … */
  code: string;
  bytes: number;
}

/** A client gives up on a request after as long as the web frame does (frame-client.ts). */
const REQUEST_TIMEOUT_MS = 15_000;

export class RequestLog {
  readonly records: RequestRecord[] = [];
  private readonly origin = performance.now();

  /** Milliseconds since the log was made (the run's clock). */
  now(): number {
    return performance.now() - this.origin;
  }

  /**
   * Sends one request and records it. Resolves with the parsed JSON body (or the byte count for images) when the
   * status is the expected one, else undefined: callers carry on as a device would, never throw.
   */
  async send<T>(
    kind: RequestKind,
    url: string,
    init: RequestInit & { expect: number; json: boolean },
  ): Promise<T | undefined> {
    const startMs = this.now();
    const record = (ok: boolean, code: string, bytes = 0) =>
      this.records.push({ kind, startMs, endMs: this.now(), ok, code, bytes });
    try {
      const response = await fetch(url, { ...init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
      const body = Buffer.from(await response.arrayBuffer());
      if (response.status !== init.expect) {
        record(false, `${response.status} ${errorCodeOf(body)}`, body.length);
        return undefined;
      }
      record(true, String(response.status), body.length);
      return (init.json ? JSON.parse(body.toString('utf8')) : body.length) as T;
    } catch (error) {
      record(false, failureCodeOf(error));
      return undefined;
    }
  }
}

/** The body's stable `error.code`, or what the body was when it had none. */
function errorCodeOf(body: Buffer): string {
  try {
    const code = (JSON.parse(body.toString('utf8')) as { error?: { code?: unknown } }).error?.code;
    return typeof code === 'string' ? code : '(no error.code)';
  } catch {
    return body.length === 0 ? '(empty body)' : '(not JSON)';
  }
}

/** A request that got no answer: timed out, or the connection failed (undici puts the errno in `cause`). */
function failureCodeOf(error: unknown): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'))
    return 'timeout';
  const cause = (error as { cause?: { code?: unknown; name?: unknown } } | undefined)?.cause;
  const code =
    typeof cause?.code === 'string' ? cause.code : typeof cause?.name === 'string' ? cause.name : '';
  return `network ${code || (error instanceof Error ? error.message : String(error))}`;
}
