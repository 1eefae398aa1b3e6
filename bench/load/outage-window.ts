import { SLIDESHOW_KINDS, type RequestRecord } from './request-log';

/** When the PostgreSQL restart happened, in ms of the run's clock. */
export interface RestartTimes {
  /** The bench began stopping the server (pg_ctl stop -m fast). */
  startMs: number;
  /** pg_ctl stop returned: the server is down. */
  downMs: number;
  /** pg_ctl start returned: the server accepts connections again. */
  upMs: number;
}

/**
 * The outage window: from the restart's start to the first success, after it, of a request that needs the
 * database (a slideshow create, ambient start, page or position: renditions already made are served without the
 * database, so their successes say nothing about recovery). Only requests sent after the server was down count
 * as "after it", so one that slipped through while pg_ctl was still stopping does not close the window early.
 * `endMs` is undefined when no such request ever succeeded again.
 */
export interface OutageWindow {
  startMs: number;
  endMs: number | undefined;
  restart: RestartTimes;
}

export function outageWindow(records: readonly RequestRecord[], restart: RestartTimes): OutageWindow {
  const firstSuccess = records
    .filter((r) => r.ok && SLIDESHOW_KINDS.includes(r.kind) && r.startMs >= restart.downMs)
    .reduce<number | undefined>(
      (first, r) => (first === undefined || r.endMs < first ? r.endMs : first),
      undefined,
    );
  return { startMs: restart.startMs, endMs: firstSuccess, restart };
}

/**
 * Failures split by the window: a failed request that was in flight at any moment inside it is the outage's; every
 * other failure (all of them on an engine that was not restarted) is a lost request.
 */
export function splitFailures(
  records: readonly RequestRecord[],
  window: OutageWindow | undefined,
): { inside: RequestRecord[]; lost: RequestRecord[] } {
  const failures = records.filter((r) => !r.ok);
  if (window === undefined) return { inside: [], lost: failures };
  const end = window.endMs ?? Number.POSITIVE_INFINITY;
  const overlaps = (r: RequestRecord) => r.endMs >= window.startMs && r.startMs <= end;
  return { inside: failures.filter(overlaps), lost: failures.filter((r) => !overlaps(r)) };
}
