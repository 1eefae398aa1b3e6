import {
  escapeXmlCharacters,
  getDeviceId,
  getSlot,
  type HandlerInput,
  type RequestHandler,
} from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { photoQuerySchema, type PhotoQuery, type Viewport } from '../../common/contracts';
import { parseInput } from '../../common/validation';
import { buildSlideshowDirectives } from '../apl/slideshow-directives';
import { enUS, type PhotoSelection } from '../i18n/en-US';
import type { SkillDeps } from '../skill-deps';
import { dateRangeOf } from '../util/amazon-date';
import { requestFactsOf } from '../util/request-attributes';
import { subjectLabelOf } from '../util/subject';
import { isIntent } from './matchers';

export const SHOW_PHOTOS_INTENT = 'ShowPhotosIntent';
const SLIDESHOW_PAGE_SIZE = 10;

/**
 * "Show beach photos from last summer": resolve slots into a PhotoQuery, then a slideshow on screens, or a spoken
 * count on voice-only devices (no slideshow is created that nobody could see).
 */
export function showPhotosIntentHandler(deps: SkillDeps): RequestHandler {
  const now = deps.now ?? (() => new Date());
  return {
    canHandle: (input) => isIntent(input, SHOW_PHOTOS_INTENT),
    handle: async (input) => {
      const { requestEnvelope } = input;
      const subjectSlot = getSlot(requestEnvelope, 'subject') ?? undefined;
      const dateSlot = getSlot(requestEnvelope, 'date') ?? undefined;
      const heardSubject = subjectSlot?.value?.trim();
      const heardDate = dateSlot?.value?.trim();

      const label = subjectLabelOf(subjectSlot);
      if (heardSubject && !label) {
        return ask(input, enUS.unknownSubject(escapeXmlCharacters(heardSubject)));
      }
      const range = heardDate ? dateRangeOf(heardDate, now()) : undefined;
      if (heardDate && !range) return ask(input, enUS.badDate(escapeXmlCharacters(heardDate)));

      const query: PhotoQuery = parseInput(photoQuerySchema, {
        labels: label ? [label] : [],
        ...(range ? { takenFrom: range.takenFrom, takenTo: range.takenTo } : {}),
      });
      const selection: PhotoSelection = { subject: label, when: range?.spoken };
      const ownerId = deps.ownerIdFor(requestEnvelope);
      const viewport = requestFactsOf(input).aplViewport;
      return viewport
        ? showSlideshow(input, deps, { ownerId, query, viewport, selection })
        : tellCount(input, deps, { ownerId, query, selection });
    },
  };
}

interface Ask {
  ownerId: string;
  query: PhotoQuery;
  selection: PhotoSelection;
}

async function showSlideshow(
  { requestEnvelope, responseBuilder }: HandlerInput,
  deps: SkillDeps,
  { ownerId, query, viewport, selection }: Ask & { viewport: Viewport },
): Promise<Response> {
  const deviceId = getDeviceId(requestEnvelope) ?? undefined;
  const page = await deps.display.createSlideshow({
    ownerId,
    query,
    viewport,
    deviceId,
    pageSize: SLIDESHOW_PAGE_SIZE,
  });
  if (page.total === 0) {
    return responseBuilder.speak(enUS.noMatches(selection)).reprompt(enUS.whatToSee).getResponse();
  }
  const [render, autoPage] = buildSlideshowDirectives(page);
  // shouldEndSession stays unset: on a screen that keeps the slideshow up instead of closing it after speech.
  return responseBuilder
    .speak(enUS.showing(selection, page.total))
    .addDirective(render)
    .addDirective(autoPage)
    .getResponse();
}

async function tellCount(
  { responseBuilder }: HandlerInput,
  deps: SkillDeps,
  { ownerId, query, selection }: Ask,
): Promise<Response> {
  const { total } = await deps.library.search(ownerId, { query, limit: 1 });
  if (total === 0) {
    return responseBuilder.speak(enUS.noMatches(selection)).reprompt(enUS.whatToSee).getResponse();
  }
  return responseBuilder.speak(enUS.voiceOnly(selection, total)).withShouldEndSession(true).getResponse();
}

function ask({ responseBuilder }: HandlerInput, speech: string): Response {
  return responseBuilder.speak(speech).reprompt(enUS.whatToSee).getResponse();
}
