import assert from 'node:assert/strict';
import { listVersionOnScreen } from '../../../lambda/util/list-version-on-screen';
import { chosenPhotoOnScreen } from '../../../lambda/util/photo-on-screen';
import { intentOnScreen } from '../helpers/envelopes';
import { onListPage } from '../helpers/list-pages';

const LIST = 'ss_abcdefghij12';

describe('the page a photo is on, from the visual context', () => {
  it('reads the slideshow index and list the photo entity names, as a number or a numeric string', () => {
    assert.deepEqual(
      chosenPhotoOnScreen(onListPage(intentOnScreen('HidePhotoIntent', 'p7'), { listId: LIST, index: 7 })),
      {
        photoId: 'p7',
        which: 'this',
        page: { listId: LIST, index: 7 },
      },
    );
    const asText = onListPage(intentOnScreen('HidePhotoIntent', ['p4', 'p5']), { listId: LIST, index: 4 });
    const entity = JSON.stringify(asText.context['Alexa.Presentation.APL']).replace(
      /"index":4/g,
      '"index":"4"',
    );
    asText.context['Alexa.Presentation.APL'] = JSON.parse(
      entity,
    ) as (typeof asText.context)['Alexa.Presentation.APL'];
    assert.deepEqual(chosenPhotoOnScreen(asText, 'right')?.page, { listId: LIST, index: 4 });
  });

  it('leaves the page out when the entity does not name a usable one', () => {
    assert.deepEqual(chosenPhotoOnScreen(intentOnScreen('HidePhotoIntent', 'p7')), {
      photoId: 'p7',
      which: 'this',
    });
    for (const index of [-1, 2.5, 'x', '']) {
      const envelope = onListPage(intentOnScreen('HidePhotoIntent', 'p7'), {
        listId: LIST,
        index: index as number,
      });
      assert.equal(chosenPhotoOnScreen(envelope)?.page, undefined, String(index));
    }
  });

  it("reads the device's version of the list, only for that list and only while the slideshow is on screen", () => {
    const envelope = onListPage(intentOnScreen('HidePhotoIntent', 'p7'), { listId: LIST, index: 7 }, 5);
    assert.equal(listVersionOnScreen(envelope, LIST), 5);
    assert.equal(listVersionOnScreen(envelope, 'ss_otherlist0001'), undefined);
    assert.equal(listVersionOnScreen(intentOnScreen('HidePhotoIntent', 'p7'), LIST), undefined);
    const elsewhere = onListPage(intentOnScreen('HidePhotoIntent', 'p7'), { listId: LIST, index: 7 }, 5);
    const apl = elsewhere.context['Alexa.Presentation.APL'];
    if (apl) apl.token = 'another-document';
    assert.equal(listVersionOnScreen(elsewhere, LIST), undefined);
  });
});
