import { createMemorySettingsStore } from '../../../lambda/persistence/memory-settings-store';
import { describeSettingsStoreContract } from './settings-store-contract';

describeSettingsStoreContract('in-process store', () => {
  const store = createMemorySettingsStore();
  return Promise.resolve({
    store,
    // Only what went through saveAttributes can be in it: an array is the closest thing to a damaged record.
    corrupt: (ownerId: string) => store.saveAttributes(ownerId, [1, 2] as unknown as Record<string, unknown>),
    cleanup: () => store.close(),
  });
});
