import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StaticAplTemplateValidator } from 'apl-suggester';
import sharp from 'sharp';
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
import { containerTags, writeClip } from '../../display-service/renditions/video/clip-fixtures';

type Json = Record<string, unknown>;

interface ListItem {
  url: string;
  clipUrl: string;
  clipDurationMs: number;
}

describe('"show my videos" on an Echo Show 8 (issue 15, acceptance 1)', function () {
  this.timeout(90_000);
  let dir: string;
  let stack: LocalStack | undefined;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'photoframe-show-videos-'));
    await mkdir(join(dir, 'photos', 'DCIM', 'Camera'), { recursive: true });
  });
  afterEach(async () => {
    await stack?.close();
    stack = undefined;
    await rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  });

  async function ask(utterance: string, deviceName: string): Promise<Json> {
    if (!stack) throw new Error('no stack');
    const device = findDevice(deviceName);
    const heard = matchUtterance(loadLanguageModel('en-US'), utterance, {
      today: new Date(),
      applicationId: SIMULATOR_IDENTITY.applicationId,
      locale: 'en-US',
    });
    const envelope = buildRequestEnvelope({ device, heard, locale: 'en-US' });
    const token = readLocalSecrets(join(dir, 'data'))?.simulatorToken;
    const reply = await sendToSkill(`${stack.url}/alexa`, envelope, token);
    assert.equal(reply.status, 200, JSON.stringify(reply.body));
    return reply.body as Json;
  }

  function renderDocumentOf(reply: Json): Json {
    const directives = ((reply.response as Json).directives ?? []) as Json[];
    const render = directives.find((d) => d.type === 'Alexa.Presentation.APL.RenderDocument');
    assert.ok(render, `a RenderDocument in ${JSON.stringify(reply)}`);
    return render;
  }

  it('plays only the clip, in a Video whose signed URL answers 206 video/mp4 within 1280x800 and without GPS', async () => {
    const camera = join(dir, 'photos', 'DCIM', 'Camera');
    await writeClip(join(camera, 'VID_20250705_143000.mp4'), {
      width: 1920,
      height: 1080,
      seconds: 2,
      iso6709: '+34.0195-118.4912/',
      createdUtc: '2025-07-05T21:30:00Z',
    });
    await writeFile(
      join(camera, 'IMG_20250705_150000.jpg'),
      await sharp({ create: { width: 800, height: 600, channels: 3, background: '#3080c0' } })
        .jpeg()
        .toBuffer(),
    );
    stack = await startLocalStack({
      ...localStackConfigFromEnv({}),
      port: 0,
      dataDir: join(dir, 'data'),
      photosDir: join(dir, 'photos'),
      vision: undefined,
      logLevel: 'silent' as const,
    });
    await stack.ingestDone;

    const render = renderDocumentOf(await ask('show my videos', 'Echo Show 8'));
    const warnings = await new StaticAplTemplateValidator().validate(render.document as Json);
    assert.deepEqual(warnings, []);
    const items = ((render.datasources as Json).photos as { items: ListItem[] }).items;
    // "videos" is a constraint: the photo is not in the answer.
    assert.equal(items.length, 1, JSON.stringify(items));
    const clip = items[0];
    assert.ok(clip !== undefined && clip.clipUrl.includes('/v1/display/clips/'), JSON.stringify(clip));
    assert.equal(clip.clipDurationMs, 2000);

    const ranged = await fetch(clip.clipUrl, { headers: { range: 'bytes=0-1023' } });
    assert.equal(ranged.status, 206, await ranged.clone().text());
    assert.equal(ranged.headers.get('content-type'), 'video/mp4');
    const whole = await fetch(clip.clipUrl);
    const file = join(dir, 'played.mp4');
    await writeFile(file, Buffer.from(await whole.arrayBuffer()));
    const played = await probeVideo(file, mediaToolsFromEnv(), DEFAULT_VIDEO_LIMITS);
    assert.ok(played.width <= 1280 && played.height <= 800, `${played.width}x${played.height}`);
    assert.deepEqual([played.width, played.height], [1280, 720]);
    const tags = JSON.stringify(await containerTags(file));
    assert.doesNotMatch(tags, /34\.0195|ISO6709|location/i, tags);
    // The poster still answers too: what loads first, and what a device without video shows.
    assert.equal((await fetch(clip.url)).status, 200);
  });
});
