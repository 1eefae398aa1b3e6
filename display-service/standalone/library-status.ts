import { z } from 'zod';
import type { LibraryApi } from '../../common/clients/library-client';
import { NotReadyError } from '../../common/readiness';
import type { WebAppStatus, WebAppStatusSource } from '../webapp/server/webapp-status';

const workProgressSchema = z.object({
  state: z.enum(['off', 'idle', 'running', 'done', 'failed']),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  reason: z.string().optional(),
});
const libraryHealthSchema = z.object({ ingest: workProgressSchema.optional() });
const libraryReadinessSchema = z.object({ reasons: z.array(z.string()).optional() });

const PROBE_TIMEOUT_MS = 3000;

/**
 * The web app's status page on a display on its own: the owner's photo count from the library, the library tier's
 * own startup ingest and readiness from its /healthz and /readyz (open endpoints, no owner data), and the display's
 * readiness. Vision progress and skipped files live in the library's job queue and ingest, which only the library
 * host sees: they are left out (null, none) rather than guessed.
 */
export function libraryStatusSource(options: {
  library: LibraryApi;
  libraryUrl: string;
  displayReady: () => Promise<void>;
}): WebAppStatusSource {
  return async (ownerId): Promise<WebAppStatus> => {
    const [photoCount, ingest, libraryNotReady, displayNotReady] = await Promise.all([
      options.library.search(ownerId, { limit: 0 }).then((answer) => answer.total),
      libraryIngest(options.libraryUrl),
      libraryReasons(options.libraryUrl),
      options.displayReady().then(
        () => [],
        (error: unknown) => (error instanceof NotReadyError ? error.reasons : ['display is not ready']),
      ),
    ]);
    return {
      photoCount,
      ingest,
      vision: null,
      skipped: [],
      notReady: [...libraryNotReady, ...displayNotReady],
    };
  };
}

async function libraryIngest(libraryUrl: string): Promise<WebAppStatus['ingest']> {
  try {
    const response = await fetch(`${libraryUrl}/healthz`, { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
    const parsed = libraryHealthSchema.safeParse(await response.json());
    return parsed.success ? (parsed.data.ingest ?? null) : null;
  } catch {
    return null;
  }
}

async function libraryReasons(libraryUrl: string): Promise<string[]> {
  try {
    const response = await fetch(`${libraryUrl}/readyz`, { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
    // 404: a library host without a readiness probe says nothing either way.
    if (response.ok || response.status === 404) return [];
    const parsed = libraryReadinessSchema.safeParse(await response.json());
    return (
      (parsed.success ? parsed.data.reasons : undefined)?.map((reason) => `library: ${reason}`) ?? [
        'library is not ready',
      ]
    );
  } catch {
    return ['library does not answer'];
  }
}
