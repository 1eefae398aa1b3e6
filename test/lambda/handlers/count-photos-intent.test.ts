import assert from 'node:assert/strict';
import { join } from 'node:path';
import { writeImage } from '../../metadata-service/fixtures/images';
import { startRealSkill, type RealSkill } from '../helpers/real-skill';

const ZERMATT = { latitude: 46.0207, longitude: 7.7491 };

/** "How many … do I have?" against a real library over HTTP: the count a slideshow would show, and no slideshow. */
describe('CountPhotosIntent (a real library)', function () {
  this.timeout(90_000);
  let skill: RealSkill;

  /** Three snow photos in Zermatt (one with the dog) and a beach day in an album. */
  const library: [string, Parameters<typeof writeImage>[1]][] = [
    [
      'DCIM/Camera/IMG_20250201.jpg',
      { dateTimeOriginal: '2025:02:01 11:00:00', gps: ZERMATT, xmp: { subject: ['snow', 'dog'] } },
    ],
    [
      'DCIM/Camera/IMG_20250202.jpg',
      { dateTimeOriginal: '2025:02:02 11:00:00', gps: ZERMATT, xmp: { subject: ['snow'] }, scene: 'stripes' },
    ],
    [
      'DCIM/Camera/IMG_20250203.jpg',
      { dateTimeOriginal: '2025:02:03 11:00:00', gps: ZERMATT, xmp: { subject: ['snow'] }, scene: 'checker' },
    ],
    [
      'Beach day 2025/IMG_20250704.jpg',
      { dateTimeOriginal: '2025:07:04 15:00:00', xmp: { subject: ['beach'] }, scene: 'harbour' },
    ],
  ];

  before(async () => {
    skill = await startRealSkill(async (photos) => {
      for (const [path, image] of library) await writeImage(join(photos, path), image);
    });
  });

  after(() => skill.close());

  it('says the count alone, on a screen too, and shows nothing', async () => {
    const all = await skill.say('how many photos do I have', 'en-US', 'Echo Show 8');
    assert.equal(all.intent, 'CountPhotosIntent');
    assert.match(all.speech, /^<speak>You have 4 photos, taken between February and July 2025\.<\/speak>$/);
    assert.deepEqual(all.directives, []);

    const snowInZermatt = await skill.say(
      'how many snow photos did I take in zermatt',
      'en-US',
      'Echo Show 8',
    );
    assert.deepEqual(snowInZermatt.slots, { subject: 'snow', place: 'zermatt' });
    assert.match(snowInZermatt.speech, /You have 3 snow photos in zermatt, taken in February 2025\./);
    assert.deepEqual(snowInZermatt.directives, []);

    const german = await skill.say('wie viele fotos habe ich aus der schweiz', 'de-DE');
    assert.match(german.speech, /Du hast 3 Fotos in der schweiz/);
  });

  it('hears the subject after the question, as people ask it ("of the dog", "vom Strand")', async () => {
    const ofTheDog = await skill.say('how many photos do I have of the dog');
    assert.deepEqual([ofTheDog.intent, ofTheDog.slots], ['CountPhotosIntent', { subject: 'dog' }]);
    assert.match(ofTheDog.speech, /You have 1 dog photo, taken on February 1, 2025\./);

    const vomStrand = await skill.say('wie viele fotos habe ich vom strand', 'de-DE');
    assert.equal(vomStrand.intent, 'CountPhotosIntent');
    assert.match(vomStrand.speech, /Du hast ein Foto zum Thema Strand/);
  });

  it('says what found nothing, never a wider count', async () => {
    const none = await skill.say('how many beach photos did I take in zermatt');
    assert.match(none.speech, /I found no beach photos in zermatt|I found no photos in zermatt/);
    assert.doesNotMatch(none.speech, /You have/);
    const nobody = await skill.say('how many photos of grandma do I have');
    assert.match(nobody.speech, /I don't know who grandma is/);
  });
});
