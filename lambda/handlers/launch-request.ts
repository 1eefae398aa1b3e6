import { getDeviceId, type RequestHandler } from 'ask-sdk-core';
import { buildSlideshowDirectives } from '../apl/slideshow-directives';
import { stringsOf } from '../i18n';
import type { SkillDeps } from '../skill-deps';
import { calendarDateIn } from '../../common/calendar';
import { isMemory } from '../util/memories';
import { ownerIdOf, requestFactsOf } from '../util/request-attributes';
import { timeZoneOf } from '../util/user-context';
import { SLIDESHOW_PAGE_SIZE, rememberSlideshow, slideshowOptionsOf } from './answers';
import { isRequestType } from './matchers';

/**
 * "Open Photo Frame" with no request: on a screen, the device's ambient frame (an endless shuffle of the whole
 * library that opens each day with memories from this week) resumes where this device left it. On a device without
 * a screen, what the library holds and a suggestion to watch it on one; never an APL directive.
 *
 * The frame answers with shouldEndSession true (no microphone, no session waiting for speech): it runs for hours,
 * far beyond any session (a screen device keeps an unprompted session ~30 s), and a session left open without a
 * prompt is a common certification failure. What keeps the photos up is the document itself: its paging loop holds
 * the screen (screenLock) and the pager asks for more photos through LoadIndexListData. How long a device keeps a
 * document after its session ends is up to the device; re-opening resumes at the position those loads saved.
 */
export function launchRequestHandler(deps: SkillDeps): RequestHandler {
  const now = deps.now ?? (() => new Date());
  return {
    canHandle: (input) => isRequestType(input, 'LaunchRequest'),
    handle: async (input) => {
      const { requestEnvelope, responseBuilder } = input;
      const strings = stringsOf(input);
      const ownerId = ownerIdOf(input);
      const viewport = requestFactsOf(input).aplViewport;
      if (!viewport) {
        // Counted as a frame shows them: one photo per near-duplicate group.
        const { total, span } = await deps.library.search(ownerId, {
          query: { collapseDuplicates: true },
          limit: 0,
        });
        return responseBuilder
          .speak(strings.launchVoiceOnly(total, span))
          .withShouldEndSession(true)
          .getResponse();
      }
      const deviceId = getDeviceId(requestEnvelope);
      // Every real device has an id; without one there is no frame to resume, so ask what to show instead.
      if (!deviceId) return responseBuilder.speak(strings.welcome).reprompt(strings.whatToSee).getResponse();

      const timeZone = await timeZoneOf(input);
      const page = await deps.display.startAmbient({
        ownerId,
        deviceId,
        viewport,
        memories: true,
        timeZone,
        pageSize: SLIDESHOW_PAGE_SIZE,
      });
      const first = page.items[0];
      if (!first) return responseBuilder.speak(strings.emptyLibrary).withShouldEndSession(true).getResponse();
      await rememberSlideshow(input, deps, { kind: 'ambient', slideshowId: page.slideshowId });
      const memories = isMemory(first.takenLocal, calendarDateIn(now(), timeZone));
      const [render, autoPage] = buildSlideshowDirectives(page, await slideshowOptionsOf(input));
      return responseBuilder
        .speak(memories ? strings.ambientMemories : strings.ambientPhotos)
        .addDirective(render)
        .addDirective(autoPage)
        .withShouldEndSession(true)
        .getResponse();
    },
  };
}
