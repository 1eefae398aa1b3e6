import assert from 'node:assert/strict';
import { captureLabels, panoramaFact } from '../../../metadata-service/ingest/capture-labels';
import { keywordLabels, textLabels } from '../../../metadata-service/ingest/photo-labels';

type Input = Parameters<typeof captureLabels>[0];

const still = (overrides: Partial<Input> = {}, capture: Partial<Input['capture']> = {}): Input => ({
  mediaKind: 'photo',
  width: 4032,
  height: 3024,
  isScreenshot: false,
  ...overrides,
  capture: { lens: null, projection: null, greyscale: false, ...capture },
});

const labelsOf = (input: Input) => captureLabels(input).map((l) => l.label);

describe('capture labels', () => {
  it('gives an ordinary photo from the back camera none', () => {
    assert.deepEqual(labelsOf(still({}, { lens: 'iPhone 13 back dual wide camera 5.1mm f/1.6' })), []);
    assert.deepEqual(labelsOf(still({ width: 1920, height: 1080 })), [], '16:9 is no panorama');
  });

  it('calls a photo from a phone front camera a selfie, with the lens as its fact', () => {
    for (const lens of [
      'iPhone 13 front camera 2.71mm f/2.2',
      'iPhone X front TrueDepth camera 2.87mm f/2.2',
      'Pixel 7 front camera 2.74mm f/2.2',
    ]) {
      const [label] = captureLabels(still({ width: 3088, height: 2316 }, { lens }));
      assert.deepEqual(label, { label: 'selfie', source: 'capture', confidence: 1, detail: `lens: ${lens}` });
    }
    assert.deepEqual(labelsOf(still({}, { lens: 'EF24-105mm f/4L IS USM' })), []);
    assert.deepEqual(labelsOf(still({}, { lens: 'Storefront 35mm' })), [], 'front must be a word of its own');
  });

  it('calls a still twice as long as high (either way) or with a panorama projection a panorama', () => {
    assert.deepEqual(labelsOf(still({ width: 8000, height: 2000 })), ['panorama']);
    assert.deepEqual(labelsOf(still({ width: 1500, height: 3000 })), ['panorama'], 'an upright panorama');
    assert.deepEqual(labelsOf(still({ width: 4000, height: 2001 })), [], 'just under 2:1');
    assert.deepEqual(labelsOf(still({ width: 1000, height: 250 })), ['panorama'], 'as long as one gets');
    assert.deepEqual(labelsOf(still({ width: 487, height: 121 })), [], 'a crop of a word is no panorama');
    assert.deepEqual(labelsOf(still({ width: 120, height: 999 })), [], 'nor an upright banner');
    assert.deepEqual(labelsOf(still({ width: 2000, height: 1500 }, { projection: 'equirectangular' })), [
      'panorama',
    ]);
    assert.deepEqual(labelsOf(still({}, { projection: 'rectilinear' })), []);
    assert.equal(panoramaFact(8000, 2000, null), '8000x2000');
    assert.equal(panoramaFact(4000, 2000, ' Cylindrical '), 'projection: Cylindrical');
  });

  it('labels a screenshot as one, and not as a panorama for its long shape', () => {
    assert.deepEqual(labelsOf(still({ width: 1170, height: 2532, isScreenshot: true })), ['screenshot']);
  });

  it('calls a still with one colour channel black and white', () => {
    assert.deepEqual(labelsOf(still({}, { greyscale: true })), ['black and white']);
  });

  it('calls a still with motion a live photo, by where its video is', () => {
    const motion = { path: null, uri: null, offset: 1000, bytes: 2000, durationMs: 1500 };
    assert.deepEqual(captureLabels({ ...still(), motion: { ...motion, kind: 'motion-photo' } }), [
      { label: 'live photo', source: 'capture', confidence: 1, detail: 'motion: a video inside the file' },
    ]);
    assert.deepEqual(labelsOf({ ...still(), motion: { ...motion, kind: 'live-photo' } }), ['live photo']);
  });

  it('gives a video none, whatever its shape or name', () => {
    assert.deepEqual(
      labelsOf(
        still({ mediaKind: 'video', width: 3840, height: 1080, isScreenshot: true }, { greyscale: true }),
      ),
      [],
    );
  });

  it('reads the same labels from a keyword as from the file, and "black and white" in prose as a colour', () => {
    const keywords = keywordLabels(['Selfie', 'Panoramas', 'B&W', 'Screenshots']).map((l) => l.label);
    assert.deepEqual(keywords.sort(), ['black and white', 'panorama', 'screenshot', 'selfie']);
    assert.deepEqual(
      textLabels(['a black and white cat asleep']).map((l) => l.label),
      ['cat'],
      'the cat is black and white, not the photo',
    );
  });
});
