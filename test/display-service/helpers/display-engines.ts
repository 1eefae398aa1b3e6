import type { DatabaseLocation } from '../../../common/database';
import { scratchEngines } from '../../support/scratch-databases';

/** An empty database that nothing else can see, for display instances to share; `cleanup` removes it. */
export interface TestDatabase {
  location: DatabaseLocation;
  cleanup(): Promise<void>;
}

export interface DisplayEngine {
  name: 'SQLite' | 'PostgreSQL';
  open(): Promise<TestDatabase>;
}

/** SQLite always; PostgreSQL too when LIBRARY_TEST_DATABASE_URL names a test database (CI sets it). */
export function displayEngines(env: NodeJS.ProcessEnv = process.env): DisplayEngine[] {
  return scratchEngines(env).map((engine) => ({
    name: engine.name,
    async open() {
      const database = await engine.create();
      return { location: database.location, cleanup: () => database.drop() };
    },
  }));
}

/** One `describe` per engine with the same tests: slideshows must behave the same on both. */
export function describeOnEachEngine(title: string, suite: (engine: DisplayEngine) => void): void {
  for (const engine of displayEngines()) describe(`${title} on ${engine.name}`, () => suite(engine));
}
