import { getSlotValue, type RequestHandler } from 'ask-sdk-core';
import { isAppError } from '../../common/errors';
import { stringsOf } from '../i18n';
import type { SkillDeps } from '../skill-deps';
import { chosenPhotoOnScreen } from '../util/photo-on-screen';
import { ownerIdOf } from '../util/request-attributes';
import { noPhotoAnswer, tell } from './answers';
import { isIntent } from './matchers';

export const NAME_PERSON_INTENT = 'NamePersonIntent';
/** PERSON (the owner's people as dynamic entities, plus seeds such as mom, dad, grandma): the name to give. */
export const NAME_SLOT = 'name';

/**
 * "This is Mom", while a photo is on screen: names the one face vision found in it (naming merges it into an
 * existing "Mom"). Named people feed search ("show photos of Mom"), captions and speech. A photo with no face, or
 * with several, is said so rather than guessed at.
 */
export function namePersonIntentHandler(deps: Pick<SkillDeps, 'library'>): RequestHandler {
  return {
    canHandle: (input) => isIntent(input, NAME_PERSON_INTENT),
    handle: async (input) => {
      const strings = stringsOf(input);
      const chosen = chosenPhotoOnScreen(input.requestEnvelope);
      if (!chosen) return noPhotoAnswer(input, strings, strings.noPhotoForThat);
      const name = spokenName(getSlotValue(input.requestEnvelope, NAME_SLOT));
      if (!name) return tell(input, strings.nameUnclear);
      const ownerId = ownerIdOf(input);
      let faces;
      try {
        faces = (await deps.library.facesInPhoto(ownerId, chosen.photoId)).faces;
      } catch (error) {
        if (isAppError(error) && error.status === 404) {
          return noPhotoAnswer(input, strings, strings.noPhotoForThat);
        }
        throw error;
      }
      const people = faces.flatMap((face) => (face.person ? [face.person] : []));
      if (faces.length === 0 || people.length === 0) return tell(input, strings.noFaceToName);
      if (new Set(people.map((person) => person.id)).size > 1) {
        return tell(input, strings.tooManyFacesToName(faces.length));
      }
      const person = await deps.library.updatePerson(ownerId, people[0]?.id ?? '', { name });
      return tell(input, strings.personNamed(person.name ?? name, person.photoCount));
    },
  };
}

/** "mom" → "Mom": Alexa sends slot values lower-case; a name is kept as it will be spoken and captioned. */
function spokenName(heard: string | undefined): string | undefined {
  const trimmed = heard?.trim();
  if (!trimmed) return undefined;
  return trimmed.replace(
    /(^|[\s-])(\p{Ll})/gu,
    (_match, before: string, letter: string) => before + letter.toUpperCase(),
  );
}
