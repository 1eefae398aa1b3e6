import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { StaticAplTemplateValidator } from 'apl-suggester';
import { mediaToolsFromEnv } from '../../../display-service/renditions/video/media-tools';
import { probeVideo } from '../../../display-service/renditions/video/probe-video';
import { DEFAULT_VIDEO_LIMITS } from '../../../display-service/renditions/video/video-limits';
import { readLocalSecrets } from '../../../server/local-secrets';
import { localStackConfigFromEnv, startLocalStack, type LocalStack } from '../../../server/local-stack';
import { findDevice } from '../../../tools/alexa-simulator/devices';
import { buildRequestEnvelope, SIMULATOR_IDENTITY } from '../../../tools/alexa-simulator/envelope';
import { matchUtterance } from '../../../tools/alexa-simulator/interaction-model-matcher';
import { loadLanguageModel } from '../../../tools/alexa-simulator/interaction-model';
import { sendToSkill } from '../../../tools/alexa-simulator/skill-transport';
import { containerTags } from '../../display-service/renditions/video/clip-fixtures';
import {
  motionPhotoJpeg,
  motionPhotoXmp,
  stillJpeg,
} from '../../metadata-service/ingest/live-photos/live-photo-fixtures';

const run = promisify(execFile);
type Json = Record<string, unknown>;

interface ListItem {
  url: string;
  photoIds: string[];
  clipUrl: string;
  motionUrl: string;
  motionDurationMs: number;
}

/** The first component anywhere in an APL document that `matches`. */
function findComponent(node: unknown, matches: (component: Json) => boolean): Json | undefined {
  if (Array.isArray(node)) {
    for (const child of node) {
      const found = findComponent(child, matches);
      if (found) return found;
    }
    return undefined;
  }
  if (typeof node !== 'object' || node === null) return undefined;
  if (matches(node as Json)) return node as Json;
  return findComponent(Object.values(node), matches);
}

/** A 1.5 s Live Photo video as an iPhone writes it: QuickTime, with its position as an mdta key. */
async function writeLiveVideo(file: string, format: 'mov' | 'mp4'): Promise<void> {
  await run(mediaToolsFromEnv().ffmpeg, [
    ...['-nostdin', '-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=size=320x240:rate=15:duration=1.5'],
    ...['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-movflags', 'use_metadata_tags'],
    ...['-metadata', 'com.apple.quicktime.location.ISO6709=+48.8584+002.2945/', '-f', format, file],
  ]);
}

describe('live photos in an Echo Show 8 slideshow (issue 15)', function () {
  this.timeout(90_000);
  let dir: string;
  let stack: LocalStack | undefined;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'photoframe-live-photos-'));
    await mkdir(join(dir, 'photos'), { recursive: true });
  });
  afterEach(async () => {
    await stack?.close();
    stack = undefined;
    await rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  });

  async function ask(utterance: string, options: { video: boolean }): Promise<Json> {
    if (!stack) throw new Error('no stack');
    const heard = matchUtterance(loadLanguageModel('en-US'), utterance, {
      today: new Date(),
      applicationId: SIMULATOR_IDENTITY.applicationId,
      locale: 'en-US',
    });
    const envelope = buildRequestEnvelope({ device: findDevice('Echo Show 8'), heard, locale: 'en-US' });
    // A screen that cannot play video says so by listing no codecs.
    if (!options.video) delete (envelope.context.Viewport as { video?: unknown } | undefined)?.video;
    const token = readLocalSecrets(join(dir, 'data'))?.simulatorToken;
    const reply = await sendToSkill(`${stack.url}/alexa`, envelope, token);
    assert.equal(reply.status, 200, JSON.stringify(reply.body));
    return reply.body as Json;
  }

  function itemsOf(reply: Json): { items: ListItem[]; document: Json } {
    const directives = ((reply.response as Json).directives ?? []) as Json[];
    const render = directives.find((d) => d.type === 'Alexa.Presentation.APL.RenderDocument');
    assert.ok(render, `a RenderDocument in ${JSON.stringify(reply)}`);
    const items = ((render.datasources as Json).photos as { items: ListItem[] }).items;
    return { items, document: render.document as Json };
  }

  it('shows each pair once, moving briefly: a 206 video/mp4 motion rendition without metadata, the still as poster', async () => {
    const photos = join(dir, 'photos');
    await writeFile(join(photos, 'IMG_0001.JPG'), await stillJpeg(320, 240));
    await writeLiveVideo(join(photos, 'IMG_0001.MOV'), 'mov');
    await writeLiveVideo(join(dir, 'embedded.mp4'), 'mp4');
    const mp4 = await readFile(join(dir, 'embedded.mp4'));
    await writeFile(
      join(photos, 'PXL_20250705_143000000.MP.jpg'),
      motionPhotoJpeg(await stillJpeg(320, 240, 'corner'), motionPhotoXmp('container', mp4.length), mp4),
    );
    stack = await startLocalStack({
      ...localStackConfigFromEnv({}),
      port: 0,
      dataDir: join(dir, 'data'),
      photosDir: photos,
      vision: undefined,
      logLevel: 'silent' as const,
    });
    await stack.ingestDone;

    const reply = await ask('show my photos', { video: true });
    const speech = JSON.stringify((reply.response as Json).outputSpeech);
    const { items, document } = itemsOf(reply);
    assert.deepEqual(await new StaticAplTemplateValidator().validate(document), []);
    // The motion's Video is muted, not autoplayed (the paging loop plays it once) and its end never pages.
    const motionVideo = findComponent(document, (c) => c.type === 'Video' && c.id === 'motion-${data.index}');
    assert.ok(motionVideo, 'the page has a motion Video');
    assert.deepEqual([motionVideo.audioTrack, motionVideo.autoplay], ['none', false]);
    assert.doesNotMatch(JSON.stringify(motionVideo.onEnd), /SlideshowStep|SetPage|AutoPage/);
    // Two photos, each once: the MOV is no item of its own, and neither is the MP4 inside the JPEG.
    assert.equal(items.length, 2, JSON.stringify(items));
    assert.equal(new Set(items.map((item) => item.photoIds[0])).size, 2);
    assert.match(speech, /\b2 photos\b/, speech);
    for (const item of items) {
      assert.equal(item.clipUrl, '', 'a live photo is not a clip: it does not page when its motion ends');
      assert.ok(item.motionUrl.includes('/v1/display/clips/'), JSON.stringify(item));
      assert.ok(Math.abs(item.motionDurationMs - 1500) < 200, `${item.motionDurationMs}`);
      const ranged = await fetch(item.motionUrl, { headers: { range: 'bytes=0-1023' } });
      assert.equal(ranged.status, 206, await ranged.clone().text());
      assert.equal(ranged.headers.get('content-type'), 'video/mp4');
      const file = join(dir, `${item.photoIds[0]}.mp4`);
      await writeFile(file, Buffer.from(await (await fetch(item.motionUrl)).arrayBuffer()));
      const played = await probeVideo(file, mediaToolsFromEnv(), DEFAULT_VIDEO_LIMITS);
      assert.ok(played.width <= 1280 && played.height <= 800, `${played.width}x${played.height}`);
      const tags = JSON.stringify(await containerTags(file));
      assert.doesNotMatch(tags, /48\.8584|ISO6709|location/i, tags);
      // The still answers too: the poster, what the page rests on, and all a screen without video shows.
      assert.equal((await fetch(item.url)).status, 200);
    }

    const withoutVideo = itemsOf(await ask('show my photos', { video: false })).items;
    assert.deepEqual(
      withoutVideo.map((item) => item.motionUrl),
      ['', ''],
    );
  });
});
