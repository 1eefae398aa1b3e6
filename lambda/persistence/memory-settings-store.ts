import { isPlainRecord, type ClosableUserSettingsStore } from './user-settings-store';

/**
 * Settings kept in this process only: lost when it stops, and not shared with a second instance. For a Lambda or
 * stack deployed without PERSISTENCE (a warning says so at startup) and for tests of code above the store.
 */
export function createMemorySettingsStore(): ClosableUserSettingsStore {
  const byOwner = new Map<string, string>();
  return {
    getAttributes: (ownerId) => {
      const stored = byOwner.get(ownerId);
      const parsed: unknown = stored === undefined ? {} : JSON.parse(stored);
      return Promise.resolve(isPlainRecord(parsed) ? parsed : {});
    },
    saveAttributes: (ownerId, attributes) => {
      // Stored as JSON, like the other stores, so callers never share (or mutate) the stored object.
      byOwner.set(ownerId, JSON.stringify(attributes));
      return Promise.resolve();
    },
    deleteAttributes: (ownerId) => {
      byOwner.delete(ownerId);
      return Promise.resolve();
    },
    close: () => Promise.resolve(),
  };
}
