import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../common/errors';

const interactionModelSchema = z.object({
  interactionModel: z.object({
    languageModel: z.object({
      invocationName: z.string().min(1),
      intents: z.array(
        z.object({
          name: z.string(),
          slots: z.array(z.object({ name: z.string(), type: z.string() })).default([]),
          samples: z.array(z.string()).default([]),
        }),
      ),
      types: z
        .array(
          z.object({
            name: z.string(),
            values: z.array(
              z.object({
                id: z.string().optional(),
                name: z.object({ value: z.string(), synonyms: z.array(z.string()).default([]) }),
              }),
            ),
          }),
        )
        .default([]),
    }),
  }),
});
export type LanguageModel = z.output<typeof interactionModelSchema>['interactionModel']['languageModel'];

export const SKILL_PACKAGE_DIR = join(__dirname, '..', '..', 'skill-package');

/** The skill's own interaction model for a locale, as deployed from skill-package/. */
export function loadLanguageModel(locale: string, skillPackageDir = SKILL_PACKAGE_DIR): LanguageModel {
  const file = join(skillPackageDir, 'interactionModels', 'custom', `${locale}.json`);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new AppError({
      status: 400,
      code: 'UNKNOWN_LOCALE',
      publicMessage: `No interaction model for locale ${locale} (looked for ${file})`,
      cause,
    });
  }
  return interactionModelSchema.parse(JSON.parse(text)).interactionModel.languageModel;
}
