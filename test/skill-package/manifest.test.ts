import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadLanguageModel, SKILL_PACKAGE_DIR } from '../../tools/alexa-simulator/interaction-model';
import { matchUtterance } from '../../tools/alexa-simulator/interaction-model-matcher';

interface Manifest {
  manifest: { publishingInformation: { locales: Record<string, { examplePhrases: string[] }> } };
}

/** Certification rejects example phrases the interaction model cannot understand. */
describe('skill-package/skill.json', () => {
  const manifest = JSON.parse(readFileSync(join(SKILL_PACKAGE_DIR, 'skill.json'), 'utf8')) as Manifest;
  const locales = Object.entries(manifest.manifest.publishingInformation.locales);

  it('publishes every locale that has an interaction model', () => {
    assert.deepEqual(locales.map(([locale]) => locale).sort(), [
      'de-DE',
      'en-AU',
      'en-CA',
      'en-GB',
      'en-IN',
      'en-US',
    ]);
  });

  for (const [locale, info] of locales) {
    it(`${locale}: every example phrase matches the ${locale} model`, () => {
      const model = loadLanguageModel(locale);
      const context = {
        today: new Date('2026-11-25T12:00:00Z'),
        applicationId: 'amzn1.ask.skill.test',
        locale,
      };
      for (const phrase of info.examplePhrases) {
        const heard = matchUtterance(model, phrase, context);
        assert.ok(heard.type === 'LaunchRequest' || heard.intent.name === 'ShowPhotosIntent', phrase);
      }
    });
  }
});
