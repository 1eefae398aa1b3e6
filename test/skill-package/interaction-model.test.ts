import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { SKILL_LOCALES } from '../../lambda/i18n';
import { HOLIDAY_IDS, ON_THIS_DAY } from '../../common/calendar';
import { COCO_CLASSES, CONCEPTS, canonicalLabel, germanLabel } from '../../common/vocabulary';
import { SHOW_PHOTOS_SLOTS } from '../../lambda/util/photo-request';
import { subjectLabelOf } from '../../lambda/util/subject';
import {
  BUILT_IN_INTENTS,
  modelFilePath,
  renderModelFile,
  staleModels,
  type InteractionModelFile,
} from '../../scripts/generate-interaction-models';

const SLOT = /\{(\w+)\}/g;
/** Letters (German ones in de-DE), apostrophes, periods and spaces: Alexa rejects digits and other symbols. */
const ALLOWED = { en: /^[a-z' .{}]+$/, de: /^[a-zäöüß' .{}]+$/ };
const MAX_SAMPLE_LENGTH = 200;

function load(locale: string): InteractionModelFile['interactionModel']['languageModel'] {
  const file = JSON.parse(readFileSync(modelFilePath(locale as never), 'utf8')) as InteractionModelFile;
  return file.interactionModel.languageModel;
}

/**
 * Slot types that may sit right next to another slot: a date ("paris last summer", "christmas twenty twenty four"),
 * the one-word flags ("my favorite beach photos", "beach videos") and the closed recurrence words ("christmas every
 * year", "every christmas"). Never two open types side by side.
 */
const MAY_BE_ADJACENT = new Set(['AMAZON.DATE', 'FAVORITES', 'MEDIA_KIND', 'RECURRENCE']);

/** The sample with every slot reduced to one marker: what Alexa sees when it compares carrier phrases. */
const shape = (sample: string): string => sample.replace(SLOT, '{}');

describe('interaction models: generated, checked in, current', () => {
  it('every locale file is exactly what scripts/generate-interaction-models.ts produces', async () => {
    assert.deepEqual(
      await staleModels(),
      [],
      'stale models: run `npx tsx scripts/generate-interaction-models.ts` and commit the result',
    );
    for (const locale of SKILL_LOCALES) {
      assert.equal(readFileSync(modelFilePath(locale), 'utf8'), await renderModelFile(locale), locale);
    }
  });
});

