import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '../../../common/logger';
import { createFolderSource } from '../../../metadata-service/ingest/folder-source';
import { HEIC_SAMPLE, writeImage } from '../fixtures/images';
import { buildVideo } from '../fixtures/videos';
import { makeTempDir, type TempDir } from '../support/fixtures';

describe('folder source', () => {
  let dir: TempDir;

  beforeEach(async () => {
    dir = await makeTempDir();
  });
  afterEach(() => dir.cleanup());

  function recordingLogger(messages: string[]): Logger {
    const logger: Logger = {
      debug: () => undefined,
      info: () => undefined,
      warn: (message: string, fields?: Record<string, unknown>) =>
        messages.push(`${message} ${JSON.stringify(fields)}`),
      error: () => undefined,
      child: () => logger,
    };
    return logger;
  }

  it('lists every supported extension in any case, skipping dotfiles, sidecars and other files', async () => {
    const root = dir.path;
    for (const name of ['a.jpg', 'b.JPEG', 'c.png', 'd.webp', 'e.avif', 'f.tif', 'g.TIFF']) {
      await writeImage(join(root, name), { format: 'png' });
    }
    await copyFile(HEIC_SAMPLE, join(root, 'h.HEIC'));
    await copyFile(HEIC_SAMPLE, join(root, 'i.heif'));
    for (const name of ['j.mp4', 'k.MOV', 'l.m4v']) await writeFile(join(root, name), buildVideo());
    await writeFile(join(root, 'a.jpg.json'), '{}');
    await writeFile(join(root, 'notes.txt'), 'x');
    await writeFile(join(root, 'doc.pdf'), '%PDF-1.4');
    await writeFile(join(root, '.hidden.jpg'), 'x');
    await mkdir(join(root, '.thumbnails'));
    await writeFile(join(root, '.thumbnails', 'x.jpg'), 'x');
    const listed = (await createFolderSource(root).list()).map((f) => f.path);
    assert.deepEqual(listed, [
      'a.jpg', 'b.JPEG', 'c.png', 'd.webp', 'e.avif', 'f.tif', 'g.TIFF', 'h.HEIC', 'i.heif', 'j.mp4', 'k.MOV', 'l.m4v',
    ]); // prettier-ignore
  });

  it('reads each file with its Takeout sidecar and its album metadata.json', async () => {
    const album = join(dir.path, 'Takeout', 'Google Photos', 'Trip to Rome');
    await writeImage(join(album, 'IMG_1(1).JPG'), { make: 'Pixel' });
    await writeFile(
      join(album, 'IMG_1.JPG(1).json'),
      JSON.stringify({
        photoTakenTime: { timestamp: '1696150800' },
        geoData: { latitude: 41.8902, longitude: 12.4922 },
        people: [{ name: 'Giulia' }],
        favorited: true,
      }),
    );
    await writeFile(
      join(album, 'metadata.json'),
      JSON.stringify({ title: 'Trip to Rome', access: 'protected' }),
    );
    const source = createFolderSource(dir.path);
    const [file] = await source.list();
    assert.ok(file);
    const meta = await source.readMetadata(file);
    // Read once for hash and metadata: the same facts as reading by path, the same hash as hashing the file.
    const original = await source.readOriginal(file);
    assert.equal(original.contentHash, await source.contentHash(file));
    assert.deepEqual(await original.readMetadata(), meta);
    assert.deepEqual(meta.taken, {
      local: '2023-10-01T11:00:00',
      utc: '2023-10-01T09:00:00.000Z',
      source: 'sidecar',
      timeZone: 'Europe/Rome',
      timeZoneSource: 'gps',
    });
    assert.deepEqual(meta.people, ['Giulia']);
    assert.equal(meta.favorite, true);
    assert.deepEqual(meta.albums, ['Trip to Rome']);
  });

  it('ignores broken sidecar and album JSON with a logged reason, keeping the photo', async () => {
    await writeImage(join(dir.path, 'Album', 'IMG_2.jpg'), { dateTimeOriginal: '2022:02:02 12:00:00' });
    await writeFile(join(dir.path, 'Album', 'IMG_2.jpg.json'), '{ not json');
    await writeFile(join(dir.path, 'Album', 'metadata.json'), JSON.stringify({ name: 'no title' }));
    const messages: string[] = [];
    const source = createFolderSource(dir.path, { logger: recordingLogger(messages) });
    const [file] = await source.list();
    assert.ok(file);
    const meta = await source.readMetadata(file);
    assert.equal(meta.taken.local, '2022-02-02T12:00:00');
    assert.deepEqual(meta.albums, []);
    assert.equal(messages.length, 2, messages.join('\n'));
    assert.ok(messages.some((m) => m.startsWith('sidecar ignored') && m.includes('not JSON')));
    assert.ok(messages.some((m) => m.startsWith('takeout album metadata ignored') && m.includes('title')));
  });

  it('lists what it cannot read with a stable code instead of aborting: long paths, links to nothing or themselves, FIFOs', async () => {
    const root = dir.path;
    await writeImage(join(root, 'Good', 'a.jpg'));
    // A folder deeper than PATH_MAX: readdir fails with ENAMETOOLONG whoever runs the walk (root included).
    const component = 'd'.repeat(200);
    const deep = Array.from({ length: 25 }, () => component).join('/');
    execFileSync('mkdir', ['-p', `Deep/${deep}`], { cwd: root });
    await symlink('missing.jpg', join(root, 'Good', 'dangling.jpg'));
    await symlink('loop.jpg', join(root, 'Good', 'loop.jpg'));
    await symlink('a.jpg', join(root, 'Good', 'linked.jpg'));
    execFileSync('mkfifo', [join(root, 'Good', 'pipe.jpg')]);

    // Node's rm cannot remove paths past PATH_MAX either; coreutils' rm walks them relative to each folder.
    const listed = await createFolderSource(root)
      .list()
      .finally(() => execFileSync('rm', ['-rf', 'Deep'], { cwd: root }));
    const byPath = new Map(listed.map((f) => [f.path, f.problem?.code ?? 'ok']));
    assert.equal(byPath.get('Good/a.jpg'), 'ok');
    assert.equal(byPath.get('Good/linked.jpg'), 'ok');
    assert.equal(byPath.get('Good/dangling.jpg'), 'DANGLING_LINK');
    assert.equal(byPath.get('Good/loop.jpg'), 'SYMLINK_LOOP');
    assert.equal(byPath.get('Good/pipe.jpg'), 'NOT_A_FILE');
    const unreadable = listed.filter((f) => f.problem?.code === 'UNREADABLE_FOLDER');
    assert.equal(unreadable.length, 1);
    assert.ok(unreadable[0]?.path.startsWith('Deep/d') && unreadable[0].path.endsWith('/'));
    assert.match(unreadable[0]?.problem?.reason ?? '', /ENAMETOOLONG/);
  });
});
