/** Progress of one kind of work (ingest reading files, vision looking at photos). */
export interface WorkProgress {
  state: 'off' | 'idle' | 'running' | 'done' | 'failed';
  done: number;
  total: number;
  /** Why it failed (paths relative to the library root). */
  reason?: string;
}

/** What the web app's status page shows; the host (the embedded stack, or a display on its own) gathers it. */
export interface WebAppStatus {
  /** The owner's photos a frame can show. */
  photoCount: number;
  ingest: WorkProgress | null;
  vision: WorkProgress | null;
  /** Files the last ingest could not index, with why (relative paths); the first 200. */
  skipped: { path: string; code: string; reason: string }[];
  /** What /readyz names as wrong; empty when every tier can serve. */
  notReady: string[];
}

export type WebAppStatusSource = (ownerId: string) => Promise<WebAppStatus>;
