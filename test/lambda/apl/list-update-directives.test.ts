import assert from 'node:assert/strict';
import { buildDeleteListItem, buildListEndUpdate } from '../../../lambda/apl/list-update-directives';
import { SLIDESHOW_DOCUMENT } from '../../../lambda/apl/slideshow-document';

describe('list update directives', () => {
  it('deletes one item where the device holds it, with the given version', () => {
    assert.deepEqual(buildDeleteListItem('ss_abcdefghij12', 3, 7), {
      type: 'Alexa.Presentation.APL.UpdateIndexListData',
      token: 'photo-slideshow',
      listId: 'ss_abcdefghij12',
      listVersion: 3,
      operations: [{ type: 'DeleteItem', index: 7 }],
    });
  });

  it("moves the document's loop end to the item kept before a deleted one, only when the deleted one was the end", () => {
    assert.deepEqual(buildListEndUpdate(24, 21), {
      type: 'SetValue',
      componentId: 'slideshow',
      property: 'lastIndex',
      value: 21,
      when: '${lastIndex == 24}',
    });
    // It sets a number binding the document declares, on the pager (SetValue finds bindings up from there).
    const bind = (SLIDESHOW_DOCUMENT.mainTemplate as { bind: Array<{ name: string; type: string }> }).bind;
    assert.deepEqual(
      bind.find((binding) => binding.name === 'lastIndex'),
      { name: 'lastIndex', type: 'number', value: '${slideshow.total - 1}' },
    );
  });
});
