import type { Logger } from '../../common/logger';
import { sharedGazetteer } from '../places/shared-gazetteer';
import { gazetteerPlaces } from './gazetteer-places';
import { parsePhotoText } from './parse-photo-text';

/** Touches every reader a first request needs: a place by name, a holiday, chrono's relative and absolute dates. */
const SAMPLE = 'beach photos of Anna in Paris last summer, at Christmas 2019 and from June to August 2024';

/**
 * Builds, right after a start, what the first search naming a place or saying a date would otherwise build while
 * a person waits: the gazetteer (~1 s), its name indexes (~1 s; a voice request's place goes through them too) and
 * chrono-node's compiled patterns (~0.3 s). On a loaded 2-core machine that was 3-6 s on the first such request,
 * against the skill's 2.5 s wait for the library and Alexa's 8 s. Done in steps, yielding between them, so a
 * request that arrives meanwhile waits for one step at most. Servers call it after listening; tests that start
 * many stacks do not, and pay for the indexes only where they use them.
 */
export async function warmUpTextReading(): Promise<void> {
  const steps = [
    () => sharedGazetteer(),
    () => sharedGazetteer().prepareNameIndexes(),
    () =>
      parsePhotoText(SAMPLE, {
        reference: new Date(),
        timeZone: 'UTC',
        hemisphere: 'N',
        vocabulary: { labels: ['beach'], people: [], albums: [], places: [] },
        findPlaces: gazetteerPlaces,
      }),
  ];
  for (const step of steps) {
    await new Promise((resolve) => setImmediate(resolve));
    step();
  }
}

/** warmUpTextReading without waiting for it; says in the log when it is done (or why it failed: nothing breaks). */
export function warmUpInBackground(logger: Logger): void {
  const started = performance.now();
  warmUpTextReading().then(
    () => logger.info('place and date reading ready', { ms: Math.round(performance.now() - started) }),
    (error: unknown) =>
      logger.warn('place and date reading warm-up failed; the first search builds it', { error }),
  );
}
