import assert from 'node:assert/strict';
import type { interfaces, ResponseEnvelope } from 'ask-sdk-model';
import { NEVER_WRAP_TOTAL } from '../../../lambda/apl/slideshow-directives';
import {
  SCREEN_DEVICES,
  VOICE_ONLY_DEVICE,
  catalogSlot,
  inLocale,
  intentEnvelope,
  intentOnScreen,
  launchEnvelope,
  subjectSlot,
} from '../helpers/envelopes';
import { skillHarness, speechOf } from '../helpers/skill-harness';

type RenderDocument = interfaces.alexa.presentation.apl.RenderDocumentDirective;
type ExecuteCommands = interfaces.alexa.presentation.apl.ExecuteCommandsDirective;

const OWNER = 'owner-1';
const speed = (heard: string, id: 'FASTER' | 'SLOWER') => ({
  speed: catalogSlot(heard, 'SLIDESHOW_SPEED', id),
});
const faster = (device?: string) =>
  intentOnScreen('SlideshowSpeedIntent', 'beach0', speed('faster', 'FASTER'), device);
const slower = () => intentOnScreen('SlideshowSpeedIntent', 'beach0', speed('slow down', 'SLOWER'));
const showBeach = () => intentEnvelope('ShowPhotosIntent', { subject: subjectSlot('beach', 'BEACH') });
const directiveTypes = (response: ResponseEnvelope) =>
  (response.response.directives ?? []).map((directive) => directive.type);

function factsOf(response: ResponseEnvelope): { total: number; pageDurationMs: number } {
  const render = response.response.directives?.[0] as RenderDocument;
  return (render.datasources as { slideshow: { total: number; pageDurationMs: number } }).slideshow;
}
function listIdOf(response: ResponseEnvelope): string {
  const render = response.response.directives?.[0] as RenderDocument;
  return (render.datasources as { photos: { listId: string } }).photos.listId;
}

describe('SlideshowSpeedIntent: faster / slower', () => {
  for (const device of SCREEN_DEVICES) {
    it(`${device}: "faster" steps 8 → 6 s, keeps it for the user, and re-paces the slideshow on screen`, async () => {
      const harness = skillHarness();
      const response = await harness.invoke(faster(device));
      assert.equal(speechOf(response), 'Faster: each photo now stays 6 seconds.');
      assert.equal((await harness.userSettings.getAttributes(OWNER)).intervalSeconds, 6);
      const [execute] = (response.response.directives ?? []) as ExecuteCommands[];
      assert.equal(execute?.token, 'photo-slideshow');
      assert.deepEqual(execute?.commands, [
        { type: 'SetValue', componentId: 'slideshow', property: 'pageDuration', value: 6000 },
        { type: 'SlideshowResume', pageDuration: 6000 },
      ]);
      assert.equal(response.response.shouldEndSession, undefined, 'the slideshow stays up');
    });
  }

  it('"slow down" steps through 12, 20, 30 s and then says that is as slow as it goes', async () => {
    const harness = skillHarness();
    const said: string[] = [];
    for (let turn = 0; turn < 4; turn++) said.push(speechOf(await harness.invoke(slower())));
    assert.deepEqual(said, [
      'Slower: each photo now stays 12 seconds.',
      'Slower: each photo now stays 20 seconds.',
      'Slower: each photo now stays 30 seconds.',
      "That's as slow as it goes: each photo stays 30 seconds.",
    ]);
    assert.equal((await harness.userSettings.getAttributes(OWNER)).intervalSeconds, 30);
    const atLimit = await harness.invoke(slower());
    assert.deepEqual(directiveTypes(atLimit), [], 'nothing to change on screen');
  });

  it('at 4 s "faster" says so; an interval between steps moves to the nearest step that way', async () => {
    const harness = skillHarness();
    await harness.userSettings.saveAttributes(OWNER, { intervalSeconds: 4, shuffle: false, loop: true });
    assert.equal(
      speechOf(await harness.invoke(faster())),
      "That's as fast as it goes: each photo stays 4 seconds.",
    );
    await harness.userSettings.saveAttributes(OWNER, { intervalSeconds: 10, shuffle: false, loop: true });
    assert.equal(speechOf(await harness.invoke(faster())), 'Faster: each photo now stays 8 seconds.');
  });

  it('the next slideshow plays at the new pace', async () => {
    const harness = skillHarness();
    await harness.invoke(slower());
    const show = await harness.invoke(showBeach());
    assert.equal(factsOf(show).pageDurationMs, 12_000);
    const autoPage = show.response.directives?.[1] as ExecuteCommands;
    assert.equal((autoPage.commands[0] as { duration?: number }).duration, 12_000);
  });

  it('with no slideshow on screen (or no screen) the pace is kept for next time, and the session ends', async () => {
    for (const device of ['Echo Show 8', VOICE_ONLY_DEVICE]) {
      const harness = skillHarness();
      const response = await harness.invoke(
        intentEnvelope('SlideshowSpeedIntent', speed('quicker', 'FASTER'), device),
      );
      assert.equal(speechOf(response), 'Faster: each photo now stays 6 seconds.', device);
      assert.deepEqual(directiveTypes(response), [], device);
      assert.equal(response.response.shouldEndSession, true, device);
      assert.equal((await harness.userSettings.getAttributes(OWNER)).intervalSeconds, 6, device);
    }
  });

  it('a speed Alexa could not resolve: asks how, changes nothing', async () => {
    const harness = skillHarness();
    const response = await harness.invoke(
      intentOnScreen('SlideshowSpeedIntent', 'beach0', { speed: { value: 'sideways' } }),
    );
    assert.equal(speechOf(response), 'You can say, go faster, or go slower.');
    assert.equal(response.response.shouldEndSession, false);
    assert.deepEqual(await harness.userSettings.getAttributes(OWNER), {});
  });

  it('speaks German in de-DE', async () => {
    const response = await skillHarness().invoke(inLocale(slower(), 'de-DE'));
    assert.equal(speechOf(response), 'Langsamer: Jedes Foto bleibt jetzt 12 Sekunden.');
  });
});

