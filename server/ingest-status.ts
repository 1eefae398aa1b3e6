import type { VisionProgressSnapshot } from '../metadata-service/vision/vision-progress';

/** What /healthz says about the startup ingest, so an operator can watch a big library being indexed. */
export interface IngestSnapshot {
  state: 'idle' | 'running' | 'done' | 'failed';
  done: number;
  total: number;
  /** Why the last ingest failed (only while `state` is 'failed'), with paths relative to PHOTOS_DIR. */
  reason?: string;
  /** While 'failed': when the next attempt runs and how many have failed in a row. */
  retry?: { at: string; attempt: number };
}

/** A file the last ingest could not index (path relative to PHOTOS_DIR), for the owner's web app, not /healthz. */
export interface SkippedFileView {
  path: string;
  code: string;
  reason: string;
}

const MAX_SKIPPED_SHOWN = 200;

export class IngestStatus {
  private current: IngestSnapshot = { state: 'idle', done: 0, total: 0 };
  private skipped: SkippedFileView[] = [];

  /** `root` is the ingested location; paths under it are reported relative to it, others not at all. */
  async track<T>(work: Promise<T>, root?: string): Promise<T> {
    this.current = { state: 'running', done: this.current.done, total: this.current.total };
    try {
      const result = await work;
      this.current = { ...this.current, state: 'done' };
      this.skipped = skippedOf(result);
      return result;
    } catch (error) {
      this.current = { ...this.current, state: 'failed', reason: publicIngestFailure(error, root) };
      throw error;
    }
  }

  /** An ingest that failed before it could start (its job could not even be queued). */
  fail(error: unknown, root?: string): void {
    this.current = { ...this.current, state: 'failed', reason: publicIngestFailure(error, root) };
    delete this.current.retry;
  }

  /** A failed ingest will be tried again at `at`; /healthz says so next to the reason. */
  retryAt(at: Date, attempt: number): void {
    if (this.current.state === 'failed')
      this.current = { ...this.current, retry: { at: at.toISOString(), attempt } };
  }

  /** Files read so far. Vision's photo counts (phase 'vision') are the library's to report (/healthz `vision`). */
  progress(p: { done: number; total: number; phase?: 'metadata' | 'hashes' | 'vision' }): void {
    if (p.phase === 'vision' || p.phase === 'hashes') return;
    this.current = { ...this.current, done: p.done, total: p.total };
  }

  snapshot(): IngestSnapshot {
    return { ...this.current };
  }

  /** What the last finished ingest skipped and why (the first MAX_SKIPPED_SHOWN). */
  skippedFiles(): SkippedFileView[] {
    return [...this.skipped];
  }
}

/** An ingest report's skipped files (the report is typed by the library; only these fields are read). */
function skippedOf(report: unknown): SkippedFileView[] {
  const list = (report as { skipped?: unknown } | null)?.skipped;
  if (!Array.isArray(list)) return [];
  return list.slice(0, MAX_SKIPPED_SHOWN).flatMap((entry: unknown) => {
    const { path, code, reason } = (entry ?? {}) as Record<string, unknown>;
    return typeof path === 'string' && typeof reason === 'string'
      ? [{ path, code: typeof code === 'string' ? code : 'SKIPPED', reason }]
      : [];
  });
}

/** Vision's progress as /healthz shows it: a failure's reason with paths hidden, as for the ingest. */
export function publicVisionProgress(
  progress: VisionProgressSnapshot,
  root: string | undefined,
): VisionProgressSnapshot {
  return progress.reason === undefined
    ? progress
    : { ...progress, reason: publicIngestFailure(new Error(progress.reason), root) };
}

/** Network failures name hosts and addresses: the code says enough on an open endpoint. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'EAI_AGAIN',
]);

/**
 * The failure as /healthz may show it (the endpoint is open): the error's code and message, with the ingested root
 * written as PHOTOS_DIR and every other absolute path (DATA_DIR, the database file, home folders) as `<path>`.
 */
export function publicIngestFailure(error: unknown, root?: string): string {
  const code =
    typeof (error as { code?: unknown })?.code === 'string' ? (error as { code: string }).code : undefined;
  if (code !== undefined && NETWORK_CODES.has(code)) return `${code}: a server did not answer`;
  let message = error instanceof Error ? error.message : String(error);
  if (root !== undefined && root !== '') {
    const escaped = root.replace(/\/+$/, '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    message = message.replace(new RegExp(`${escaped}(?=[/'"\\s,;)]|$)`, 'g'), 'PHOTOS_DIR');
  }
  message = message.replace(/(?<![\w.:/])\/(?!\/)[^\s'",;)]+/g, '<path>');
  message = message.replace(/\b[a-z][a-z0-9+.-]*:\/\/[^\s'",;)]+/gi, '<location>');
  if (code !== undefined && !message.includes(code)) message = `${code}: ${message}`;
  return message.slice(0, 300);
}
