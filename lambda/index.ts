import type { LambdaHandler } from 'ask-sdk-core';
import { createDisplayHttpClient } from '../common/clients/display-client';
import { createLibraryHttpClient } from '../common/clients/library-client';
import { createLogger } from '../common/logger';
import { loadSkillConfig, type SkillConfig } from './config';
import { createSkillBuilder } from './skill';
import type { SkillDeps } from './skill-deps';

export { createSkill, createSkillBuilder, type SkillDeps } from './skill';

/** Wires the skill to the display and library services over HTTP, as it runs on Lambda. */
export function skillDepsFromConfig(config: SkillConfig): SkillDeps {
  return {
    display: createDisplayHttpClient(`${config.displayServiceUrl}/v1/display`),
    library: createLibraryHttpClient(`${config.metadataServiceUrl}/v1/library`),
    ownerIdFor: () => config.photoOwnerId,
    logger: createLogger(config.logLevel, { tier: 'skill' }),
    skillId: config.skillId,
    timeZone: config.timeZone,
  };
}

let lambdaHandler: LambdaHandler | undefined;

/**
 * Lambda entry point (`index.handler`). The environment is read once, on the first invocation of a cold
 * container (an invalid variable fails that invocation with its name), so importing this module never reads it.
 */
export const handler: LambdaHandler = (event, context, callback) => {
  lambdaHandler ??= createSkillBuilder(skillDepsFromConfig(loadSkillConfig(process.env))).lambda();
  return lambdaHandler(event, context, callback);
};
