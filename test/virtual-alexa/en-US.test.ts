import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VirtualAlexa } from 'virtual-alexa';
import { fromUtcDate, isoWeekOf, addDays } from '../../lambda/util/calendar';
import { lastSummerYear, lastWinterStartYear } from '../../metadata-service/demo/demo-plan';
import { localStackConfigFromEnv } from '../../server/config';
import { startLocalStack, type LocalStack } from '../../server/local-stack';
import { findDevice } from '../../tools/alexa-simulator/devices';
import { modelFilePath } from '../../scripts/generate-interaction-models';

/**
 * Acceptance 5: an external client (virtual-alexa) drives the BUILT Lambda bundle with the en-US interaction model,
 * against the real stack (display + library over HTTP, demo library) started in this process. virtual-alexa has
 * no AMAZON.DATE resolver (it passes the words), so date forms go through `intend()` with values as Alexa sends
 * them; everything else is `utter()`ed and matched against the model's samples. It has no APL either: the filter
 * adds an Echo Show's viewport and APL interface to every request.
 */

/** Origin of the in-process stack; rendition URLs must point at it. */
let stackUrl = '';
const BUNDLE = join(__dirname, '..', '..', 'build', 'lambda', 'index.js');

interface Directive {
  type: string;
  token?: string;
  datasources?: { photos?: { listId: string; maximumExclusiveIndex: number; items: Array<{ url: string }> } };
  commands?: Array<{ type: string }>;
}
interface Reply {
  response: {
    outputSpeech?: { ssml?: string };
    directives?: Directive[];
    shouldEndSession?: boolean;
    reprompt?: unknown;
  };
}

type LambdaHandler = (
  event: unknown,
  context: unknown,
  callback: (error: unknown, result?: unknown) => void,
) => void;

/** A fresh copy of the bundle: it reads its environment once, on its first invocation. */
function freshBundleHandler(): LambdaHandler {
  assert.ok(existsSync(BUNDLE), `${BUNDLE} is missing: run npm run build before these tests`);
  delete require.cache[BUNDLE];
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the bundle is CommonJS built outside tsc
  return (require(BUNDLE) as { handler: LambdaHandler }).handler;
}

const speech = (reply: Reply): string => (reply.response.outputSpeech?.ssml ?? '').replace(/<[^>]+>/g, '');
const directiveTypes = (reply: Reply): string[] => (reply.response.directives ?? []).map((d) => d.type);

/** The parts of virtual-alexa's request JSON the device filter changes. */
interface FilteredRequest {
  context: { System: { device: { supportedInterfaces: unknown } }; Viewport?: unknown };
}

/** Puts the simulator's device preset into each request, as the device itself would. */
function onDevice(alexa: VirtualAlexa, deviceName: string): VirtualAlexa {
  const device = findDevice(deviceName);
  return alexa.resetFilter().filter((request: FilteredRequest) => {
    request.context.System.device.supportedInterfaces = device.supportedInterfaces;
    if (device.viewport) request.context.Viewport = device.viewport;
    else delete request.context.Viewport;
  });
}

/** A slideshow answer: speech count = list size, RenderDocument + AutoPage on the same token. */
function assertSlideshow(reply: Reply, speechPattern: RegExp): number {
  const said = speech(reply);
  const match = speechPattern.exec(said);
  assert.ok(match, `speech was: ${said}`);
  const count = Number(match[1]);
  assert.ok(count > 0, said);
  assert.deepEqual(directiveTypes(reply), [
    'Alexa.Presentation.APL.RenderDocument',
    'Alexa.Presentation.APL.ExecuteCommands',
  ]);
  const [render, execute] = reply.response.directives ?? [];
  const photos = render?.datasources?.photos;
  assert.ok(photos, 'dynamicIndexList datasource');
  assert.equal(photos.maximumExclusiveIndex, count);
  assert.equal(photos.items.length, Math.min(10, count));
  assert.ok(photos.items[0]?.url.startsWith(`${stackUrl}/v1/display/renditions/`), photos.items[0]?.url);
  assert.equal(execute?.token, render?.token);
  assert.equal(execute?.commands?.[0]?.type, 'AutoPage');
  assert.equal('shouldEndSession' in reply.response, false, 'the slideshow stays up');
  return count;
}

