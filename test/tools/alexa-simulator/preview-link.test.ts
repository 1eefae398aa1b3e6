import assert from 'node:assert/strict';
import type { ResponseEnvelope } from 'ask-sdk-model';
import { previewUrlFor } from '../../../tools/alexa-simulator/preview-link';

const withDirectives = (types: string[]): ResponseEnvelope => ({
  version: '1.0',
  response: { directives: types.map((type) => ({ type }) as never) },
});
const slideshow = withDirectives([
  'Alexa.Presentation.APL.RenderDocument',
  'Alexa.Presentation.APL.ExecuteCommands',
]);

describe('alexa simulator: the preview link', () => {
  it('points at /preview for the device, with what was asked for and without addressing Alexa', () => {
    assert.equal(
      previewUrlFor(
        'http://localhost:8080',
        'Echo Show 8',
        'Alexa, ask Photo Frame to show beach photos from last summer',
        slideshow,
      ),
      'http://localhost:8080/preview?device=Echo+Show+8&q=show+beach+photos+from+last+summer',
    );
  });

  it('a launch previews the ambient frame (no q); an answer with nothing on screen has no link', () => {
    assert.equal(
      previewUrlFor('http://localhost:8080', 'Echo Spot', 'open photo frame', slideshow),
      'http://localhost:8080/preview?device=Echo+Spot',
    );
    assert.equal(
      previewUrlFor('http://localhost:8080', 'Echo Dot', 'show my photos', withDirectives([])),
      undefined,
    );
  });
});