describe('ShuffleOn / ShuffleOff', () => {
  for (const device of SCREEN_DEVICES) {
    it(`${device}: shuffle restarts the slideshow at this screen's size; shuffle off restarts it by date`, async () => {
      const harness = skillHarness();
      await harness.invoke(
        intentEnvelope('ShowPhotosIntent', { subject: subjectSlot('beach', 'BEACH') }, device),
      );
      const on = await harness.invoke(intentOnScreen('AMAZON.ShuffleOnIntent', 'beach0', {}, device));
      const off = await harness.invoke(intentOnScreen('AMAZON.ShuffleOffIntent', 'beach0', {}, device));
      const [shown, shuffled, dated] = harness.display.created;
      assert.deepEqual(shuffled?.viewport, shown?.viewport);
      assert.deepEqual(dated?.viewport, shown?.viewport);
      assert.deepEqual([shuffled?.query.order, dated?.query.order], ['shuffle', 'oldest']);
      for (const response of [on, off]) {
        assert.deepEqual(directiveTypes(response), [
          'Alexa.Presentation.APL.RenderDocument',
          'Alexa.Presentation.APL.ExecuteCommands',
        ]);
        assert.equal(response.response.shouldEndSession, undefined);
      }
    });
  }

  it('restarts the slideshow on screen with the same photos, shuffled with a fresh seed; off restores date order', async () => {
    const harness = skillHarness();
    const shown = await harness.invoke(showBeach());
    const first = harness.display.created[0]?.query;
    assert.equal(first?.order, 'oldest');

    const on = await harness.invoke(intentOnScreen('AMAZON.ShuffleOnIntent', 'beach0'));
    assert.equal(speechOf(on), 'Shuffle is on. Here are the same 12 photos in random order.');
    assert.deepEqual(directiveTypes(on), [
      'Alexa.Presentation.APL.RenderDocument',
      'Alexa.Presentation.APL.ExecuteCommands',
    ]);
    assert.notEqual(listIdOf(on), listIdOf(shown));
    const shuffled = harness.display.created[1]?.query;
    assert.deepEqual({ ...shuffled, order: 'oldest', seed: undefined }, { ...first, seed: undefined });
    assert.equal(shuffled?.order, 'shuffle');
    assert.ok(shuffled?.seed);
    assert.equal((await harness.userSettings.getAttributes(OWNER)).shuffle, true);

    await harness.invoke(intentOnScreen('AMAZON.ShuffleOnIntent', 'beach0'));
    assert.notEqual(harness.display.created[2]?.query.seed, shuffled?.seed, 'each shuffle is a new order');

    const off = await harness.invoke(intentOnScreen('AMAZON.ShuffleOffIntent', 'beach0'));
    assert.equal(speechOf(off), 'Shuffle is off. Here are the same 12 photos in date order.');
    assert.deepEqual(harness.display.created[3]?.query, first);
    assert.equal((await harness.userSettings.getAttributes(OWNER)).shuffle, false);
  });

  it('with shuffle on, new slideshows play shuffled, each with its own seed', async () => {
    const harness = skillHarness();
    await harness.invoke(intentEnvelope('AMAZON.ShuffleOnIntent'));
    await harness.invoke(showBeach());
    await harness.invoke(showBeach());
    const [a, b] = harness.display.created.map((request) => request.query);
    assert.equal(a?.order, 'shuffle');
    assert.equal(b?.order, 'shuffle');
    assert.notEqual(a?.seed, b?.seed);
    assert.deepEqual(a?.labels, ['beach']);
  });

  it('with no slideshow on screen, or no screen: kept for the next slideshow, said so, session ends', async () => {
    for (const device of ['Echo Show 8', VOICE_ONLY_DEVICE]) {
      const harness = skillHarness();
      await harness.invoke(showBeach());
      const response = await harness.invoke(intentEnvelope('AMAZON.ShuffleOnIntent', {}, device));
      assert.equal(speechOf(response), 'Shuffle is on. Your next slideshow will play in random order.');
      assert.deepEqual(directiveTypes(response), []);
      assert.equal(response.response.shouldEndSession, true);
      assert.equal(harness.display.created.length, 1, 'nothing restarted');
    }
  });

  it('on the ambient frame: "shuffle" changes nothing; "shuffle off" plays the whole library by date', async () => {
    const harness = skillHarness();
    await harness.invoke(launchEnvelope());
    const on = await harness.invoke(intentOnScreen('AMAZON.ShuffleOnIntent', 'beach0'));
    assert.equal(speechOf(on), 'Your photo frame already shows your photos in random order.');
    assert.deepEqual(directiveTypes(on), []);
    const off = await harness.invoke(intentOnScreen('AMAZON.ShuffleOffIntent', 'beach0'));
    assert.equal(speechOf(off), 'Shuffle is off. Here are your 13 photos in date order.');
    assert.equal(harness.display.created[0]?.query.order, 'oldest');
    assert.deepEqual(harness.display.created[0]?.query.labels, []);
  });

  it('speaks German in de-DE', async () => {
    const harness = skillHarness();
    await harness.invoke(showBeach());
    const on = await harness.invoke(inLocale(intentOnScreen('AMAZON.ShuffleOnIntent', 'beach0'), 'de-DE'));
    assert.equal(
      speechOf(on),
      'Zufallswiedergabe an. Hier sind dieselben 12 Fotos in zufälliger Reihenfolge.',
    );
  });
});

