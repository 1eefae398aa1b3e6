import type { RequestHandler } from 'ask-sdk-core';
import { buildSlideshowControl, type SlideshowControl } from '../apl/slideshow-controls';
import { SLIDESHOW_TOKEN } from '../apl/slideshow-document';
import { stringsOf } from '../i18n';
import { ask } from './answers';
import { isIntent } from './matchers';

const CONTROLS: Readonly<Record<string, SlideshowControl>> = {
  'AMAZON.NextIntent': 'next',
  'AMAZON.PreviousIntent': 'previous',
  'AMAZON.StartOverIntent': 'start-over',
  'AMAZON.PauseIntent': 'pause',
  'AMAZON.ResumeIntent': 'resume',
};

/**
 * "Next", "back", "start over", "pause", "resume" while the slideshow is on screen (the request's visual context
 * names our document's token): answered with pager commands only, no speech, so the photos stay undisturbed.
 * Without the slideshow on screen there is nothing to control: say so and ask what to show.
 */
export const slideshowControlIntentHandler: RequestHandler = {
  canHandle: (input) => isIntent(input, ...Object.keys(CONTROLS)),
  handle: (input) => {
    const { requestEnvelope, responseBuilder } = input;
    const intent = (requestEnvelope.request as { intent: { name: string } }).intent.name;
    const control = CONTROLS[intent];
    const onScreen = requestEnvelope.context['Alexa.Presentation.APL']?.token === SLIDESHOW_TOKEN;
    if (!control || !onScreen) return ask(input, stringsOf(input), stringsOf(input).noSlideshow);
    return responseBuilder.addDirective(buildSlideshowControl(control)).getResponse();
  },
};
