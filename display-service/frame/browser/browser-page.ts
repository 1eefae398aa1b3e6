import type { PageHandle } from './session-recovery';

/**
 * This browser window as session-recovery.ts sees it. `apiBase` is the page's `data-api` (`/frame/api`,
 * `/preview/api`); the page's own mount, where sign-in lives, is the part before `/api`.
 */
export function browserPage(apiBase: string): PageHandle {
  return {
    base: apiBase.replace(/\/api$/, ''),
    location: window.location,
    storage: safeSessionStorage(),
    navigate: (url) => window.location.replace(url),
    reload: () => window.location.reload(),
  };
}

/** sessionStorage (per tab, gone when the tab closes), or null where it is blocked. */
function safeSessionStorage(): Storage | null {
  try {
    const storage = window.sessionStorage;
    storage.getItem('photoframe.probe');
    return storage;
  } catch {
    return null;
  }
}
