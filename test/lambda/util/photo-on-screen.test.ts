import assert from 'node:assert/strict';
import type { RequestEnvelope } from 'ask-sdk-model';
import {
  chosenPhotoOnScreen,
  photoOnScreen,
  photosOnScreen,
  slideshowIsOnScreen,
} from '../../../lambda/util/photo-on-screen';
import { intentEnvelope, intentOnScreen } from '../helpers/envelopes';

/** The visual context of a page mid-transition: the old page mostly gone, the new one (a pair) coming in. */
function midTransition(): RequestEnvelope {
  const envelope = intentEnvelope('PhotoInfoIntent');
  envelope.context['Alexa.Presentation.APL'] = {
    token: 'photo-slideshow',
    componentsVisibleOnScreen: [
      {
        id: 'root',
        uid: ':1',
        type: 'mixed',
        position: '1280x800+0+0:0',
        tags: {},
        children: [
          {
            id: 'old',
            uid: ':2',
            type: 'graphic',
            position: '1280x800-900+0:0',
            visibility: 0.3,
            entities: [{ type: 'photo', id: 'old' }],
            tags: {},
          },
          {
            id: 'new-left',
            uid: ':3',
            type: 'empty',
            position: '640x800+380+0:0',
            visibility: 1,
            entities: [{ type: 'photo', id: 'left' }],
            tags: {},
          },
          {
            id: 'new-right',
            uid: ':4',
            type: 'empty',
            position: '640x800+1020+0:0',
            visibility: 0.6,
            entities: [{ type: 'photo', id: 'right' }],
            tags: {},
          },
        ],
      },
    ],
  };
  return envelope;
}

describe('the photo on screen (APL visual context)', () => {
  it('one photo: itself, named "this photo"', () => {
    const envelope = intentOnScreen('FavoritePhotoIntent', 'ph_1');
    assert.equal(slideshowIsOnScreen(envelope), true);
    assert.deepEqual(photosOnScreen(envelope), ['ph_1']);
    assert.deepEqual(chosenPhotoOnScreen(envelope), { photoId: 'ph_1', which: 'this' });
    assert.deepEqual(chosenPhotoOnScreen(envelope, 'right'), { photoId: 'ph_1', which: 'this' });
  });

  it('a pair: both, left first; the left one unless the right is asked for', () => {
    const envelope = intentOnScreen('FavoritePhotoIntent', ['ph_l', 'ph_r']);
    assert.deepEqual(photosOnScreen(envelope), ['ph_l', 'ph_r']);
    assert.equal(photoOnScreen(envelope), 'ph_l');
    assert.deepEqual(chosenPhotoOnScreen(envelope), { photoId: 'ph_l', which: 'left' });
    assert.deepEqual(chosenPhotoOnScreen(envelope, 'left'), { photoId: 'ph_l', which: 'left' });
    assert.deepEqual(chosenPhotoOnScreen(envelope, 'right'), { photoId: 'ph_r', which: 'right' });
  });

  it('mid-transition: only what is mostly visible counts; the most visible one alone names "this"', () => {
    const envelope = midTransition();
    assert.deepEqual(photosOnScreen(envelope), ['left', 'right']);
    assert.equal(photoOnScreen(envelope), 'left');
  });

  it("nothing when our document is not on screen, or another skill's document is", () => {
    assert.deepEqual(photosOnScreen(intentEnvelope('PhotoInfoIntent')), []);
    const other = intentOnScreen('PhotoInfoIntent', 'ph_1');
    const state = other.context['Alexa.Presentation.APL'];
    if (state) state.token = 'someone-elses-document';
    assert.equal(slideshowIsOnScreen(other), false);
    assert.deepEqual(photosOnScreen(other), []);
    assert.equal(chosenPhotoOnScreen(other), undefined);
  });
});