describe('virtual-alexa drives the built bundle with the en-US model (acceptance 5)', function () {
  // The demo library is generated and ingested before the first request; that takes seconds on 2-core CI.
  this.timeout(120_000);
  const today = new Date();
  const day = fromUtcDate(today);
  const summer = lastSummerYear(today);
  const savedEnv = { ...process.env };
  let dataDir: string;
  let stack: LocalStack;
  let alexa: VirtualAlexa;

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'photoframe-virtual-alexa-'));
    const config = { ...localStackConfigFromEnv({}), port: 0, dataDir, logLevel: 'silent' as const };
    stack = await startLocalStack(config, { today });
    stackUrl = stack.url;
    Object.assign(process.env, {
      DISPLAY_SERVICE_URL: stack.url,
      METADATA_SERVICE_URL: stack.url,
      PHOTO_OWNER_ID: 'local',
      LOG_LEVEL: 'silent',
    });
    delete process.env.ALEXA_SKILL_ID;
    alexa = VirtualAlexa.Builder()
      .handler(freshBundleHandler())
      .interactionModelFile(modelFilePath('en-US'))
      .create();
  });

  beforeEach(() => onDevice(alexa, 'Echo Show 8'));

  after(async () => {
    process.env = savedEnv;
    delete require.cache[BUNDLE];
    await stack?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  const send = async (action: Promise<unknown>): Promise<Reply> => (await action) as Reply;

  it('1. "open photo frame" → the welcome and an open microphone', async () => {
    const reply = await send(alexa.launch());
    assert.equal(speech(reply), 'Welcome to Photo Frame. You can say, show beach photos from last summer.');
    assert.equal(reply.response.shouldEndSession, false);
  });

  for (const [n, utterance, label] of [
    [2, 'show me beach photos', 'beach'],
    [3, 'show me pictures of the dog', 'dog'],
    [4, 'show me my sunset photos', 'sunset'],
    [5, 'show seaside pictures', 'beach'],
    [6, 'play a slideshow of my snow photos', 'snow'],
    [7, 'display mountain pictures', 'mountain'],
    [8, 'let me see photos of flowers', 'flowers'],
  ] as const) {
    it(`${n}. "${utterance}" → a slideshow of ${label} photos`, async () => {
      assertSlideshow(
        await send(alexa.utter(utterance)),
        new RegExp(`^Here (?:are|is) (\\d+) ${label} photos?`),
      );
    });
  }

  it('9. "show my photos" → every photo, with the span they cover', async () => {
    assertSlideshow(await send(alexa.utter('show my photos')), /^Here are your (\d+) photos, taken between /);
  });

  it('10. "show me photos from our trip to kyoto" → understood as a place and said back', async () => {
    const said = speech(await send(alexa.utter('show me photos from our trip to kyoto')));
    assert.match(said, /photos in kyoto/i);
  });

  it('11. "show me photos of grandma" → a name not linked to the library: a short question, no slideshow', async () => {
    const reply = await send(alexa.utter('show me photos of grandma'));
    assert.equal(
      speech(reply),
      "Sorry, I don't know who grandma is in your photos yet. What would you like to see?",
    );
    assert.deepEqual(directiveTypes(reply), []);
    assert.equal(reply.response.shouldEndSession, false);
  });

  it('12. "play my wedding album" → an album not linked to the library: a short question', async () => {
    assert.equal(
      speech(await send(alexa.utter('play my wedding album'))),
      "Sorry, I couldn't find an album called wedding. What would you like to see?",
    );
  });

  it('13. "show christmas photos from every year" → every Christmas; none in the demo, so the date is relaxed', async () => {
    const reply = await send(alexa.utter('show christmas photos from every year'));
    assertSlideshow(reply, /^I found no photos from every Christmas, but here are your (\d+) photos/);
  });

  it('14. ShowPhotosIntent subject=beach date=<last summer>-SU → beach photos from that summer', async () => {
    const reply = await send(alexa.intend('ShowPhotosIntent', { subject: 'beach', date: `${summer}-SU` }));
    assertSlideshow(
      reply,
      new RegExp(`^Here are (\\d+) beach photos from summer ${summer}, taken (?:in|between) (?:July|August)`),
    );
  });

  it('15. date=<last year> → photos from last year', async () => {
    const reply = await send(alexa.intend('ShowPhotosIntent', { date: String(day.year - 1) }));
    assertSlideshow(reply, new RegExp(`^Here are (\\d+) photos from ${day.year - 1}, taken `));
  });

  it('16. date=<this month> → this month’s photos', async () => {
    const month = `${day.year}-${String(day.month).padStart(2, '0')}`;
    assertSlideshow(
      await send(alexa.intend('ShowPhotosIntent', { date: month })),
      new RegExp(`^Here (?:are|is) (\\d+) photos? from \\w+ ${day.year}`),
    );
  });

  it('17. subject=snow date=<last winter>-WI → snow photos from that winter', async () => {
    const winter = lastWinterStartYear(today);
    assertSlideshow(
      await send(alexa.intend('ShowPhotosIntent', { subject: 'snow', date: `${winter}-WI` })),
      new RegExp(`^Here (?:are|is) (\\d+) snow photos? from winter ${winter}`),
    );
  });

  it('18. date=XXXX-07-14 → every July 14 (one range per year): the demo beach day', async () => {
    assertSlideshow(
      await send(alexa.intend('ShowPhotosIntent', { subject: 'beach', date: 'XXXX-07-14' })),
      /^Here (?:are|is) (\d+) beach photos? from every July 14/,
    );
  });

  it('19. date=<this decade>X → the decade', async () => {
    const decade = Math.floor(day.year / 10);
    assertSlideshow(
      await send(alexa.intend('ShowPhotosIntent', { date: `${decade}X` })),
      new RegExp(`^Here are (\\d+) photos from the ${decade}0s`),
    );
  });

  // The demo's snow is always from a past winter, never from today.
  it('20. date=PRESENT_REF with subject=snow → nothing today: relaxed to the snow photos there are', async () => {
    const reply = await send(alexa.intend('ShowPhotosIntent', { subject: 'snow', date: 'PRESENT_REF' }));
    assertSlideshow(reply, /^I found no snow photos from today, but here (?:are|is) (\d+) snow photos?/);
  });

  it('21. a weekend next week (ISO -WE) moves back to the last one that happened', async () => {
    const next = isoWeekOf(addDays(day, 7));
    const reply = await send(
      alexa.intend('ShowPhotosIntent', { date: `${next.year}-W${String(next.week).padStart(2, '0')}-WE` }),
    );
    assert.match(speech(reply), /from the weekend of /);
    assert.doesNotMatch(speech(reply), /didn't understand/);
  });

  it('22. "help" → the help text, listening', async () => {
    const reply = await send(alexa.utter('help'));
    assert.match(speech(reply), /^Photo Frame shows your photos as a slideshow/);
    assert.equal(reply.response.shouldEndSession, false);
  });

  it('23. "stop" → goodbye, session ends', async () => {
    const reply = await send(alexa.utter('stop'));
    assert.equal(speech(reply), 'Goodbye.');
    assert.equal(reply.response.shouldEndSession, true);
  });

  it('24. on an Echo Dot "show me beach photos" → a spoken count, no APL, session ends', async () => {
    onDevice(alexa, 'Echo Dot');
    const reply = await send(alexa.utter('show me beach photos'));
    assert.match(speech(reply), /^You have \d+ beach photos, taken .* Photos need a screen/);
    assert.deepEqual(directiveTypes(reply), []);
    assert.equal(reply.response.shouldEndSession, true);
  });

  it('25. on a Fire TV "show me dog pictures" → a slideshow sized for 1920x1080', async () => {
    onDevice(alexa, 'Fire TV');
    const reply = await send(alexa.utter('show me dog pictures'));
    assertSlideshow(reply, /^Here (?:are|is) (\d+) dog photos?/);
    const url = new URL(reply.response.directives?.[0]?.datasources?.photos?.items[0]?.url ?? '');
    assert.match(url.pathname + url.search, /1920.*1080|1920x1080/);
  });
});