for (const locale of SKILL_LOCALES) {
  describe(`interaction model ${locale}: structure (acceptance 2)`, () => {
    const model = load(locale);
    const language = locale.startsWith('de') ? 'de' : 'en';
    const typeNames = new Set(model.types.map((type) => type.name));
    const intentNamed = (name: string) => model.intents.find((intent) => intent.name === name);

    it('has hundreds of samples for ShowPhotosIntent and a carrier-phrased SearchPhotosIntent', () => {
      assert.ok((intentNamed('ShowPhotosIntent')?.samples.length ?? 0) >= 300);
      const search = intentNamed('SearchPhotosIntent');
      assert.deepEqual(search?.slots, [{ name: 'query', type: 'AMAZON.SearchQuery' }]);
      assert.ok((search?.samples.length ?? 0) >= 5);
    });

    it('asks "how many" with exactly ShowPhotosIntent\'s slots, so a count means what a slideshow would show', () => {
      const count = intentNamed('CountPhotosIntent');
      assert.deepEqual(count?.slots, intentNamed('ShowPhotosIntent')?.slots);
      assert.ok((count?.samples.length ?? 0) >= 20);
      const show = new Set(intentNamed('ShowPhotosIntent')?.samples);
      assert.ok(count?.samples.every((sample) => !show.has(sample)));
    });

    it('lists the control and required built-ins', () => {
      for (const name of BUILT_IN_INTENTS) assert.ok(intentNamed(name), name);
    });

    it('declares ShowPhotosIntent slots the handler reads, with types that exist', () => {
      const slots = intentNamed('ShowPhotosIntent')?.slots ?? [];
      assert.deepEqual(slots.map((slot) => slot.name).sort(), Object.values(SHOW_PHOTOS_SLOTS).sort());
      for (const intent of model.intents) {
        for (const slot of intent.slots ?? []) {
          assert.ok(
            slot.type.startsWith('AMAZON.') || typeNames.has(slot.type),
            `${intent.name}.${slot.name}`,
          );
        }
      }
      for (const type of model.types) {
        const used = model.intents.some((intent) =>
          (intent.slots ?? []).some((slot) => slot.type === type.name),
        );
        assert.ok(used, `type ${type.name} is used by a slot`);
      }
    });

    it('every sample maps to its intent, uses only its slots (once each), and is valid text', () => {
      for (const intent of model.intents) {
        const declared = new Set((intent.slots ?? []).map((slot) => slot.name));
        for (const sample of intent.samples) {
          const used = [...sample.matchAll(SLOT)].map((match) => match[1] ?? '');
          for (const slot of used)
            assert.ok(declared.has(slot), `${intent.name}: "${sample}" uses {${slot}}`);
          assert.equal(new Set(used).size, used.length, `"${sample}" repeats a slot`);
          // Slot names follow their own rule (letters and underscores: "other_person"), the words this one.
          for (const slot of used) assert.match(slot, /^[A-Za-z][A-Za-z_]*$/, `slot name {${slot}}`);
          assert.match(
            sample.replace(SLOT, '{}'),
            ALLOWED[language],
            `"${sample}" has characters Alexa rejects`,
          );
          assert.equal(sample, sample.trim().replace(/\s+/g, ' '), `"${sample}" has stray spaces`);
          assert.ok(sample.length <= MAX_SAMPLE_LENGTH, `"${sample}" is too long`);
          for (const [, left, right] of sample.matchAll(/\{(\w+)\} \{(\w+)\}/g)) {
            const types = [left, right].map((name) => intent.slots?.find((slot) => slot.name === name)?.type);
            assert.ok(
              types.some((type) => MAY_BE_ADJACENT.has(type ?? '')),
              `"${sample}" has adjacent slots of types ${types.join(', ')}`,
            );
          }
          assert.notEqual(sample.replace(SLOT, '').trim(), '', `"${sample}" consists only of slots`);
        }
      }
    });

    it('has no duplicate samples, within or across intents (also after ignoring slot names across intents)', () => {
      const owner = new Map<string, string>();
      const shapeOwner = new Map<string, string>();
      for (const intent of model.intents) {
        const seen = new Set<string>();
        for (const sample of intent.samples) {
          assert.ok(!seen.has(sample), `${intent.name} lists "${sample}" twice`);
          seen.add(sample);
          const other = owner.get(sample);
          assert.equal(other, undefined, `"${sample}" is in ${intent.name} and ${other}`);
          owner.set(sample, intent.name);
          const otherShape = shapeOwner.get(shape(sample));
          assert.ok(
            otherShape === undefined || otherShape === intent.name,
            `"${sample}" also fits ${otherShape}`,
          );
          shapeOwner.set(shape(sample), intent.name);
        }
      }
    });

    it('custom types: unique ids, and no word names two values', () => {
      for (const type of model.types) {
        const ids = type.values.map((value) => value.id);
        assert.equal(new Set(ids).size, ids.length, `${type.name} ids`);
        const words = type.values.flatMap((value) => [value.name.value, ...value.name.synonyms]);
        const duplicates = words.filter((word, index) => words.indexOf(word) !== index);
        assert.deepEqual(duplicates, [], `${type.name} words used twice`);
        for (const word of words) assert.match(word, ALLOWED[language], `${type.name} value "${word}"`);
      }
    });

    it('HOLIDAY has every holiday id the skill resolves and ON_THIS_DAY, and only those', () => {
      const holiday = model.types.find((type) => type.name === 'HOLIDAY');
      assert.deepEqual(holiday?.values.map((value) => value.id).sort(), [...HOLIDAY_IDS, ON_THIS_DAY].sort());
    });

    it('FAVORITES and MEDIA_KIND carry the ids the skill reads, and "favorites" is no album', () => {
      const ids = (name: string) => model.types.find((type) => type.name === name)?.values.map((v) => v.id);
      assert.deepEqual(ids('FAVORITES'), ['FAVORITES']);
      assert.deepEqual(ids('MEDIA_KIND')?.sort(), ['PHOTO', 'VIDEO']);
      assert.ok(!ids('ALBUM')?.includes('FAVORITES'));
      const show = intentNamed('ShowPhotosIntent');
      for (const slot of ['favorites', 'media']) {
        assert.ok(
          show?.samples.some((sample) => sample.includes(`{${slot}}`)),
          slot,
        );
      }
    });

    it('hears a holiday in every year with the recurrence after it, and in English before it too', () => {
      const show = intentNamed('ShowPhotosIntent')?.samples ?? [];
      const english = !locale.startsWith('de');
      const expected = english
        ? ['show {holiday} photos {recurrence}', 'show me photos from {holiday} {recurrence}']
        : ['zeig mir fotos von {holiday} in {recurrence}'];
      for (const sample of expected) assert.ok(show.includes(sample), sample);
      if (english) {
        assert.ok(show.includes('show me photos from {recurrence} {holiday}'));
        const words = model.types
          .find((type) => type.name === 'RECURRENCE')
          ?.values.flatMap((v) => [v.name.value, ...v.name.synonyms]);
        assert.ok(words?.includes('every year') && words.includes('every'), String(words));
      }
    });

    it('PhotoSubject has the subjects people write in captions: eagle, coffee, rocket', () => {
      const subject = model.types.find((type) => type.name === 'PhotoSubject');
      for (const label of ['eagle', 'coffee', 'rocket', 'astronaut']) {
        assert.ok(
          subject?.values.some((value) => value.id === label.toUpperCase()),
          label,
        );
      }
    });

    it('PhotoSubject has every vision class the detector emits, with its plural', () => {
      const subject = model.types.find((type) => type.name === 'PhotoSubject');
      const ids = new Set(subject?.values.map((value) => value.id));
      for (const name of COCO_CLASSES) assert.ok(ids.has(name.toUpperCase().replace(/ /g, '_')), name);
      const horse = subject?.values.find((value) => value.id === 'HORSE');
      assert.ok(horse);
      const words = [horse.name.value, ...horse.name.synonyms];
      assert.ok(words.includes(language === 'de' ? 'pferd' : 'horses'), words.join());
    });

    it('PhotoSubject ids are exactly the vocabulary labels a subject can name (holidays are HOLIDAY)', () => {
      const subject = model.types.find((type) => type.name === 'PhotoSubject');
      assert.ok(subject);
      const labels = subject.values.map((value) =>
        subjectLabelOf({
          name: 'subject',
          value: value.name.value,
          confirmationStatus: 'NONE',
          resolutions: {
            resolutionsPerAuthority: [
              {
                authority: 'amzn1.er-authority.echo-sdk.test.PhotoSubject',
                status: { code: 'ER_SUCCESS_MATCH' },
                values: [{ value: { id: value.id, name: value.name.value } }],
              },
            ],
          },
        }),
      );
      const expected = CONCEPTS.filter((concept) => !concept.spokenAsHoliday).map((concept) => concept.label);
      assert.deepEqual([...labels].sort(), expected.sort());
    });

    if (language === 'en') {
      it('every PhotoSubject value and synonym resolves in the library vocabulary to the same label', () => {
        const subject = model.types.find((type) => type.name === 'PhotoSubject');
        for (const value of subject?.values ?? []) {
          const label = value.id.toLowerCase().replace(/_/g, ' ');
          for (const spoken of [value.name.value, ...value.name.synonyms]) {
            assert.equal(canonicalLabel(spoken), label, `"${spoken}" (${value.id})`);
          }
        }
      });
    } else {
      it('every German PhotoSubject value and synonym resolves in the German vocabulary to the same label', () => {
        const subject = model.types.find((type) => type.name === 'PhotoSubject');
        for (const value of subject?.values ?? []) {
          const label = value.id.toLowerCase().replace(/_/g, ' ');
          for (const spoken of [value.name.value, ...value.name.synonyms]) {
            assert.equal(germanLabel(spoken), label, `"${spoken}" (${value.id})`);
          }
        }
        const dog = subject?.values.find((value) => value.id === 'DOG');
        for (const word of ['hunde', 'hunden', 'hundefotos'])
          assert.ok(dog?.name.synonyms.includes(word), word);
      });
    }
  });
}
