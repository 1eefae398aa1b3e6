import type { LambdaHandler } from 'ask-sdk-core';
import { ServiceCredentials } from '../common/auth/service-credentials';
import { createDisplayHttpClient } from '../common/clients/display-client';
import { createLibraryHttpClient } from '../common/clients/library-client';
import { createLogger, type Logger } from '../common/logger';
import { loadSkillConfig, type SkillConfig } from './config';
import { openUserSettingsStore } from './persistence/open-settings-store';
import type { UserSettingsStore } from './persistence/user-settings-store';
import { createSkillBuilder } from './skill';
import type { SkillDeps } from './skill-deps';

export { createSkill, createSkillBuilder, type SkillDeps } from './skill';

/** How long the skill waits for one call to the library or display before apologising. */
export const UPSTREAM_TIMEOUT_MS = 2500;

/** Wires the skill to the display and library services over HTTP, as it runs on Lambda. */
export function skillDepsFromConfig(
  config: SkillConfig,
  userSettings: UserSettingsStore,
  logger: Logger = createLogger(config.logLevel, { tier: 'skill' }),
  serviceToken?: string,
): SkillDeps {
  // The skill acts for the owner it names (x-photo-owner), which the services allow a service credential only.
  const credential = serviceToken === undefined ? {} : { credential: serviceToken };
  // A tier (or its database) that does not answer is apologised for within 3 s, well inside Alexa's 8 s.
  const clientOptions = { ...credential, timeoutMs: UPSTREAM_TIMEOUT_MS };
  return {
    display: createDisplayHttpClient(`${config.displayServiceUrl}/v1/display`, clientOptions),
    library: createLibraryHttpClient(`${config.metadataServiceUrl}/v1/library`, clientOptions),
    identity: config.identity,
    userSettings,
    logger,
    skillId: config.skillId,
    timeZone: config.timeZone,
  };
}

async function createLambdaHandler(env: NodeJS.ProcessEnv): Promise<LambdaHandler> {
  const config = loadSkillConfig(env);
  const logger = createLogger(config.logLevel, { tier: 'skill' });
  const userSettings = await openUserSettingsStore(config.persistence, logger);
  // SERVICE_TOKENS as the services read it: comma-separated, the first is the one sent.
  const serviceToken = ServiceCredentials.fromList(env.SERVICE_TOKENS).outgoing;
  return createSkillBuilder(skillDepsFromConfig(config, userSettings, logger, serviceToken)).lambda();
}

let lambdaHandler: Promise<LambdaHandler> | undefined;

/**
 * Lambda entry point (`index.handler`). The environment is read and the settings store opened once, on the first
 * invocation of a cold container (an invalid variable or an unreachable store fails that invocation, naming the
 * cause, and the next invocation tries again), so importing this module never reads the environment.
 */
export const handler: LambdaHandler = (event, context, callback) => {
  const ready = (lambdaHandler ??= createLambdaHandler(process.env));
  ready.then(
    (invoke) => invoke(event, context, callback),
    (error: unknown) => {
      if (lambdaHandler === ready) lambdaHandler = undefined;
      callback(error instanceof Error ? error : new Error(String(error)));
    },
  );
};