describe('LoopOn / LoopOff', () => {
  for (const device of SCREEN_DEVICES) {
    it(`${device}: loop off while the slideshow plays is kept and said; the slideshow stays up`, async () => {
      const harness = skillHarness();
      const response = await harness.invoke(intentOnScreen('AMAZON.LoopOffIntent', 'beach0', {}, device));
      assert.equal(speechOf(response), 'Loop is off. Your next slideshow will stop at its last photo.');
      assert.equal(response.response.shouldEndSession, undefined);
      assert.equal((await harness.userSettings.getAttributes(OWNER)).loop, false);
    });
  }

  it('loop off is kept and the next slideshow stops at its last photo; loop on wraps again', async () => {
    const harness = skillHarness();
    const off = await harness.invoke(intentOnScreen('AMAZON.LoopOffIntent', 'beach0'));
    assert.equal(speechOf(off), 'Loop is off. Your next slideshow will stop at its last photo.');
    assert.deepEqual(directiveTypes(off), []);
    assert.equal(off.response.shouldEndSession, undefined, 'the slideshow on screen stays up');
    assert.equal((await harness.userSettings.getAttributes(OWNER)).loop, false);
    assert.equal(factsOf(await harness.invoke(showBeach())).total, NEVER_WRAP_TOTAL);

    const on = await harness.invoke(intentEnvelope('AMAZON.LoopOnIntent'));
    assert.equal(speechOf(on), 'Loop is on. Your next slideshow will start over after its last photo.');
    assert.equal(on.response.shouldEndSession, true);
    assert.equal(factsOf(await harness.invoke(showBeach())).total, 12);
  });

  it('on a device without a screen it is kept, said, and never an APL directive', async () => {
    const harness = skillHarness();
    const response = await harness.invoke(intentEnvelope('AMAZON.LoopOffIntent', {}, VOICE_ONLY_DEVICE));
    assert.deepEqual(directiveTypes(response), []);
    assert.equal((await harness.userSettings.getAttributes(OWNER)).loop, false);
    const german = await harness.invoke(inLocale(intentEnvelope('AMAZON.LoopOffIntent'), 'de-DE'));
    assert.equal(speechOf(german), 'Wiederholung aus. Deine nächste Diashow hält beim letzten Foto an.');
  });
});
