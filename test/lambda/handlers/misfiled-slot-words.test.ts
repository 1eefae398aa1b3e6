import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ResponseEnvelope } from 'ask-sdk-model';
import { readLocalSecrets } from '../../../server/local-secrets';
import { localStackConfigFromEnv, startLocalStack, type LocalStack } from '../../../server/local-stack';
import { findDevice } from '../../../tools/alexa-simulator/devices';
import { buildRequestEnvelope, SIMULATOR_IDENTITY } from '../../../tools/alexa-simulator/envelope';
import {
  intentFromSlotValues,
  matchUtterance,
  type HeardRequest,
} from '../../../tools/alexa-simulator/interaction-model-matcher';
import { loadLanguageModel } from '../../../tools/alexa-simulator/interaction-model';
import { sendToSkill } from '../../../tools/alexa-simulator/skill-transport';
import { writeImage } from '../../metadata-service/fixtures/images';

const ZERMATT = { latitude: 46.0207, longitude: 7.7491 };
const SEATTLE = { latitude: 47.6062, longitude: -122.3321 };

interface Heard {
  slots: Record<string, string>;
  speech: string;
}

/**
 * A phone's folder as the library ingests it: Zermatt by GPS only (no keyword says so), Anna by an MWG face region,
 * the beach by a keyword. The skill and library are the real ones, over HTTP; what Alexa hears comes from the
 * interaction model, so each request lands in the slot a real model would give those carrier words.
 */
describe('ShowPhotosIntent: words Alexa put in a slot of another kind (a real library)', function () {
  this.timeout(90_000);
  let root: string;
  let stack: LocalStack;

  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'photoframe-misfiled-'));
    const camera = join(root, 'photos', 'DCIM', 'Camera');
    for (let day = 1; day <= 3; day++) {
      await writeImage(join(camera, `IMG_2025020${day}.jpg`), {
        dateTimeOriginal: `2025:02:0${day} 11:00:00`,
        offsetTimeOriginal: '+01:00',
        gps: ZERMATT,
        scene: 'stripes',
      });
    }
    await writeImage(join(camera, 'IMG_20250704.jpg'), {
      dateTimeOriginal: '2025:07:04 15:00:00',
      gps: SEATTLE,
      xmp: { faces: ['Anna'], subject: ['beach'] },
    });
    await writeImage(join(camera, 'IMG_20250801.jpg'), {
      dateTimeOriginal: '2025:08:01 15:00:00',
      gps: SEATTLE,
      xmp: { faces: ['Anna'] },
      scene: 'harbour',
    });
    await writeImage(join(camera, 'IMG_20250802.jpg'), {
      dateTimeOriginal: '2025:08:02 15:00:00',
      gps: SEATTLE,
      xmp: { subject: ['beach'] },
      scene: 'checker',
    });
    stack = await startLocalStack({
      ...localStackConfigFromEnv({ VISION: 'false' }),
      port: 0,
      dataDir: join(root, 'data'),
      photosDir: join(root, 'photos'),
      logLevel: 'silent' as const,
    });
    await stack.ingestDone;
  });

  after(async () => {
    await stack.close();
    await rm(root, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  });

  const matchContext = (locale: string) => ({
    today: new Date('2026-12-07T12:00:00Z'),
    applicationId: SIMULATOR_IDENTITY.applicationId,
    locale,
  });

  /** `words` as the interaction model hears them, or (an object) ShowPhotosIntent with exactly these slot values. */
  async function say(words: string | Record<string, string>, locale = 'en-US'): Promise<Heard> {
    const model = loadLanguageModel(locale);
    const heard: HeardRequest =
      typeof words === 'string'
        ? matchUtterance(model, words, matchContext(locale))
        : intentFromSlotValues(model, 'ShowPhotosIntent', words, matchContext(locale));
    assert.equal(heard.type, 'IntentRequest', JSON.stringify(words));
    const slots = Object.fromEntries(
      Object.values(heard.type === 'IntentRequest' ? (heard.intent.slots ?? {}) : {})
        .filter((slot) => slot.value !== undefined)
        .map((slot) => [slot.name, slot.value ?? '']),
    );
    const reply = await sendToSkill(
      `${stack.url}/alexa`,
      buildRequestEnvelope({ device: findDevice('Echo Dot'), heard, locale }),
      readLocalSecrets(join(root, 'data'))?.simulatorToken,
    );
    assert.equal(reply.status, 200, JSON.stringify(reply.body));
    const speech = (reply.body as ResponseEnvelope).response.outputSpeech;
    return { slots, speech: speech && 'ssml' in speech ? speech.ssml : '' };
  }

  it('"show photos of Zermatt" (a city in the subject slot) counts the photos taken there', async () => {
    const heard = await say('show photos of zermatt');
    assert.deepEqual(heard.slots, { subject: 'zermatt' });
    assert.match(heard.speech, /You have 3 photos in Zermatt, taken in February 2025/);
  });

  it('a city heard as a person, and a person heard as a place (German "von"), with another slot kept', async () => {
    // "Show photos of {person}" and "of {subject}" share their words: Alexa may fill either.
    const withZermatt = await say({ person: 'zermatt' });
    assert.match(withZermatt.speech, /You have 3 photos in Zermatt/);

    const vonAnna = await say('zeige fotos von anna', 'de-DE');
    assert.deepEqual(vonAnna.slots, { place: 'anna' });
    assert.match(vonAnna.speech, /Du hast 2 Fotos mit Anna/);

    const annaFrom2025 = await say({ place: 'anna', date: '2025' }, 'de-DE');
    assert.match(annaFrom2025.speech, /Du hast 2 Fotos mit Anna aus dem Jahr 2025/);

    const zermattIn2025 = await say('show photos of zermatt from 2025');
    assert.deepEqual(zermattIn2025.slots, { subject: 'zermatt', date: '2025' });
    assert.match(zermattIn2025.speech, /You have 3 photos in Zermatt from 2025/);
  });

  it('never widens: an unknown word, or a reading that finds nothing with the rest, is said as found nothing', async () => {
    const unknown = await say('show photos of zermatt zorblax');
    assert.match(unknown.speech, /I found no zermatt zorblax photos/);

    const nobody = await say('zeige fotos von zorblax', 'de-DE');
    assert.match(nobody.speech, /Ich habe keine Fotos in zorblax gefunden/);

    // Zermatt is read as the place, and the year is what then finds nothing: said so, nothing else shown.
    const wrongYear = await say('show photos of zermatt from 2019');
    assert.match(wrongYear.speech, /I found no photos from 2019/);
    assert.match(wrongYear.speech, /Your most recent photos in Zermatt are from February 2025/);
  });
});
