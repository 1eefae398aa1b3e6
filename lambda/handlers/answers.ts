import { getLocale, type HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import type { SlideshowPage } from '../../common/contracts';
import { buildSlideshowDirectives, type SlideshowOptions } from '../apl/slideshow-directives';
import type { SkillStrings } from '../i18n';
import { userSettingsOf } from '../util/user-context';

/**
 * Found photos: on a screen, speech + the slideshow (shouldEndSession stays unset, which keeps the visual up);
 * without a slideshow to show (voice-only device), speech and the session ends.
 */
export function answer(
  { responseBuilder }: HandlerInput,
  page: SlideshowPage | undefined,
  speech: string,
  options: SlideshowOptions = {},
): Response {
  if (!page) return responseBuilder.speak(speech).withShouldEndSession(true).getResponse();
  const [render, autoPage] = buildSlideshowDirectives(page, options);
  return responseBuilder.speak(speech).addDirective(render).addDirective(autoPage).getResponse();
}

/** How this user's slideshow plays: their own interval between photos, captions in the request's language. */
export async function slideshowOptionsOf(input: HandlerInput): Promise<SlideshowOptions> {
  const settings = await userSettingsOf(input);
  return { pageDurationMs: settings.intervalSeconds * 1000, locale: getLocale(input.requestEnvelope) };
}

/** Nothing to show yet: say why and listen for what to show instead. */
export function ask({ responseBuilder }: HandlerInput, strings: SkillStrings, speech: string): Response {
  return responseBuilder.speak(speech).reprompt(strings.whatToSee).getResponse();
}
