import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Vocabulary } from '../../../common/contracts';
import {
  ALBUM_SLOT_TYPE,
  MAX_DYNAMIC_SPOKEN_FORMS,
  PERSON_SLOT_TYPE,
  buildDynamicEntitiesDirective,
} from '../../../lambda/dynamic-entities/vocabulary-entities';
import { SKILL_LOCALES } from '../../../lambda/i18n';

const entry = (id: string, name: string, photoCount: number, synonyms: string[] = []) => ({
  id,
  name,
  synonyms,
  photoCount,
});

describe('Dialog.UpdateDynamicEntities from the library vocabulary', () => {
  it("REPLACEs the PERSON and ALBUM types with the owner's ids, names and synonyms", () => {
    const vocabulary: Vocabulary = {
      people: [entry('pe_1', 'Grandma Rose', 40, ['grandma rose', 'grandma', 'Grandma Rose'])],
      albums: [entry('al_7', 'Lake Tahoe 2024', 12, ['lake tahoe 2024', 'lake tahoe'])],
      labels: [{ name: 'beach', photoCount: 50 }],
    };
    assert.deepEqual(buildDynamicEntitiesDirective(vocabulary), {
      type: 'Dialog.UpdateDynamicEntities',
      updateBehavior: 'REPLACE',
      types: [
        {
          name: 'PERSON',
          // The synonym that only repeats the name (any case) is dropped.
          values: [{ id: 'pe_1', name: { value: 'Grandma Rose', synonyms: ['grandma'] } }],
        },
        {
          name: 'ALBUM',
          values: [{ id: 'al_7', name: { value: 'Lake Tahoe 2024', synonyms: ['lake tahoe'] } }],
        },
      ],
    });
  });

  it('nothing named (or only empty people and albums): no directive', () => {
    assert.equal(buildDynamicEntitiesDirective({ people: [], albums: [], labels: [] }), undefined);
    assert.equal(
      buildDynamicEntitiesDirective({ people: [entry('pe_0', 'Ghost', 0)], albums: [], labels: [] }),
      undefined,
    );
  });

  it('stays within the platform limit, counting every spoken form, most photographed first', () => {
    const people = Array.from({ length: 150 }, (_, i) =>
      entry(`pe_${i}`, `Person ${i}`, 1000 - i, [`p${i}`, `person${i}`, `mister ${i}`, `extra ${i}`]),
    );
    const albums = [entry('al_big', 'Everything', 995, ['all'])];
    const directive = buildDynamicEntitiesDirective({ people, albums, labels: [] });
    assert.ok(directive?.types);
    const forms = directive.types.flatMap((type) =>
      type.values.flatMap((value) => [value.name.value, ...(value.name.synonyms ?? [])]),
    );
    assert.equal(forms.length, MAX_DYNAMIC_SPOKEN_FORMS);
    const personIds = directive.types.find((type) => type.name === 'PERSON')?.values.map((value) => value.id);
    // 995 photos puts the album after the first five people.
    assert.deepEqual(personIds?.slice(0, 3), ['pe_0', 'pe_1', 'pe_2']);
    assert.deepEqual(
      directive.types.find((type) => type.name === 'ALBUM')?.values.map((value) => value.id),
      ['al_big'],
    );
    for (const type of directive.types) {
      for (const value of type.values) assert.ok((value.name.synonyms ?? []).length <= 3, value.name.value);
    }
  });

  it("uses slot types every locale's interaction model declares", () => {
    for (const locale of SKILL_LOCALES) {
      const model = JSON.parse(
        readFileSync(
          join(__dirname, '../../../skill-package/interactionModels/custom', `${locale}.json`),
          'utf8',
        ),
      ) as { interactionModel: { languageModel: { types: Array<{ name: string }> } } };
      const declared = model.interactionModel.languageModel.types.map((type) => type.name);
      for (const type of [PERSON_SLOT_TYPE, ALBUM_SLOT_TYPE])
        assert.ok(declared.includes(type), `${locale} ${type}`);
    }
  });
});
