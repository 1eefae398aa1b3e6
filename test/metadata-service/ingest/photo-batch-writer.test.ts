import assert from 'node:assert/strict';
import { PhotoBatchWriter } from '../../../metadata-service/ingest/photo-batch-writer';
import { PhotoRepository, type NewPhoto } from '../../../metadata-service/repositories/photo-repository';
import { libraryEngines, type TestLibraryDatabase } from '../repositories/library-engines';
import { keywords, photoRecord } from '../repositories/photo-records';

const OWNER = 'owner-batch';
const [sqlite] = libraryEngines({});

/** The real repository, with each transaction's batch noted: how the writer grouped what it was handed. */
class RecordingRepository extends PhotoRepository {
  readonly batches: string[][] = [];
  override insertPhotos(photos: readonly NewPhoto[]): Promise<boolean[]> {
    this.batches.push(photos.map((p) => p.photo.id));
    return super.insertPhotos(photos);
  }
}

const newPhoto = (id: string, contentHash = `${id}-hash`): NewPhoto => ({
  photo: photoRecord(OWNER, id, { contentHash }),
  labels: keywords('beach'),
});

describe('PhotoBatchWriter', () => {
  let database: TestLibraryDatabase;
  let repository: RecordingRepository;

  beforeEach(async () => {
    database = await (sqlite as NonNullable<typeof sqlite>).open();
    repository = new RecordingRepository(database.db);
  });
  afterEach(() => database.cleanup());

  it('writes photos handed over together in one transaction, in order, at most maxBatch at a time', async () => {
    const writer = new PhotoBatchWriter(repository, 3);
    const ids = ['ph_1', 'ph_2', 'ph_3', 'ph_4', 'ph_5'];
    const stored = await Promise.all(ids.map((id) => writer.insert(newPhoto(id))));
    assert.deepEqual(stored, [true, true, true, true, true]);
    assert.deepEqual(repository.batches, [
      ['ph_1', 'ph_2', 'ph_3'],
      ['ph_4', 'ph_5'],
    ]);
    for (const id of ids) assert.equal((await repository.getPhoto(OWNER, id))?.id, id);
  });

  it('writes a lone photo at once, and photos arriving during a write go in the next batch', async () => {
    const writer = new PhotoBatchWriter(repository, 64);
    assert.equal(await writer.insert(newPhoto('ph_alone')), true);
    const first = writer.insert(newPhoto('ph_a'));
    // Handed over in a later turn, while ph_a's transaction may already be running.
    await new Promise((resolve) => setImmediate(resolve));
    const later = [writer.insert(newPhoto('ph_b')), writer.insert(newPhoto('ph_c'))];
    assert.deepEqual(await Promise.all([first, ...later]), [true, true, true]);
    assert.deepEqual(repository.batches[0], ['ph_alone']);
    assert.deepEqual(repository.batches.slice(1).flat(), ['ph_a', 'ph_b', 'ph_c']);
    assert.ok(repository.batches.length <= 3);
  });

  it('with a linger time, photos handed over in separate turns wait for each other; a full batch goes at once', async () => {
    const writer = new PhotoBatchWriter(repository, 3, 200);
    const first = writer.insert(newPhoto('ph_l1'));
    await new Promise((resolve) => setImmediate(resolve));
    const second = writer.insert(newPhoto('ph_l2'));
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(repository.batches, [], 'nothing written while the batch lingers');
    const third = writer.insert(newPhoto('ph_l3'));
    const fourth = writer.insert(newPhoto('ph_l4'));
    assert.deepEqual(await Promise.all([first, second, third]), [true, true, true]);
    assert.deepEqual(repository.batches, [['ph_l1', 'ph_l2', 'ph_l3']]);
    // The partial batch left over is written once its linger time is up.
    assert.equal(await fourth, true);
    assert.deepEqual(repository.batches, [['ph_l1', 'ph_l2', 'ph_l3'], ['ph_l4']]);
  });

  it('answers false for bytes already stored, also by an earlier photo of the same batch', async () => {
    const writer = new PhotoBatchWriter(repository);
    assert.equal(await writer.insert(newPhoto('ph_first', 'same-bytes')), true);
    const stored = await Promise.all([
      writer.insert(newPhoto('ph_again', 'same-bytes')),
      writer.insert(newPhoto('ph_new', 'other-bytes')),
      writer.insert(newPhoto('ph_copy', 'other-bytes')),
    ]);
    assert.deepEqual(stored, [false, true, false]);
    assert.equal(await repository.getPhoto(OWNER, 'ph_copy'), undefined);
  });

  it('rejects every photo of a failed batch and keeps none of it; the next batch is written', async () => {
    const writer = new PhotoBatchWriter(repository);
    const broken: NewPhoto = {
      photo: photoRecord(OWNER, 'ph_broken'),
      labels: [{ label: 'beach', source: 'keyword', confidence: null as unknown as number }],
    };
    const results = await Promise.allSettled([writer.insert(newPhoto('ph_ok')), writer.insert(broken)]);
    assert.deepEqual(
      results.map((r) => r.status),
      ['rejected', 'rejected'],
    );
    assert.equal(await repository.getPhoto(OWNER, 'ph_ok'), undefined, 'rolled back with its batch');
    assert.equal(await writer.insert(newPhoto('ph_after')), true);
  });

  it('refuses a batch size that is not a positive integer', () => {
    assert.throws(() => new PhotoBatchWriter(repository, 0), RangeError);
    assert.throws(() => new PhotoBatchWriter(repository, 1.5), RangeError);
    assert.throws(() => new PhotoBatchWriter(repository, 4, -1), RangeError);
  });
});
