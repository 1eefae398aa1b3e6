import assert from 'node:assert/strict';
import type { Slot } from 'ask-sdk-model';
import { photoQuerySchema } from '../../../common/contracts';
import { SCREEN_DEVICES, catalogSlot, inLocale, intentEnvelope, intentOnScreen } from '../helpers/envelopes';
import type { TestPhoto } from '../helpers/in-memory-apis';
import { skillHarness, speechOf } from '../helpers/skill-harness';

const MOM = { id: 'pe_mom', name: 'Mom' };

/** A family photo with one face nobody has named, one with Mom, a group of two strangers, and a landscape. */
function photosWithFaces(): TestPhoto[] {
  return [
    {
      id: 'kid1',
      labels: ['birthday'],
      takenLocal: '2025-07-14T10:00:00',
      faces: [{ person: { id: 'pe_cluster7', name: null } }],
    },
    {
      id: 'mom1',
      labels: ['garden'],
      takenLocal: '2025-06-01T10:00:00',
      people: [MOM],
      faces: [{ person: { id: MOM.id, name: MOM.name } }],
    },
    {
      id: 'group1',
      labels: ['party'],
      takenLocal: '2025-08-01T20:00:00',
      faces: [{ person: { id: 'pe_cluster8', name: null } }, { person: { id: 'pe_cluster9', name: null } }],
    },
    { id: 'view1', labels: ['mountain'], takenLocal: '2024-05-01T12:00:00', faces: [] },
  ];
}

/** The name slot as Alexa fills it: the words, resolved or not against the owner's people. */
const nameSlot = (heard: string): { name: Partial<Slot> } => ({ name: { value: heard } });
const codeSlot = (heard: string): { code: Partial<Slot> } => ({ code: { value: heard } });

describe('NamePersonIntent: "this is Mom" while a photo is on screen', () => {
  for (const device of SCREEN_DEVICES) {
    it(`${device}: names the one face in the photo, and search finds that person from then on`, async () => {
      const harness = skillHarness(photosWithFaces());
      const response = await harness.invoke(
        intentOnScreen('NamePersonIntent', 'kid1', nameSlot('grandpa joe'), device),
      );
      assert.equal(speechOf(response), "Got it, that's Grandpa Joe. That's the only photo so far.");
      assert.deepEqual(harness.library.personUpdates, [
        { ownerId: 'owner-1', personId: 'pe_cluster7', update: { name: 'Grandpa Joe' } },
      ]);
      const faces = await harness.library.facesInPhoto('owner-1', 'kid1');
      assert.deepEqual(faces.faces[0]?.person, { id: 'pe_cluster7', name: 'Grandpa Joe', hidden: false });
      const found = await harness.library.search('owner-1', {
        query: photoQuerySchema.parse({ people: ['pe_cluster7'] }),
      });
      assert.deepEqual(
        found.photos.map((photo) => photo.id),
        ['kid1'],
      );
    });
  }

  it('naming a face with a name the library already has merges it into that person', async () => {
    const harness = skillHarness(photosWithFaces());
    const response = await harness.invoke(intentOnScreen('NamePersonIntent', 'kid1', nameSlot('mom')));
    assert.equal(speechOf(response), "Got it, that's Mom. I found them in 2 photos so far.");
    const found = await harness.library.search('owner-1', {
      query: photoQuerySchema.parse({ people: [MOM.id] }),
    });
    assert.deepEqual(found.photos.map((photo) => photo.id).sort(), ['kid1', 'mom1']);
  });

  it('no face, several faces, no name or no photo on screen: says so and names nobody', async () => {
    const harness = skillHarness(photosWithFaces());
    const noFace = await harness.invoke(intentOnScreen('NamePersonIntent', 'view1', nameSlot('mom')));
    assert.equal(speechOf(noFace), "I can't make out a face in this photo to name.");
    const group = await harness.invoke(intentOnScreen('NamePersonIntent', 'group1', nameSlot('mom')));
    assert.equal(
      speechOf(group),
      "I see 2 people in this photo. Name someone in a photo where they're on their own.",
    );
    const noName = await harness.invoke(intentOnScreen('NamePersonIntent', 'kid1', {}));
    assert.equal(speechOf(noName), 'Who is it? Say, this is, and their name.');
    const nothingOnScreen = await harness.invoke(intentEnvelope('NamePersonIntent', nameSlot('mom')));
    assert.match(speechOf(nothingOnScreen), /^I can only do that while the slideshow shows a photo/);
    assert.deepEqual(harness.library.personUpdates, []);
  });

  it('speaks German for de-DE', async () => {
    const harness = skillHarness(photosWithFaces());
    const response = await harness.invoke(
      inLocale(intentOnScreen('NamePersonIntent', 'kid1', nameSlot('oma')), 'de-DE'),
    );
    assert.equal(speechOf(response), 'Alles klar, das ist Oma. Das ist bisher das einzige Foto.');
  });
});

