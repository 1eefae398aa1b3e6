import assert from 'node:assert/strict';
import { photoQuerySchema } from '../../../common/contracts';
import { parseStoredSettings, DEFAULT_USER_SETTINGS } from '../../../lambda/persistence/user-settings';
import type { UserSettingsStore } from '../../../lambda/persistence/user-settings-store';

/** One adapter under test, on fresh storage nothing else sees. */
export interface SettingsStoreUnderTest {
  store: UserSettingsStore;
  /** Writes something for the owner that is not a settings object, behind the adapter's back. */
  corrupt(ownerId: string): Promise<void>;
  cleanup(): Promise<void>;
}

const SETTINGS = {
  intervalSeconds: 15,
  shuffle: true,
  loop: false,
  hemisphere: 'southern',
  timeZone: 'Australia/Sydney',
  ambientPosition: { slideshowId: 'ss_ambient42', index: 137 },
  // A whole photo query (empty lists, nested objects, absent optionals) must survive every store.
  lastSlideshow: {
    kind: 'query',
    slideshowId: 'ss_0000abcdef12',
    query: photoQuerySchema.parse({
      labels: ['beach'],
      places: [{ name: 'Santa Monica', level: 'city' }],
      takenFrom: '2025-07-14T00:00:00',
      takenTo: '2025-07-15T00:00:00',
      order: 'shuffle',
      seed: 'seed-1',
    }),
  },
};

/**
 * What every settings store promises (ask-sdk PersistenceAdapter semantics, keyed by owner id). The same tests run
 * over each adapter, so handlers can rely on them whichever one a deployment picks.
 */
export function describeSettingsStoreContract(
  name: string,
  open: () => Promise<SettingsStoreUnderTest>,
): void {
  describe(`${name}: the user settings store contract`, () => {
    let subject: SettingsStoreUnderTest;
    beforeEach(async () => {
      subject = await open();
    });
    afterEach(async () => {
      await subject.cleanup();
    });

    it('answers {} for an owner that never saved anything', async () => {
      assert.deepEqual(await subject.store.getAttributes('lwa_amzn1.account.NOBODY'), {});
    });

    it('gives back exactly what was saved: numbers, booleans, strings and nested objects', async () => {
      await subject.store.saveAttributes('owner-1', SETTINGS);
      assert.deepEqual(await subject.store.getAttributes('owner-1'), SETTINGS);
      assert.deepEqual(parseStoredSettings(await subject.store.getAttributes('owner-1')), SETTINGS);
    });

    it('a save replaces the whole record: a field left out is gone', async () => {
      await subject.store.saveAttributes('owner-1', SETTINGS);
      await subject.store.saveAttributes('owner-1', { intervalSeconds: 5, shuffle: false, loop: true });
      assert.deepEqual(await subject.store.getAttributes('owner-1'), {
        intervalSeconds: 5,
        shuffle: false,
        loop: true,
      });
    });

    it('keeps owners apart, including a person-level owner inside an account', async () => {
      const account = 'lwa_amzn1.account.K2LI23KL2LK2';
      const person = `${account}.person_0123456789abcdef`;
      await subject.store.saveAttributes(account, { ...SETTINGS, intervalSeconds: 20 });
      await subject.store.saveAttributes(person, { ...SETTINGS, intervalSeconds: 4 });
      assert.equal((await subject.store.getAttributes(account)).intervalSeconds, 20);
      assert.equal((await subject.store.getAttributes(person)).intervalSeconds, 4);
      await subject.store.deleteAttributes(person);
      assert.deepEqual(await subject.store.getAttributes(person), {});
      assert.equal((await subject.store.getAttributes(account)).intervalSeconds, 20);
    });

    it('delete forgets the owner; deleting an unknown owner is not an error', async () => {
      await subject.store.saveAttributes('owner-1', SETTINGS);
      await subject.store.deleteAttributes('owner-1');
      assert.deepEqual(await subject.store.getAttributes('owner-1'), {});
      await subject.store.deleteAttributes('owner-never-seen');
      assert.deepEqual(await subject.store.getAttributes('owner-never-seen'), {});
    });

    it('something unreadable stored for an owner reads as {} (so as the defaults), never as an error', async () => {
      await subject.corrupt('owner-1');
      assert.deepEqual(await subject.store.getAttributes('owner-1'), {});
      assert.deepEqual(
        parseStoredSettings(await subject.store.getAttributes('owner-1')),
        DEFAULT_USER_SETTINGS,
      );
      // And the owner can save over it.
      await subject.store.saveAttributes('owner-1', SETTINGS);
      assert.deepEqual(await subject.store.getAttributes('owner-1'), SETTINGS);
    });
  });
}
