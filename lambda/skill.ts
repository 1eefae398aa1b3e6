import {
  SkillBuilders,
  type CustomSkillBuilder,
  type ErrorHandler,
  type RequestHandler,
  type RequestInterceptor,
  type ResponseInterceptor,
  type Skill,
} from 'ask-sdk-core';
import { aplRuntimeErrorHandler } from './handlers/apl-runtime-error';
import { errorHandler } from './handlers/error-handler';
import { fallbackIntentHandler } from './handlers/fallback-intent';
import { helpIntentHandler } from './handlers/help-intent';
import { launchRequestHandler } from './handlers/launch-request';
import { loadIndexListDataHandler } from './handlers/load-index-list-data';
import { photoInfoIntentHandler } from './handlers/photo-info-intent';
import { searchPhotosIntentHandler } from './handlers/search-photos-intent';
import { sessionEndedRequestHandler } from './handlers/session-ended-request';
import { showPhotosIntentHandler } from './handlers/show-photos-intent';
import { slideshowControlIntentHandler } from './handlers/slideshow-control-intent';
import { stopOrCancelIntentHandler } from './handlers/stop-or-cancel-intent';
import { aplSupportInterceptor } from './interceptors/apl-support';
import { requestLoggingInterceptor } from './interceptors/request-logging';
import { responseLoggingInterceptor } from './interceptors/response-logging';
import type { SkillDeps } from './skill-deps';

export type { SkillDeps } from './skill-deps';

type SkillPart =
  | { requestInterceptor: RequestInterceptor }
  | { handler: RequestHandler }
  | { responseInterceptor: ResponseInterceptor }
  | { errorHandler: ErrorHandler };

/**
 * Everything the skill is made of, in the order it runs. The SDK tries handlers in registration order and takes
 * the first whose canHandle is true, so specific handlers come first and the catch-all Fallback comes last.
 */
function skillParts(deps: SkillDeps): SkillPart[] {
  return [
    // Before any handler: log, then decide APL support and viewport once for the handlers to read.
    { requestInterceptor: requestLoggingInterceptor(deps.logger) },
    { requestInterceptor: aplSupportInterceptor },
    // Device-originated APL requests.
    { handler: loadIndexListDataHandler(deps) },
    { handler: aplRuntimeErrorHandler(deps.logger) },
    // Voice requests, most specific first.
    { handler: launchRequestHandler },
    { handler: showPhotosIntentHandler(deps, { timeZone: deps.timeZone }) },
    { handler: searchPhotosIntentHandler(deps, { timeZone: deps.timeZone }) },
    { handler: slideshowControlIntentHandler },
    { handler: photoInfoIntentHandler(deps) },
    { handler: helpIntentHandler },
    { handler: stopOrCancelIntentHandler },
    { handler: sessionEndedRequestHandler(deps.logger) },
    // Catch-all for any intent not claimed above: must stay last.
    { handler: fallbackIntentHandler },
    { responseInterceptor: responseLoggingInterceptor(deps.logger) },
    { errorHandler: errorHandler(deps.logger) },
  ];
}

export function createSkillBuilder(deps: SkillDeps): CustomSkillBuilder {
  const builder = SkillBuilders.custom();
  for (const part of skillParts(deps)) {
    if ('requestInterceptor' in part) builder.addRequestInterceptors(part.requestInterceptor);
    else if ('handler' in part) builder.addRequestHandlers(part.handler);
    else if ('responseInterceptor' in part) builder.addResponseInterceptors(part.responseInterceptor);
    else builder.addErrorHandlers(part.errorHandler);
  }
  if (deps.skillId) builder.withSkillId(deps.skillId);
  return builder;
}

export function createSkill(deps: SkillDeps): Skill {
  return createSkillBuilder(deps).create();
}
