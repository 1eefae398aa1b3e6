import assert from 'node:assert/strict';
import { isAppError } from '../../../common/errors';
import { PhotoFactsCache } from '../../../display-service/renditions/photo-facts-cache';
import { fakeSummary } from '../helpers/image-fixtures';
import { InMemoryLibrary } from '../helpers/in-memory-library';

describe('photo facts cache', () => {
  it("answers a photo's facts, and a hidden photo as a missing one (so signed URLs for it stop working)", async () => {
    const library = new InMemoryLibrary();
    library.add('alice', fakeSummary('shown', '2024-05-01T10:00:00'));
    library.add('alice', fakeSummary('secret', '2024-05-02T10:00:00'));
    await library.setPhotoFlags('alice', 'secret', { hidden: true });
    const facts = new PhotoFactsCache(library);
    try {
      assert.equal((await facts.get('alice', 'shown')).id, 'shown');
      await assert.rejects(
        facts.get('alice', 'secret'),
        (e) => isAppError(e) && e.status === 404 && e.code === 'PHOTO_NOT_FOUND',
      );
      await assert.rejects(facts.get('bob', 'shown'), (e) => isAppError(e) && e.status === 404);
    } finally {
      facts.close();
    }
  });

  it('keeps facts for a while, and asks the library again once told the photo changed', async () => {
    const library = new InMemoryLibrary();
    library.add('alice', fakeSummary('beach', '2024-05-01T10:00:00'));
    library.add('bob', fakeSummary('beach', '2024-05-01T10:00:00'));
    const facts = new PhotoFactsCache(library);
    try {
      assert.equal((await facts.get('alice', 'beach')).id, 'beach');
      await library.setPhotoFlags('alice', 'beach', { hidden: true });
      // Kept: the hide is not seen until the cache is told (or its minute passes).
      assert.equal((await facts.get('alice', 'beach')).id, 'beach');
      facts.forget('alice', 'beach');
      await assert.rejects(facts.get('alice', 'beach'), (e) => isAppError(e) && e.code === 'PHOTO_NOT_FOUND');
      // Another owner's photo with the same id is not forgotten with it.
      assert.equal((await facts.get('bob', 'beach')).id, 'beach');
    } finally {
      facts.close();
    }
  });
});
