import { HttpError } from './http-errors';

/** The frame API's answer when the page's session cookie is missing, expired, forged or its credential revoked. */
export const SESSION_REQUIRED = 'SESSION_REQUIRED';
/** Set in sessionStorage just before an automatic reload, cleared once the session works again. */
const RELOAD_MARK = 'photoframe.sessionReload';

/** The parts of `window.location` the decision reads (a plain object in unit tests). */
export interface PageLocation {
  hostname: string;
  pathname: string;
  search: string;
}

/** sessionStorage's part the reload cap uses. */
export interface MarkStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** What the page can do about a lost session; the browser's own in browser-page.ts. */
export interface PageHandle {
  /** Where the page's router is mounted (`/frame`, `/preview`): sign-in lives under it. */
  base: string;
  location: PageLocation;
  /** null where sessionStorage is blocked: then no automatic reload is tried at all. */
  storage: MarkStorage | null;
  /** Leaves for `url` without a history entry (Back must not return to the page that lost its session). */
  navigate(url: string): void;
  reload(): void;
}

export type RecoveryStep = { kind: 'reload' } | { kind: 'sign-in'; url: string };

/** An API answer that no retry fixes: this page has no (valid) session any more. */
export function isSessionLost(error: unknown): error is HttpError {
  return error instanceof HttpError && error.status === 401 && error.code === SESSION_REQUIRED;
}

/** The host names the server treats as this machine (the same list as frame-sessions.ts isLoopbackHost). */
export function isLoopbackHostname(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]';
}

/**
 * The sign-in page under the page's own mount, returning to this page: its path and query only (a same-origin
 * path, never an origin; sign-in.ts validates it again), the fragment left out as the server never sees one.
 */
export function signInUrlFor(base: string, location: Pick<PageLocation, 'pathname' | 'search'>): string {
  return `${base}/sign-in?next=${encodeURIComponent(`${location.pathname}${location.search}`)}`;
}

/**
 * A page opened on this machine gets a new local session from the server just by loading again, so it reloads,
 * once: if the session is lost again before any call succeeded (the cookie is not kept, or the server did not
 * take the page for a local one), it goes to sign-in instead, so no reload loop is possible. Anywhere else, or
 * without sessionStorage to remember the reload in, it goes to sign-in at once.
 */
export function recoveryStep(base: string, location: PageLocation, reloadedAlready: boolean): RecoveryStep {
  if (isLoopbackHostname(location.hostname) && !reloadedAlready) return { kind: 'reload' };
  return { kind: 'sign-in', url: signInUrlFor(base, location) };
}

/**
 * The page's one place for "this API answer means the session is gone": takes the page to sign-in (or reloads
 * it, see recoveryStep) the first time, and tells every caller to stop what it was doing. Nothing on screen is
 * touched: photos already shown stay until the browser navigates.
 */
export class SessionRecovery {
  private step: RecoveryStep | undefined;

  constructor(private readonly page: PageHandle) {}

  /** The step taken, once the page is leaving. */
  get leaving(): RecoveryStep | undefined {
    return this.step;
  }

  /** True when `error` means the session is lost: the page is then leaving, and the caller should stop. */
  handle(error: unknown): boolean {
    if (!isSessionLost(error)) return false;
    if (this.step) return true;
    const reloadedAlready = readMark(this.page.storage);
    const step = recoveryStep(this.page.base, this.page.location, reloadedAlready);
    this.step = step;
    if (step.kind === 'reload' && writeMark(this.page.storage)) {
      this.page.reload();
    } else {
      const url = step.kind === 'sign-in' ? step.url : signInUrlFor(this.page.base, this.page.location);
      this.step = { kind: 'sign-in', url };
      this.page.navigate(url);
    }
    return true;
  }

  /** An API call succeeded on this page's session: a later loss may reload automatically again. */
  confirmed(): void {
    try {
      this.page.storage?.removeItem(RELOAD_MARK);
    } catch {
      // Blocked storage: nothing was marked either.
    }
  }
}

/** No storage counts as "already reloaded": without a way to remember, never reload automatically. */
function readMark(storage: MarkStorage | null): boolean {
  try {
    return storage === null || storage.getItem(RELOAD_MARK) !== null;
  } catch {
    return true;
  }
}

function writeMark(storage: MarkStorage | null): boolean {
  try {
    storage?.setItem(RELOAD_MARK, '1');
    return storage !== null;
  } catch {
    return false;
  }
}

/** A promise that never settles: what a caller awaits once the page is leaving, so nothing runs after it. */
export function leavingPage(): Promise<never> {
  return new Promise<never>(() => undefined);
}
