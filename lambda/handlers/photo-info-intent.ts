import type { RequestHandler } from 'ask-sdk-core';
import { stringsOf, type PhotoQuestion } from '../i18n';
import type { SkillDeps } from '../skill-deps';
import { noPhotoAnswer } from './answers';
import { factsOnScreen, infoOf } from './facts-on-screen';
import { isIntent } from './matchers';
import { slotIdOf } from './slot-ids';
import { ownerIdOf } from '../util/request-attributes';

export const PHOTO_INFO_INTENT = 'PhotoInfoIntent';
/** PHOTO_QUESTION: WHAT, WHEN, WHERE or WHO; empty ("tell me about this photo") = everything. */
export const QUESTION_SLOT = 'question';
const QUESTIONS = ['WHAT', 'WHEN', 'WHERE', 'WHO'] as const;

/**
 * "What is this?", "when was this taken?", "where is this?", "who is this?": the visual context names the photo on
 * screen (the left one of a pair, and speech says so); the library's facts answer what was asked. The session
 * stays as it was, so the slideshow keeps playing.
 */
export function photoInfoIntentHandler(deps: Pick<SkillDeps, 'library'>): RequestHandler {
  return {
    canHandle: (input) => isIntent(input, PHOTO_INFO_INTENT),
    handle: async (input) => {
      const strings = stringsOf(input);
      const onScreen = await factsOnScreen(input, deps);
      if (!onScreen) return noPhotoAnswer(input, strings, strings.noPhotoOnScreen);
      const question = (slotIdOf(input, QUESTION_SLOT, QUESTIONS)?.toLowerCase() ?? 'what') as PhotoQuestion;
      if (question === 'who' && onScreen.facts.people.length === 0) {
        // Vision may have found faces nobody has named yet: invite the name ("this is Mom") rather than shrug.
        const { faces } = await deps.library.facesInPhoto(ownerIdOf(input), onScreen.facts.id);
        const unnamed = faces.filter((face) => face.person?.name == null).length;
        if (unnamed > 0) return input.responseBuilder.speak(strings.unnamedFaces(unnamed)).getResponse();
      }
      return input.responseBuilder
        .speak(strings.photoInfo(infoOf(onScreen.facts), question, onScreen.which))
        .getResponse();
    },
  };
}
