import assert from 'node:assert/strict';
import { folderChangeFor } from '../../../../metadata-service/ingest/watch/folder-changes';

describe('folderChangeFor', () => {
  it('maps originals to changes and removals, folders gone to folder removals', () => {
    assert.deepEqual(folderChangeFor('add', 'Trip/IMG_1.JPG'), { kind: 'changed', path: 'Trip/IMG_1.JPG' });
    assert.deepEqual(folderChangeFor('change', 'a.heic'), { kind: 'changed', path: 'a.heic' });
    assert.deepEqual(folderChangeFor('unlink', 'clip.mov'), { kind: 'removed', path: 'clip.mov' });
    assert.deepEqual(folderChangeFor('unlinkDir', 'Trip/Day 1'), {
      kind: 'removed-folder',
      path: 'Trip/Day 1/',
    });
  });

  it('reports Takeout and XMP sidecars so their photos are looked at again', () => {
    assert.deepEqual(folderChangeFor('add', 'T/IMG_1.JPG.json'), {
      kind: 'sidecar',
      path: 'T/IMG_1.JPG.json',
    });
    assert.deepEqual(folderChangeFor('unlink', 'IMG_1.XMP'), { kind: 'sidecar', path: 'IMG_1.XMP' });
  });

  it('ignores noise: temporary names, dotfiles and dot-folders, other files, new folders, hostile paths', () => {
    for (const [event, path] of [
      ['add', 'IMG_1.jpg.tmp'],
      ['add', 'IMG_1.jpg~'],
      ['add', '.IMG_1.jpg.swp'],
      ['add', '.Trash/IMG_1.jpg'],
      ['unlinkDir', '.thumbnails'],
      ['add', 'notes.txt'],
      ['addDir', 'New folder'],
      ['add', '../outside.jpg'],
      ['add', 'a//b.jpg'],
      ['unlinkDir', ''],
    ] as const) {
      assert.equal(folderChangeFor(event, path), undefined, `${event} ${path}`);
    }
  });
});
