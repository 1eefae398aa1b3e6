import assert from 'node:assert/strict';
import type { interfaces, RequestEnvelope } from 'ask-sdk-model';
import { NEVER_WRAP_TOTAL } from '../../../lambda/apl/slideshow-directives';
import { SIMULATOR_IDENTITY } from '../../../tools/alexa-simulator/envelope';
import {
  SCREEN_DEVICES,
  VOICE_ONLY_DEVICE,
  deviceRequestEnvelope,
  inLocale,
  launchEnvelope,
} from '../helpers/envelopes';
import type { TestPhoto } from '../helpers/in-memory-apis';
import { useRecordedApis } from '../helpers/recorded-alexa-apis';
import { skillHarness, speechOf, testPhotos } from '../helpers/skill-harness';

type RenderDocument = interfaces.alexa.presentation.apl.RenderDocumentDirective;
type ExecuteCommands = interfaces.alexa.presentation.apl.ExecuteCommandsDirective;
interface PhotosDatasource {
  type: string;
  listId: string;
  startIndex: number;
  minimumInclusiveIndex: number;
  maximumExclusiveIndex?: number;
  items: Array<{ index: number; url: string; photoIds: string[] }>;
}
interface FactsDatasource {
  total: number;
  startIndex: number;
  pageDurationMs: number;
  listId: string;
}

const PIXELS: Readonly<Record<(typeof SCREEN_DEVICES)[number], [number, number, 'ROUND' | 'RECTANGLE']>> = {
  'Echo Spot': [480, 480, 'ROUND'],
  'Echo Show 5': [960, 480, 'RECTANGLE'],
  'Echo Show 8': [1280, 800, 'RECTANGLE'],
  'Echo Show 15': [1920, 1080, 'RECTANGLE'],
  'Echo Show 15 portrait': [1080, 1920, 'RECTANGLE'],
  'Fire TV': [1920, 1080, 'RECTANGLE'],
};

function slideshowOf(response: { response: { directives?: unknown[] } }) {
  const [render, execute] = (response.response.directives ?? []) as [RenderDocument, ExecuteCommands];
  const datasources = render.datasources as { photos: PhotosDatasource; slideshow: FactsDatasource };
  return { render, execute, photos: datasources.photos, facts: datasources.slideshow };
}

function loadPage(listId: string, startIndex: number, device = 'Echo Show 8'): RequestEnvelope {
  return deviceRequestEnvelope(
    {
      type: 'Alexa.Presentation.APL.LoadIndexListData',
      token: 'photo-slideshow',
      correlationToken: `load-${startIndex}`,
      listId,
      startIndex,
      count: 10,
    },
    device,
  );
}