describe('PhotoInfoIntent "who is this?" with faces nobody has named', () => {
  const who = { question: catalogSlot('who', 'PHOTO_QUESTION', 'WHO') };

  it('invites a name for an unnamed face, and names a named one', async () => {
    const harness = skillHarness(photosWithFaces());
    const unknown = await harness.invoke(intentOnScreen('PhotoInfoIntent', 'kid1', who));
    assert.equal(speechOf(unknown), "I don't know who this is yet. If you do, say: this is, and their name.");
    const group = await harness.invoke(intentOnScreen('PhotoInfoIntent', 'group1', who));
    assert.match(speechOf(group), /^I don't know who these people are yet\./);
    const mom = await harness.invoke(intentOnScreen('PhotoInfoIntent', 'mom1', who));
    assert.match(speechOf(mom), /Mom/);
  });
});

describe('LinkFrameIntent: "link frame 4821"', () => {
  it('links the web frame showing the code to this owner', async () => {
    const harness = skillHarness(photosWithFaces());
    harness.display.offerFrameCode('4821', 'fr_kitchen0001');
    const response = await harness.invoke(intentEnvelope('LinkFrameIntent', codeSlot('4821')));
    assert.equal(speechOf(response), 'Done. The frame showing 4821 now shows your photos.');
    // The code is spoken digit by digit ("four eight two one"), not as a number.
    assert.match(
      (response.response.outputSpeech as { ssml: string }).ssml,
      /<say-as interpret-as="digits">4821<\/say-as>/,
    );
    assert.deepEqual(harness.display.frameLinks, [{ ownerId: 'owner-1', code: '4821' }]);
    // Single use: the same code again is unknown.
    const again = await harness.invoke(intentEnvelope('LinkFrameIntent', codeSlot('4821')));
    assert.match(speechOf(again), /^I couldn't find a frame showing/);
  });

  it('asks again for a code that is not four digits, without calling the display', async () => {
    const harness = skillHarness(photosWithFaces());
    for (const heard of ['48', '48210', '?']) {
      const response = await harness.invoke(intentEnvelope('LinkFrameIntent', codeSlot(heard)));
      assert.equal(speechOf(response), 'Which frame? Say link frame, and the four digits the frame shows.');
      assert.equal(response.response.shouldEndSession, false);
    }
    assert.deepEqual(harness.display.frameLinks, []);
  });

  it('speaks German for de-DE', async () => {
    const harness = skillHarness(photosWithFaces());
    harness.display.offerFrameCode('1234', 'fr_flur00000001');
    const response = await harness.invoke(
      inLocale(intentEnvelope('LinkFrameIntent', codeSlot('1234')), 'de-DE'),
    );
    assert.match(speechOf(response), /^Erledigt\. Der Rahmen mit .*1234.* zeigt jetzt deine Fotos\.$/);
  });
});
