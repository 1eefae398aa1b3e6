import assert from 'node:assert/strict';
import type { ResponseEnvelope } from 'ask-sdk-model';
import { findDevice } from '../../../tools/alexa-simulator/devices';
import { formatSummary } from '../../../tools/alexa-simulator/summary';

describe('simulator summary', () => {
  it('prints device, heard slots with ids (or no match), plain speech, directives, APL list and the first 3 URLs', () => {
    const reply: ResponseEnvelope = {
      version: '1.0',
      response: {
        outputSpeech: { type: 'SSML', ssml: '<speak>Here are 12 beach photos &amp; more.</speak>' },
        directives: [
          {
            type: 'Alexa.Presentation.APL.RenderDocument',
            token: 'photo-slideshow',
            document: {},
            datasources: {
              photos: {
                type: 'dynamicIndexList',
                listId: 'ss_abcdefghij',
                startIndex: 0,
                maximumExclusiveIndex: 12,
                items: [0, 1, 2, 3].map((i) => ({ url: `https://x.test/${i}.jpg` })),
              },
            },
          },
          { type: 'Alexa.Presentation.APL.ExecuteCommands', token: 'photo-slideshow', commands: [] },
        ],
      },
    };
    const lines = formatSummary(
      findDevice('Echo Show 8'),
      {
        type: 'IntentRequest',
        intent: {
          name: 'ShowPhotosIntent',
          confirmationStatus: 'NONE',
          slots: {
            subject: {
              name: 'subject',
              value: 'seaside',
              confirmationStatus: 'NONE',
              resolutions: {
                resolutionsPerAuthority: [
                  {
                    authority: 'a',
                    status: { code: 'ER_SUCCESS_MATCH' },
                    values: [{ value: { id: 'BEACH', name: 'beach' } }],
                  },
                ],
              },
            },
            date: { name: 'date', confirmationStatus: 'NONE' },
            person: {
              name: 'person',
              value: 'anna',
              confirmationStatus: 'NONE',
              resolutions: {
                resolutionsPerAuthority: [
                  { authority: 'p', status: { code: 'ER_SUCCESS_NO_MATCH' }, values: [] },
                ],
              },
            },
          },
        },
      },
      reply,
    );
    assert.deepEqual(lines, [
      'Device:     Echo Show 8 (HUB RECTANGLE 1280x800 dpi 213, APL)',
      'Heard:      ShowPhotosIntent subject="seaside" (id BEACH), person="anna" (no match)',
      'Speech:     Here are 12 beach photos & more.',
      'Session:    open on screen devices (shouldEndSession unset)',
      'Directives: Alexa.Presentation.APL.RenderDocument, Alexa.Presentation.APL.ExecuteCommands',
      'APL:        token photo-slideshow, listId ss_abcdefghij, items 12, loaded 4 (from index 0)',
      '  photo 0: https://x.test/0.jpg',
      '  photo 1: https://x.test/1.jpg',
      '  photo 2: https://x.test/2.jpg',
    ]);
  });
});
