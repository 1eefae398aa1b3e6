import { loadGazetteer, type Gazetteer } from './gazetteer';

let gazetteer: Gazetteer | undefined;

/** The gazetteer is ~200 000 places (about a second to read): loaded once per process, on first use. */
export function sharedGazetteer(): Gazetteer {
  gazetteer ??= loadGazetteer();
  return gazetteer;
}
