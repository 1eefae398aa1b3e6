import assert from 'node:assert/strict';
import { join } from 'node:path';
import { writeImage } from '../../metadata-service/fixtures/images';
import { startRealSkill, type RealSkill } from '../helpers/real-skill';

/**
 * "Suche Fotos vom Strand" on a German Echo: the words go to the library as German text (a real library, over
 * HTTP). Before, the library read them as English: "Strand" was no label and "Juli 2025" no date.
 */
describe('SearchPhotosIntent in German (a real library)', function () {
  this.timeout(90_000);
  let skill: RealSkill;

  before(async () => {
    skill = await startRealSkill(async (photos) => {
      const camera = join(photos, 'DCIM', 'Camera');
      const shots = [
        { file: 'IMG_20250705.jpg', taken: '2025:07:05 10:00:00', subject: ['beach'] },
        { file: 'IMG_20250712.jpg', taken: '2025:07:12 10:00:00', subject: ['beach'] },
        { file: 'IMG_20250820.jpg', taken: '2025:08:20 10:00:00', subject: ['lake'] },
        { file: 'IMG_20251003.jpg', taken: '2025:10:03 10:00:00', subject: ['beach'] },
      ];
      for (const [i, shot] of shots.entries()) {
        await writeImage(join(camera, shot.file), {
          dateTimeOriginal: shot.taken,
          xmp: { subject: shot.subject },
          scene: (['lisbon', 'harbour', 'stripes', 'checker'] as const)[i],
        });
      }
    });
  });

  after(() => skill.close());

  it('reads German labels and dates: "Strand", "See", "Juli 2025", "von Juni bis August 2025"', async () => {
    const beach = await skill.say('suche fotos vom strand', 'de-DE');
    assert.deepEqual([beach.intent, beach.slots], ['SearchPhotosIntent', { query: 'fotos vom strand' }]);
    assert.match(beach.speech, /Du hast 3 Fotos für fotos vom strand/);

    assert.match(
      (await skill.say('suche fotos am see', 'de-DE')).speech,
      /Du hast ein Foto für fotos am see/,
    );
    assert.match(
      (await skill.say('suche strandfotos vom juli 2025', 'de-DE')).speech,
      /Du hast 2 Fotos für strandfotos vom juli 2025/,
    );
    assert.match(
      (await skill.say('suche fotos von juni bis august 2025', 'de-DE')).speech,
      /Du hast 3 Fotos für fotos von juni bis august 2025/,
    );
  });

  it('an unknown word is still a failed constraint, said as such, never dropped', async () => {
    const unknown = await skill.say('suche fotos vom blorf im juli 2025', 'de-DE');
    assert.match(unknown.speech, /Ich kenne „blorf“ nicht/);
    assert.doesNotMatch(unknown.speech, /Du hast/);
  });
});
