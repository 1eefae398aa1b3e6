import assert from 'node:assert/strict';
import { CANONICAL_LABELS, canonicalLabel } from '../../metadata-service/labels/vocabulary';
import { loadLanguageModel } from '../../tools/alexa-simulator/interaction-model';
import { subjectLabelOf } from '../../lambda/util/subject';

/**
 * The skill's PhotoSubject slot and the library's label vocabulary are two copies of one list: a subject Alexa
 * resolves must be a label the library indexes, or "show me puppies" would silently find nothing.
 */
describe('skill-package en-US PhotoSubject ↔ library vocabulary', () => {
  const model = loadLanguageModel('en-US');
  const subjectType = model.types?.find((type) => type.name === 'PhotoSubject');

  it('has a PhotoSubject value for every canonical label, and nothing the library does not know', () => {
    assert.ok(subjectType, 'PhotoSubject type');
    const slotLabels = subjectType.values.map((value) => value.id?.toLowerCase().replace(/_/g, ' '));
    assert.deepEqual([...slotLabels].sort(), CANONICAL_LABELS.map((entry) => entry.label).sort());
  });

  it('resolves every value and synonym to the same label in the skill and in the library', () => {
    assert.ok(subjectType);
    for (const value of subjectType.values) {
      const id = value.id ?? '';
      const label = subjectLabelOf({
        name: 'subject',
        value: value.name.value,
        confirmationStatus: 'NONE',
        resolutions: {
          resolutionsPerAuthority: [
            {
              authority: 'amzn1.er-authority.echo-sdk.test.PhotoSubject',
              status: { code: 'ER_SUCCESS_MATCH' },
              values: [{ value: { id, name: value.name.value } }],
            },
          ],
        },
      });
      for (const spoken of [value.name.value, ...(value.name.synonyms ?? [])]) {
        assert.equal(canonicalLabel(spoken), label, `"${spoken}" (${id})`);
      }
    }
  });
});
