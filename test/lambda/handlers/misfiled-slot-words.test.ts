import assert from 'node:assert/strict';
import { join } from 'node:path';
import { writeImage } from '../../metadata-service/fixtures/images';
import { startRealSkill, type RealSkill } from '../helpers/real-skill';

const ZERMATT = { latitude: 46.0207, longitude: 7.7491 };
const SEATTLE = { latitude: 47.6062, longitude: -122.3321 };

/**
 * A phone's folder as the library ingests it: Zermatt by GPS only (no keyword says so), Anna by an MWG face region,
 * the beach by a keyword. The skill and library are the real ones, over HTTP (helpers/real-skill.ts).
 */
describe('ShowPhotosIntent: words Alexa put in a slot of another kind (a real library)', function () {
  this.timeout(90_000);
  let skill: RealSkill;

  before(async () => {
    skill = await startRealSkill(async (photos) => {
      const camera = join(photos, 'DCIM', 'Camera');
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
      await writeImage(join(camera, 'IMG_20241225.jpg'), {
        dateTimeOriginal: '2024:12:25 17:00:00',
        xmp: { faces: ['Anna', 'Grandpa Joe'] },
        scene: 'lisbon',
      });
      // The small hours after midnight still belong to New Year's Eve.
      await writeImage(join(camera, 'IMG_20250101.jpg'), {
        dateTimeOriginal: '2025:01:01 02:00:00',
        scene: 'stripes',
      });
      // An album named by a season and its year span.
      await writeImage(join(photos, 'Winter 2025-26', 'IMG_20260110.jpg'), {
        dateTimeOriginal: '2026:01:10 12:00:00',
        scene: 'checker',
      });
      await writeImage(join(camera, 'IMG_20250803.jpg'), {
        dateTimeOriginal: '2025:08:03 15:00:00',
        gps: SEATTLE,
        xmp: { subject: ['dog', 'beach'] },
        scene: 'diagonal',
      });
    });
  });

  after(() => skill.close());

  const say = (words: string | Record<string, string>, locale?: string) => skill.say(words, locale);

  it('"show photos of Zermatt" (a city in the subject slot) counts the photos taken there', async () => {
    const heard = await say('show photos of zermatt');
    assert.deepEqual(heard.slots, { subject: 'zermatt' });
    assert.match(heard.speech, /You have 3 photos in zermatt, taken in February 2025/);
  });

  it('a city heard as a person, and a person heard as a place (German "von"), with another slot kept', async () => {
    // "Show photos of {person}" and "of {subject}" share their words: Alexa may fill either.
    const withZermatt = await say({ person: 'zermatt' });
    assert.match(withZermatt.speech, /You have 3 photos in zermatt/);

    const vonAnna = await say('zeige fotos von anna', 'de-DE');
    assert.deepEqual(vonAnna.slots, { place: 'anna' });
    assert.match(vonAnna.speech, /Du hast 3 Fotos mit Anna/);

    // A family word in a name, heard as a place: the skill's own reading of names knows "Opa" is Grandpa.
    const opaJoe = await say('zeige fotos von opa joe', 'de-DE');
    assert.deepEqual(opaJoe.slots, { place: 'opa joe' });
    assert.match(opaJoe.speech, /Du hast ein Foto mit Grandpa Joe, aufgenommen am 25. Dezember 2024/);

    // Read as German: "am" is filler there, "Strand" the beach.
    const annaAtTheBeach = await say('zeige fotos von anna am strand', 'de-DE');
    assert.deepEqual(annaAtTheBeach.slots, { place: 'anna am strand' });
    assert.match(
      annaAtTheBeach.speech,
      /Du hast ein Foto zum Thema Strand mit Anna, aufgenommen am 4. Juli 2025/,
    );

    // A country with its article, as German says it: read as Switzerland, said back as heard, article and all.
    const switzerland = await say('zeige fotos aus der schweiz', 'de-DE');
    assert.deepEqual(switzerland.slots, { place: 'der schweiz' });
    assert.match(switzerland.speech, /Du hast 3 Fotos in der schweiz/);

    const annaFrom2025 = await say({ place: 'anna', date: '2025' }, 'de-DE');
    assert.match(annaFrom2025.speech, /Du hast 2 Fotos mit Anna aus dem Jahr 2025/);

    const zermattIn2025 = await say('show photos of zermatt from 2025');
    assert.deepEqual(zermattIn2025.slots, { subject: 'zermatt', date: '2025' });
    assert.match(zermattIn2025.speech, /You have 3 photos in zermatt from 2025/);
  });

  it('a date heard as a place is the date ("photos from the summer of 2025"), said as the skill says dates', async () => {
    const summer = await say({ place: 'the summer of 2025' });
    assert.match(summer.speech, /You have 4 photos from summer 2025, taken between July and August 2025/);
    // A holiday: "Christmas 2024" (24-27 December), beside the person asked for.
    const christmas = await say({ place: 'christmas 2024', person: 'anna' });
    assert.match(christmas.speech, /You have 1 photo of Anna from Christmas 2024/);
    const newYearsEve = await say({ place: "new year's eve 2024" });
    assert.match(newYearsEve.speech, /You have 1 photo from New Year's Eve 2024\./);
    const july = await say({ place: 'july 2025', subject: 'beach' });
    assert.match(july.speech, /You have 1 beach photo from July 2025/);
    // A date beside another date is not taken: two dates would be one more constraint than was asked.
    const twoDates = await say({ place: 'july 2025', date: '2025-08' });
    assert.match(twoDates.speech, /I found no photos in july 2025/);
  });

  it('several subjects in the subject slot are each a subject, every one on each photo', async () => {
    const dogAtTheBeach = await say('show photos of the dog at the beach');
    assert.deepEqual(dogAtTheBeach.slots, { subject: 'dog at the beach' });
    assert.match(dogAtTheBeach.speech, /You have 1 dog and beach photo, taken on August 3, 2025/);

    const hundAmStrand = await say('zeige fotos vom hund am strand', 'de-DE');
    assert.deepEqual(hundAmStrand.slots, { subject: 'hund am strand' });
    assert.match(hundAmStrand.speech, /Du hast ein Foto zum Thema Hund und Strand/);

    // The subject that found nothing is the one named.
    const dogInTheSnow = await say('show photos of the dog and the snow');
    assert.match(dogInTheSnow.speech, /^<speak>I found no snow photos\./);
  });

  it('a continent is the countries in it, in a place slot or read again from the subject', async () => {
    const europe = await say({ place: 'europe' });
    assert.match(europe.speech, /You have 3 photos in europe, taken in February 2025/);
    const northAmerica = await say({ place: 'north america', subject: 'beach' });
    assert.match(northAmerica.speech, /You have 3 beach photos in north america/);
    const asia = await say('zeige fotos aus asien', 'de-DE');
    // Said as heard, in German, not as the library's English name for it.
    assert.match(asia.speech, /Ich habe keine Fotos in asien gefunden/);
  });

  it('a place that found nothing is said as heard: "dc", never the state the library also calls Washington', async () => {
    const dc = await say('show photos from dc');
    assert.deepEqual(dc.slots, { place: 'dc' });
    assert.match(dc.speech, /^<speak>I found no photos in dc\./);
  });

  it('an album said with the word "album", in any slot, by its name without its year span', async () => {
    const winter = await say('play the winter album');
    assert.deepEqual(winter.slots, { album: 'winter' });
    assert.match(winter.speech, /You have 1 photo from your Winter 2025-26 album/);
    const heardAsPlace = await say({ place: 'my winter album' });
    assert.match(heardAsPlace.speech, /You have 1 photo from your Winter 2025-26 album/);
    const heardAsSubject = await say({ subject: 'winter album' });
    assert.match(heardAsSubject.speech, /You have 1 photo from your Winter 2025-26 album/);
  });

  it('order words heard as a subject set the order, said back, and filter nothing', async () => {
    const latest = await say('show my latest photos');
    assert.deepEqual(latest.slots, { subject: 'latest' });
    assert.match(
      latest.speech,
      /You have 10 photos, taken between December 2024 and January 2026, newest first/,
    );
    const randomBeach = await say({ subject: 'random beach' });
    assert.match(randomBeach.speech, /You have 3 beach photos, .*in random order/);
    // "me" names someone in the photos, whom the library does not know: nothing, not every photo.
    const me = await say('show photos of me');
    assert.match(me.speech, /I don't know which of your photos you're in yet/);
    const uns = await say({ person: 'uns' }, 'de-DE');
    assert.match(uns.speech, /Ich weiß noch nicht, auf welchen deiner Fotos du bist/);
  });

  it('never widens: an unknown word, or a reading that finds nothing with the rest, is said as found nothing', async () => {
    const unknown = await say('show photos of zermatt zorblax');
    assert.match(unknown.speech, /I found no zermatt zorblax photos/);

    const nobody = await say('zeige fotos von zorblax', 'de-DE');
    assert.match(nobody.speech, /Ich habe keine Fotos in zorblax gefunden/);

    // Zermatt is read as the place, and the year is what then finds nothing: said so, nothing else shown.
    const wrongYear = await say('show photos of zermatt from 2019');
    assert.match(wrongYear.speech, /I found no photos from 2019/);
    assert.match(wrongYear.speech, /Your most recent photos in zermatt are from February 2025/);
  });
});
