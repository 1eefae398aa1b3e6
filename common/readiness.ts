import type { Logger } from './logger';

/** Why a tier cannot serve yet: short, public-safe reasons (the causes go to the log). */
export class NotReadyError extends Error {
  constructor(readonly reasons: readonly string[]) {
    super(reasons.join('; '));
    this.name = 'NotReadyError';
  }
}

/** Runs every check at once; rejects with the reason of each one that failed. */
export async function checkReadiness(
  checks: Readonly<Record<string, () => Promise<void>>>,
  logger: Logger,
): Promise<void> {
  const reasons: string[] = [];
  await Promise.all(
    Object.entries(checks).map(async ([reason, check]) => {
      try {
        await check();
      } catch (error) {
        logger.warn('not ready', { reason, error });
        reasons.push(reason);
      }
    }),
  );
  if (reasons.length > 0) throw new NotReadyError(reasons.sort());
}
