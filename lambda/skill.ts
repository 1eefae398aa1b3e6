import {
  SkillBuilders,
  type CustomSkillBuilder,
  type ErrorHandler,
  type RequestHandler,
  type RequestInterceptor,
  type ResponseInterceptor,
  type Skill,
} from 'ask-sdk-core';
import { createDeviceTimeZoneLookup } from './alexa-api/device-time-zone';
import { accountLinkingRequiredHandler } from './handlers/account-linking-required';
import { aplRuntimeErrorHandler } from './handlers/apl-runtime-error';
import { errorHandler } from './handlers/error-handler';
import { fallbackIntentHandler } from './handlers/fallback-intent';
import { favoritePhotoIntentHandler } from './handlers/favorite-photo-intent';
import { helpIntentHandler } from './handlers/help-intent';
import { hidePhotoIntentHandler } from './handlers/hide-photo-intent';
import { linkFrameIntentHandler } from './handlers/link-frame-intent';
import { namePersonIntentHandler } from './handlers/name-person-intent';
import { launchRequestHandler } from './handlers/launch-request';
import { loadIndexListDataHandler } from './handlers/load-index-list-data';
import { loopIntentHandler } from './handlers/loop-intent';
import { moreLikeThisIntentHandler } from './handlers/more-like-this-intent';
import { photoInfoIntentHandler } from './handlers/photo-info-intent';
import { searchPhotosIntentHandler } from './handlers/search-photos-intent';
import { sessionEndedRequestHandler } from './handlers/session-ended-request';
import { showPhotosIntentHandler } from './handlers/show-photos-intent';
import { shuffleIntentHandler } from './handlers/shuffle-intent';
import { slideshowControlIntentHandler } from './handlers/slideshow-control-intent';
import { slideshowSpeedIntentHandler } from './handlers/slideshow-speed-intent';
import { stopOrCancelIntentHandler } from './handlers/stop-or-cancel-intent';
import { userEventHandler } from './handlers/user-event';
import { createOwnerResolver } from './identity/owner-resolver';
import { aplSupportInterceptor } from './interceptors/apl-support';
import { dynamicEntitiesInterceptor } from './interceptors/dynamic-entities';
import { ownerIdentityInterceptor } from './interceptors/owner-identity';
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
  const identity = ownerIdentityInterceptor({
    resolveOwner: createOwnerResolver(deps.identity, deps.logger),
    userSettings: deps.userSettings,
    deviceTimeZone: createDeviceTimeZoneLookup({ logger: deps.logger }),
    logger: deps.logger,
    defaultTimeZone: deps.timeZone,
  });
  return [
    // Before any handler: log, decide APL support and viewport, then whose library this is (and their settings).
    { requestInterceptor: requestLoggingInterceptor(deps.logger) },
    { requestInterceptor: aplSupportInterceptor },
    { requestInterceptor: identity },
    // The device's error reports are logged whoever the owner is (only a list version error also needs one).
    { handler: aplRuntimeErrorHandler(deps.logger) },
    // No owner (not linked, token rejected, Login with Amazon down): answered here, before any library is read.
    { handler: accountLinkingRequiredHandler(deps.logger) },
    // Device-originated APL requests.
    { handler: loadIndexListDataHandler(deps) },
    { handler: userEventHandler(deps.logger) },
    // Voice requests, most specific first.
    { handler: launchRequestHandler(deps) },
    { handler: showPhotosIntentHandler(deps) },
    { handler: searchPhotosIntentHandler(deps) },
    // Controls of the slideshow on screen, and the user's slideshow settings.
    { handler: slideshowControlIntentHandler },
    { handler: slideshowSpeedIntentHandler },
    { handler: shuffleIntentHandler(deps) },
    { handler: loopIntentHandler },
    // Follow-ups on the photo on screen.
    { handler: photoInfoIntentHandler(deps) },
    { handler: favoritePhotoIntentHandler(deps) },
    { handler: hidePhotoIntentHandler(deps) },
    { handler: namePersonIntentHandler(deps) },
    { handler: linkFrameIntentHandler(deps) },
    { handler: moreLikeThisIntentHandler(deps) },
    { handler: helpIntentHandler },
    { handler: stopOrCancelIntentHandler },
    { handler: sessionEndedRequestHandler(deps.logger) },
    // Catch-all for any intent not claimed above: must stay last.
    { handler: fallbackIntentHandler },
    { responseInterceptor: dynamicEntitiesInterceptor(deps.library, deps.logger, deps.now) },
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
