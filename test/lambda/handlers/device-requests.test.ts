import assert from 'node:assert/strict';
import type { interfaces } from 'ask-sdk-model';
import {
  SCREEN_DEVICES,
  VOICE_ONLY_DEVICE,
  deviceRequestEnvelope,
  intentEnvelope,
  subjectSlot,
} from '../helpers/envelopes';
import { useRecordedApis } from '../helpers/recorded-alexa-apis';
import { skillHarness, testPhotos } from '../helpers/skill-harness';

type RenderDocument = interfaces.alexa.presentation.apl.RenderDocumentDirective;
type SendIndexListData = interfaces.alexa.presentation.apl.SendIndexListDataDirective;

describe('requests the device sends on its own, per device class', () => {
  useRecordedApis();

  for (const device of SCREEN_DEVICES) {
    it(`${device}: LoadIndexListData pages the slideshow at this screen's size`, async () => {
      const harness = skillHarness(testPhotos(25));
      const shown = await harness.invoke(
        intentEnvelope('ShowPhotosIntent', { subject: subjectSlot('beach', 'BEACH') }, device),
      );
      const render = shown.response.directives?.[0] as RenderDocument;
      const listId = (render.datasources as { photos: { listId: string } }).photos.listId;
      const loaded = await harness.invoke(
        deviceRequestEnvelope(
          {
            type: 'Alexa.Presentation.APL.LoadIndexListData',
            token: 'photo-slideshow',
            correlationToken: 'c1',
            listId,
            startIndex: 20,
            count: 10,
          },
          device,
        ),
      );
      const send = loaded.response.directives?.[0] as SendIndexListData;
      const { width, height } = harness.display.created[0]?.viewport ?? { width: 0, height: 0 };
      assert.deepEqual(
        (send.items as Array<{ index: number; url: string }>).map((item) => item.index),
        [20, 21, 22, 23, 24],
      );
      assert.ok(
        (send.items as Array<{ url: string }>).every((item) => item.url.endsWith(`_${width}x${height}.jpg`)),
      );
      assert.equal(send.maximumExclusiveIndex, 25);
      assert.equal(loaded.response.outputSpeech, undefined);
    });

    it(`${device}: a UserEvent (the document sends none) is logged and answered with nothing`, async () => {
      // Linked accounts only: an event carries no token, and must not need one.
      const harness = skillHarness(testPhotos(), undefined, { identity: { kind: 'login-with-amazon' } });
      const response = await harness.invoke(
        deviceRequestEnvelope(
          {
            type: 'Alexa.Presentation.APL.UserEvent',
            token: 'photo-slideshow',
            arguments: ['photoTapped', 'beach3'],
            source: { type: 'TouchWrapper', handler: 'Press', id: 'page' },
          },
          device,
        ),
      );
      assert.deepEqual(response.response, {});
      const logged = harness.logLines.find((line) => line.message === 'APL user event ignored');
      assert.deepEqual(logged?.fields?.arguments, ['photoTapped', 'beach3']);
      assert.ok(!harness.logLines.some((line) => line.level === 'error'), 'never the error handler');
    });
  }

  for (const device of [...SCREEN_DEVICES, VOICE_ONLY_DEVICE]) {
    it(`${device}: SessionEndedRequest is logged with its reason and error, and answered with nothing`, async () => {
      const harness = skillHarness();
      const error = { type: 'INVALID_RESPONSE', message: 'bad directive' };
      const response = await harness.invoke(
        deviceRequestEnvelope({ type: 'SessionEndedRequest', reason: 'ERROR', error }, device),
      );
      assert.deepEqual(response.response, {});
      const logged = harness.logLines.find((line) => line.message === 'session ended');
      assert.equal(logged?.fields?.reason, 'ERROR');
      assert.deepEqual(logged?.fields?.error, error);
    });
  }
});
