import assert from 'node:assert/strict';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stillsBesideVideo } from '../../../../metadata-service/ingest/live-photos/stills-beside-video';
import {
  emptyFolderChanges,
  type FolderChanges,
} from '../../../../metadata-service/ingest/watch/folder-changes';
import { createLibrary, type Library } from '../../../../metadata-service/library';
import { makeTempDir, silentLogger, type TempDir } from '../../support/fixtures';
import { stillJpeg, writeMotionVideo } from './live-photo-fixtures';

const OWNER = 'owner-watch-live';

describe('live photos in a watched folder: a video that comes or goes after its still', () => {
  let tmp: TempDir;
  let photos: string;
  let library: Library;

  beforeEach(async () => {
    tmp = await makeTempDir();
    photos = join(tmp.path, 'photos');
    await mkdir(join(photos, 'Trip'), { recursive: true });
    library = await createLibrary({
      database: { kind: 'sqlite', file: join(tmp.path, 'library.sqlite') },
      logger: silentLogger,
    });
  });
  afterEach(async () => {
    await library.close();
    await tmp.cleanup();
  });

  const apply = (partial: Partial<FolderChanges>) =>
    library.ingestChanges(photos, { ...emptyFolderChanges(), ...partial }, { ownerId: OWNER });
  const all = async () => (await library.api.search(OWNER, { query: { labels: [] }, limit: 100 })).photos;

  it('names the stills with the video base name in its folder, any case, and nothing for other files', async () => {
    await writeFile(join(photos, 'Trip', 'IMG_1.heic'), 'x');
    await writeFile(join(photos, 'Trip', 'img_1.JPG'), 'x');
    await writeFile(join(photos, 'Trip', 'IMG_10.HEIC'), 'x');
    assert.deepEqual((await stillsBesideVideo(photos, 'Trip/IMG_1.MOV')).sort(), [
      'Trip/IMG_1.heic',
      'Trip/img_1.JPG',
    ]);
    assert.deepEqual(await stillsBesideVideo(photos, 'Trip/IMG_1.jpg'), []);
    assert.deepEqual(await stillsBesideVideo(photos, 'Nowhere/IMG_1.MOV'), []);
  });

  it('gives the still its motion when the MOV arrives later, and takes it away when the MOV is deleted', async () => {
    await writeFile(join(photos, 'Trip', 'IMG_1.JPG'), await stillJpeg());
    await apply({ changed: ['Trip/IMG_1.JPG'] });
    const [alone] = await all();
    assert.ok(alone);
    assert.equal(alone.motion, undefined);

    await writeMotionVideo(join(photos, 'Trip', 'IMG_1.MOV'));
    await apply({ changed: ['Trip/IMG_1.MOV'] });
    const moving = await all();
    assert.equal(moving.length, 1, 'the MOV is no photo of its own');
    assert.equal(moving[0]?.id, alone.id);
    assert.ok(moving[0]?.motion);

    await rm(join(photos, 'Trip', 'IMG_1.MOV'));
    await apply({ removed: ['Trip/IMG_1.MOV'] });
    const still = await all();
    assert.deepEqual(
      still.map((p) => [p.id, p.motion]),
      [[alone.id, undefined]],
    );
  });

  it('folds a video stored on its own into its still when the still arrives later (a copy, MOV first)', async () => {
    await writeMotionVideo(join(photos, 'Trip', 'IMG_2.MOV'));
    await apply({ changed: ['Trip/IMG_2.MOV'] });
    const [video] = await all();
    assert.equal(video?.mediaKind, 'video', 'alone, the MOV is a video');

    await writeFile(join(photos, 'Trip', 'IMG_2.JPG'), await stillJpeg());
    await apply({ changed: ['Trip/IMG_2.JPG'] });
    const after = await all();
    assert.deepEqual(
      after.map((p) => [p.mediaKind ?? 'photo', p.motion !== undefined]),
      [['photo', true]],
      'one photo, the still with its motion: the video is no photo of its own any more',
    );
  });
});
