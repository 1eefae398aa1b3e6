import assert from 'node:assert/strict';
import type { SlideshowItem, SlideshowPage } from '../../../../common/contracts';
import { Playlist } from '../../../../display-service/frame/browser/playlist';

function item(index: number): SlideshowItem {
  return {
    index,
    photoIds: [`p${index}`],
    url: `http://localhost/v1/display/renditions/p${index}/1280x800?sig=x`,
    width: 1280,
    height: 800,
    takenLocal: null,
    layout: 'single',
    caption: { takenLocal: null, place: null, people: [] },
  };
}

function pageOf(start: number, count: number, total: number, endless = false): SlideshowPage {
  const end = endless ? start + count : Math.min(total, start + count);
  const items = Array.from({ length: Math.max(0, end - start) }, (_, i) => item(start + i));
  return {
    slideshowId: 'ss_test0000000001',
    total: endless ? Math.max(total, end) : total,
    span: null,
    startIndex: start,
    items,
    ...(endless ? { endless: true as const } : {}),
  };
}

describe('frame playlist', () => {
  it('loads each page once however many ask for it, at page boundaries', async () => {
    const asked: number[] = [];
    const playlist = new Playlist(
      pageOf(0, 10, 35),
      (_id, start, count) => {
        asked.push(start);
        return Promise.resolve(pageOf(start, count, 35));
      },
      10,
    );
    const [a, b, c] = await Promise.all([playlist.itemAt(13), playlist.itemAt(17), playlist.itemAt(19)]);
    assert.deepEqual([a?.index, b?.index, c?.index], [13, 17, 19]);
    assert.deepEqual(asked, [10]);
    assert.equal(await playlist.itemAt(35), undefined);
    assert.deepEqual(asked, [10]);
  });

  it('wraps a playlist and never goes below 0 in an endless one', () => {
    const finite = new Playlist(pageOf(0, 10, 12), () => Promise.reject(new Error('no')), 10);
    assert.deepEqual([finite.normalize(12), finite.normalize(-1), finite.normalize(25)], [0, 11, 1]);
    const endless = new Playlist(pageOf(0, 10, 10, true), () => Promise.reject(new Error('no')), 10);
    assert.deepEqual([endless.normalize(-3), endless.normalize(1000)], [0, 1000]);
  });

  it('keeps a bounded window of items around the position in an endless slideshow', async () => {
    const playlist = new Playlist(
      pageOf(0, 10, 10, true),
      (_id, start, count) => Promise.resolve(pageOf(start, count, start, true)),
      10,
    );
    for (let index = 0; index < 300; index += 10) await playlist.itemAt(index);
    playlist.prune(250);
    assert.equal(playlist.known(219), undefined);
    assert.ok(playlist.known(220));
    assert.ok(playlist.known(299));
    assert.equal(playlist.known(0), undefined);
  });
});