describe('LaunchRequest: the ambient frame ("open Photo Frame")', () => {
  useRecordedApis();

  for (const device of SCREEN_DEVICES) {
    it(`${device}: starts this device's ambient slideshow at its size, endless, and closes the session`, async () => {
      const harness = skillHarness(testPhotos(25));
      const response = await harness.invoke(launchEnvelope(device));
      const [width, height, shape] = PIXELS[device];
      assert.deepEqual(harness.display.ambientStarts, [
        {
          ownerId: 'owner-1',
          deviceId: SIMULATOR_IDENTITY.deviceId,
          viewport: { width, height, shape },
          memories: true,
          timeZone: 'UTC',
          pageSize: 10,
        },
      ]);
      assert.deepEqual(harness.display.created, [], 'no query slideshow');
      assert.equal(speechOf(response), 'Here are your photos.');
      assert.deepEqual(
        (response.response.directives ?? []).map((directive) => directive.type),
        ['Alexa.Presentation.APL.RenderDocument', 'Alexa.Presentation.APL.ExecuteCommands'],
      );
      const { render, execute, photos, facts } = slideshowOf(response);
      assert.equal(render.token, 'photo-slideshow');
      assert.equal(execute.token, 'photo-slideshow');
      assert.equal(photos.type, 'dynamicIndexList');
      assert.match(photos.listId, /^ss_ambient_owner-1_/);
      assert.equal(photos.startIndex, 0);
      assert.equal(photos.minimumInclusiveIndex, 0);
      assert.equal('maximumExclusiveIndex' in photos, false, 'an endless list has no end');
      assert.equal(photos.items.length, 10);
      assert.ok(photos.items.every((item) => item.url.endsWith(`_${width}x${height}.jpg`)));
      // Never wraps back to the first page: the slideshow goes on as the device loads more.
      assert.deepEqual(facts, {
        listId: photos.listId,
        total: NEVER_WRAP_TOTAL,
        startIndex: 0,
        pageDurationMs: 8000,
      });
      assert.deepEqual(execute.commands, [
        {
          type: 'AutoPage',
          componentId: 'slideshow',
          delay: 8000,
          duration: 8000,
          screenLock: true,
          sequencer: 'slideshow-paging',
        },
      ]);
      assert.equal(response.response.shouldEndSession, true, 'no open microphone on a frame');
      assert.equal(response.response.reprompt, undefined);
      assert.deepEqual((await harness.userSettings.getAttributes('owner-1')).lastSlideshow, {
        kind: 'ambient',
        slideshowId: photos.listId,
      });
    });
  }

  it('says "memories from this week" when the frame opens with a photo from this week in an earlier year', async () => {
    const memory: TestPhoto = { id: 'memory0', labels: ['family'], takenLocal: '2023-11-27T15:00:00' };
    const harness = skillHarness([memory, ...testPhotos()]);
    const response = await harness.invoke(launchEnvelope());
    assert.equal(speechOf(response), 'Here are your memories from this week.');
    assert.deepEqual(slideshowOf(response).photos.items[0]?.photoIds, ['memory0']);
    const german = await harness.invoke(inLocale(launchEnvelope(), 'de-DE'));
    assert.equal(speechOf(german), 'Hier sind deine Erinnerungen aus dieser Woche.');
  });

  it('the user\'s pace and "loop off" do not stop the frame from going on', async () => {
    const harness = skillHarness(testPhotos(25));
    await harness.userSettings.saveAttributes('owner-1', {
      intervalSeconds: 20,
      shuffle: false,
      loop: false,
    });
    const { facts, execute, photos } = slideshowOf(await harness.invoke(launchEnvelope()));
    assert.deepEqual(facts, {
      listId: photos.listId,
      total: NEVER_WRAP_TOTAL,
      startIndex: 0,
      pageDurationMs: 20_000,
    });
    assert.equal((execute.commands[0] as { duration?: number }).duration, 20_000);
  });

  it('resumes where this device left off: list loads ahead save the position, the next launch starts there', async () => {
    const harness = skillHarness(testPhotos(40));
    const listId = slideshowOf(await harness.invoke(launchEnvelope())).photos.listId;
    const loaded = await harness.invoke(loadPage(listId, 10));
    const send = loaded.response
      .directives?.[0] as interfaces.alexa.presentation.apl.SendIndexListDataDirective;
    assert.equal(send.startIndex, 10);
    assert.equal('maximumExclusiveIndex' in send, false, 'the device keeps asking for more');
    await harness.invoke(loadPage(listId, 20));
    // The user paging back loads earlier photos: that is not where the frame is.
    await harness.invoke(loadPage(listId, 0));

    const reopened = slideshowOf(await harness.invoke(launchEnvelope()));
    assert.equal(reopened.photos.listId, listId);
    assert.equal(reopened.photos.startIndex, 20);
    assert.equal(reopened.facts.startIndex, 20);
    assert.deepEqual(
      reopened.photos.items.map((item) => item.index),
      [20, 21, 22, 23, 24, 25, 26, 27, 28, 29],
    );
  });

  it('a position that cannot be saved is logged; the photos still load', async () => {
    const harness = skillHarness(testPhotos(40));
    const listId = slideshowOf(await harness.invoke(launchEnvelope())).photos.listId;
    harness.display.saveAmbientPosition = () => Promise.reject(new Error('display down'));
    const loaded = await harness.invoke(loadPage(listId, 10));
    assert.equal(loaded.response.directives?.[0]?.type, 'Alexa.Presentation.APL.SendIndexListData');
    assert.ok(harness.logLines.some((line) => line.message === 'ambient position not saved'));
  });

  it('an empty library: says so, no APL, session closed', async () => {
    const harness = skillHarness([]);
    const response = await harness.invoke(launchEnvelope());
    assert.equal(
      speechOf(response),
      'There are no photos in your library yet. Add some, then open Photo Frame again.',
    );
    assert.deepEqual(response.response.directives ?? [], []);
    assert.equal(response.response.shouldEndSession, true);
  });

  it('on a device without a screen: what the library holds and where to watch it, never APL', async () => {
    const harness = skillHarness();
    const response = await harness.invoke(launchEnvelope(VOICE_ONLY_DEVICE));
    assert.equal(
      speechOf(response),
      'Photo Frame shows your photos on a screen. You have 13 photos, taken between January and July 2025. ' +
        'Ask me again on an Echo Show or a Fire TV.',
    );
    assert.deepEqual(response.response.directives ?? [], []);
    assert.equal(response.response.shouldEndSession, true);
    assert.deepEqual(harness.display.ambientStarts, []);
    assert.deepEqual(
      harness.library.searches.map((search) => search.request.limit),
      [0],
    );
    const german = await harness.invoke(inLocale(launchEnvelope(VOICE_ONLY_DEVICE), 'de-DE'));
    assert.match(speechOf(german), /^Foto Rahmen zeigt deine Fotos auf einem Bildschirm\. Du hast 13 Fotos/);
  });

  it('a screen request without a device id (no frame to resume) welcomes and asks instead', async () => {
    const envelope = launchEnvelope();
    if (envelope.context.System.device) envelope.context.System.device.deviceId = '';
    const harness = skillHarness();
    const response = await harness.invoke(envelope);
    assert.equal(
      speechOf(response),
      'Welcome to Photo Frame. You can say, show beach photos from last summer.',
    );
    assert.equal(response.response.shouldEndSession, false);
    assert.deepEqual(harness.display.ambientStarts, []);
  });
});
