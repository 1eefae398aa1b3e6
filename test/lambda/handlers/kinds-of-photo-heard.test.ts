import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { sceneSvg, writeImage } from '../../metadata-service/fixtures/images';
import { writeMotionVideo } from '../../metadata-service/ingest/live-photos/live-photo-fixtures';
import { startRealSkill, type RealSkill } from '../helpers/real-skill';

/**
 * Kinds of photo people ask for by name (Google Photos answers "selfies", "screenshots", "panoramas"): a phone
 * backup ingested for real, each kind told from its file, asked through the interaction models.
 */
describe('ShowPhotosIntent: selfies, screenshots, panoramas, black and white (a real library)', function () {
  this.timeout(90_000);
  let skill: RealSkill;

  before(async () => {
    skill = await startRealSkill(async (photos) => {
      const camera = join(photos, 'DCIM', 'Camera');
      const iphone = { make: 'Apple', model: 'iPhone 13' };
      const front = { ...iphone, lensModel: 'iPhone 13 front camera 2.71mm f/2.2' };
      await writeImage(join(camera, 'IMG_0001.jpg'), {
        ...front,
        dateTimeOriginal: '2026:07:14 10:00:00',
        scene: 'lisbon',
      });
      await writeImage(join(camera, 'IMG_0002.jpg'), {
        ...front,
        dateTimeOriginal: '2026:07:15 10:00:00',
        scene: 'harbour',
      });
      await writeImage(join(camera, 'IMG_0003.jpg'), {
        ...iphone,
        lensModel: 'iPhone 13 back dual wide camera 5.1mm f/1.6',
        dateTimeOriginal: '2026:07:16 10:00:00',
        scene: 'diagonal',
      });
      await writeImage(join(camera, 'IMG_0004.jpg'), {
        ...iphone,
        dateTimeOriginal: '2026:07:17 10:00:00',
        scene: 'checker',
        width: 1280,
        height: 320,
      });
      await writeImage(join(photos, 'Screenshots', 'Screenshot_20260718-101010.png'), {
        format: 'png',
        scene: 'stripes',
        width: 120,
        height: 260,
      });
      // An iPhone Live Photo: the still and its MOV beside it.
      await writeImage(join(camera, 'IMG_0005.JPG'), {
        ...iphone,
        dateTimeOriginal: '2026:07:19 10:00:00',
        scene: 'diagonal',
        width: 200,
      });
      await writeMotionVideo(join(camera, 'IMG_0005.MOV'));
      const scans = join(photos, 'Scans');
      await mkdir(scans, { recursive: true });
      await sharp(Buffer.from(sceneSvg('harbour', 200, 150)))
        .toColourspace('b-w')
        .jpeg()
        .toFile(join(scans, 'grandpa-1962.jpg'));
    });
  });

  after(() => skill.close());

  it('counts each kind by its own noun, and leaves screenshots out of every other answer', async () => {
    const selfies = await skill.say('show my selfies');
    assert.deepEqual(selfies.slots, { subject: 'selfies' });
    assert.match(selfies.speech, /You have 2 selfies, taken in July 2026/);

    assert.match((await skill.say('show my screenshots')).speech, /You have 1 screenshot\b/);
    assert.match(
      (await skill.say('show my panorama photos')).speech,
      /You have 1 panorama, taken on July 17, 2026/,
    );
    assert.match(
      (await skill.say('show black and white photos')).speech,
      /You have 1 black and white photo\b/,
    );

    const live = await skill.say('show my live photos');
    assert.match(live.speech, /You have 1 live photo, taken on July 19, 2026/);

    // Every photo but the screenshot: 6 of the 7 stills (the MOV is the live photo's motion, no photo of its own).
    assert.match((await skill.say('show my photos')).speech, /You have 6 photos\b/);
  });

  it('says them in German', async () => {
    assert.match((await skill.say('zeige meine selfies', 'de-DE')).speech, /Du hast 2 Selfies\b/);
    assert.match((await skill.say('zeige meine screenshots', 'de-DE')).speech, /Du hast einen Screenshot\b/);
    assert.match(
      (await skill.say('zeige schwarzweißfotos', 'de-DE')).speech,
      /Du hast ein Schwarzweißfoto\b/,
    );
  });
});
