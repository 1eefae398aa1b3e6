import { getDeviceId, getLocale, type HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import type { PhotoQuery, SlideshowPage, Viewport } from '../../common/contracts';
import { freshLedger } from '../apl/list-ledger';
import { buildSlideshowDirectives, type SlideshowOptions } from '../apl/slideshow-directives';
import { playsVideo } from '../apl/video-support';
import type { SkillStrings } from '../i18n';
import type { LastSlideshow } from '../persistence/user-settings';
import type { SkillDeps } from '../skill-deps';
import { slideshowIsOnScreen } from '../util/photo-on-screen';
import { ownerIdOf, requestFactsOf, userContextOf } from '../util/request-attributes';
import { withLedger } from '../util/slideshow-lists';
import { saveUserSettings, userSettingsOf } from '../util/user-context';

/** Items in a slideshow's first page and in each page the device loads after it. */
export const SLIDESHOW_PAGE_SIZE = 10;

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

/**
 * How this user's slideshow plays: their own interval between photos, whether it starts over after the last
 * photo, captions in the request's language.
 */
export async function slideshowOptionsOf(input: HandlerInput): Promise<SlideshowOptions> {
  const settings = await userSettingsOf(input);
  return {
    pageDurationMs: settings.intervalSeconds * 1000,
    locale: getLocale(input.requestEnvelope),
    wrap: settings.loop,
    video: playsVideo(input.requestEnvelope),
  };
}

/** Nothing to show yet: say why and listen for what to show instead. */
export function ask({ responseBuilder }: HandlerInput, strings: SkillStrings, speech: string): Response {
  return responseBuilder.speak(speech).reprompt(strings.whatToSee).getResponse();
}

/**
 * A spoken answer to a control or follow-up, with any commands for the slideshow. While the slideshow is on screen
 * the session is left as the slideshow answers leave it (unset: the visual stays up, no microphone); otherwise there
 * is nothing more to do, and the session ends.
 */
export function tell(input: HandlerInput, speech: string): Response {
  const builder = input.responseBuilder.speak(speech);
  if (!slideshowIsOnScreen(input.requestEnvelope)) builder.withShouldEndSession(true);
  return builder.getResponse();
}

/**
 * A follow-up about "this photo" with no photo of ours on screen: on a screen, say so and ask what to show; on a
 * voice-only device there never is one, so just say so.
 */
export function noPhotoAnswer(input: HandlerInput, strings: SkillStrings, speech: string): Response {
  if (requestFactsOf(input).aplViewport) return ask(input, strings, speech);
  return input.responseBuilder.speak(speech).withShouldEndSession(true).getResponse();
}

/**
 * Remembers the slideshow the user now watches, so "shuffle" can restart the same photos, and starts counting the
 * versions of its freshly rendered device list. A store that cannot be read or written costs only that: the
 * slideshow is shown all the same.
 */
export async function rememberSlideshow(
  input: HandlerInput,
  deps: Pick<SkillDeps, 'logger'>,
  lastSlideshow: LastSlideshow,
): Promise<void> {
  if (!(await userContextOf(input).settingsAreStored())) return;
  // A RenderDocument starts its list over at version 0 with nothing deleted, even when it reuses the list id (a
  // device's ambient slideshow keeps its id across launches).
  const slideshowLists = withLedger(
    (await userSettingsOf(input)).slideshowLists,
    freshLedger(lastSlideshow.slideshowId),
  );
  await saveUserSettings(input, { lastSlideshow, slideshowLists }).catch((error: unknown) => {
    deps.logger.warn('could not remember the last slideshow', {
      slideshowId: lastSlideshow.slideshowId,
      error,
    });
  });
}

/** Creates a slideshow of `query` for this device's screen and remembers it as the one being watched. */
export async function startQuerySlideshow(
  input: HandlerInput,
  deps: Pick<SkillDeps, 'display' | 'logger'>,
  query: PhotoQuery,
  viewport: Viewport,
): Promise<SlideshowPage> {
  const page = await deps.display.createSlideshow({
    ownerId: ownerIdOf(input),
    query,
    viewport,
    deviceId: getDeviceId(input.requestEnvelope) ?? undefined,
    pageSize: SLIDESHOW_PAGE_SIZE,
  });
  if (page.total > 0)
    await rememberSlideshow(input, deps, { kind: 'query', slideshowId: page.slideshowId, query });
  return page;
}
