import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const DOCUMENT_FILE = join(
  __dirname,
  '..',
  '..',
  '..',
  'skill-package',
  'response',
  'display',
  'PhotoSlideshow',
  'document.json',
);

type Json = Record<string, unknown>;
const object = (value: unknown): Json => {
  assert.equal(typeof value, 'object');
  assert.notEqual(value, null);
  return value as Json;
};
const first = (value: unknown): Json => {
  assert.ok(Array.isArray(value) && value.length === 1, 'expected exactly one child');
  return object(value[0]);
};

describe('skill-package PhotoSlideshow APL document', () => {
  const document = object(JSON.parse(readFileSync(DOCUMENT_FILE, 'utf8')));

  it('is an APL document with a long idle timeout and the photos parameter', () => {
    assert.equal(document.type, 'APL');
    assert.match(String(document.version), /^20\d\d\.\d$/);
    assert.ok(Number(object(document.settings).idleTimeout) >= 600_000, 'idleTimeout of at least 10 minutes');
    assert.deepEqual(object(document.mainTemplate).parameters, ['photos']);
  });

  it('has one full-screen Pager "slideshow" bound to ${photos}', () => {
    const pager = first(object(document.mainTemplate).items);
    assert.equal(pager.type, 'Pager');
    assert.equal(pager.id, 'slideshow');
    assert.equal(pager.data, '${photos}');
    assert.equal(pager.navigation, 'normal');
    assert.equal(pager.width, '100vw');
    assert.equal(pager.height, '100vh');
  });

  it('pages are black, name the photo entity for visual context, and hold a best-fit full-screen Image', () => {
    const pager = first(object(document.mainTemplate).items);
    const pageItem = first(pager.items);
    assert.equal(pageItem.backgroundColor, '#000000');
    assert.deepEqual(pageItem.entities, [{ type: 'photo', id: '${data.photoIds[0]}' }]);
    const image = first(pageItem.items);
    assert.deepEqual(
      {
        type: image.type,
        source: image.source,
        width: image.width,
        height: image.height,
        scale: image.scale,
      },
      { type: 'Image', source: '${data.url}', width: '100vw', height: '100vh', scale: 'best-fit' },
    );
  });
});
