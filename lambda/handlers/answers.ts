import type { HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import type { SlideshowPage } from '../../common/contracts';
import { buildSlideshowDirectives } from '../apl/slideshow-directives';
import type { SkillStrings } from '../i18n';

/**
 * Found photos: on a screen, speech + the slideshow (shouldEndSession stays unset, which keeps the visual up);
 * without a slideshow to show (voice-only device), speech and the session ends.
 */
export function answer(
  { responseBuilder }: HandlerInput,
  page: SlideshowPage | undefined,
  speech: string,
): Response {
  if (!page) return responseBuilder.speak(speech).withShouldEndSession(true).getResponse();
  const [render, autoPage] = buildSlideshowDirectives(page);
  return responseBuilder.speak(speech).addDirective(render).addDirective(autoPage).getResponse();
}

/** Nothing to show yet: say why and listen for what to show instead. */
export function ask({ responseBuilder }: HandlerInput, strings: SkillStrings, speech: string): Response {
  return responseBuilder.speak(speech).reprompt(strings.whatToSee).getResponse();
}
