import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RequestEnvelope, interfaces } from 'ask-sdk-model';
import { localStackConfigFromEnv } from '../../server/config';
import { startLocalStack, type LocalStack } from '../../server/local-stack';
import { findDevice } from '../../tools/alexa-simulator/devices';
import { buildRequestEnvelope, SIMULATOR_IDENTITY } from '../../tools/alexa-simulator/envelope';
import { loadLanguageModel } from '../../tools/alexa-simulator/interaction-model';
import { intentFromSlotValues } from '../../tools/alexa-simulator/interaction-model-matcher';
import { invokeLambda } from '../../tools/alexa-simulator/invoke-lambda';
import { writeTwelveMegapixelJpegs } from './fixtures';
import { percentile } from './measure';

type RenderDocument = interfaces.alexa.presentation.apl.RenderDocumentDirective;

export interface VoiceToFirstPhoto {
  /** Voice request in -> the first rendition's last byte out, per sample (ms). */
  totalMs: number[];
  /** Of which the skill's answer (slideshow created, APL document built). */
  answerMs: number[];
  /** Of which the device's first rendition fetch. */
  fetchMs: number[];
}

/**
 * Issue 16 item 2: "voice request -> first rendition bytes" with an Echo Show 8 envelope on the embedded stack
 * (npm start's, vision off so nothing else competes). Each sample asks for a different day ("show me photos from
 * January 3rd 2025"), whose one photo is a 12 MP JPEG never rendered before, so the first fetch is as cold as a new
 * slideshow's can be: what it gains is only what the display renders while the skill is still answering.
 */
export async function measureVoiceToFirstPhoto(samples: number): Promise<VoiceToFirstPhoto> {
  const root = await mkdtemp(join(tmpdir(), 'photoframe-bench-voice-'));
  const photosDir = join(root, 'photos');
  const files = await writeTwelveMegapixelJpegs(photosDir, samples + 1);
  // Takeout-style sidecars give each photo its own day, 2025-01-01 onwards.
  const dayOf = (i: number) => `2025-01-${String(i + 1).padStart(2, '0')}`;
  await Promise.all(
    files.map((file, i) =>
      writeFile(
        `${file}.json`,
        JSON.stringify({
          title: file.split('/').pop(),
          photoTakenTime: { timestamp: Date.parse(`${dayOf(i)}T12:00:00Z`) / 1000 },
        }),
      ),
    ),
  );
  const saved = { ...process.env };
  let stack: LocalStack | undefined;
  try {
    const config = localStackConfigFromEnv({ PHOTOS_DIR: photosDir, VISION: 'false' });
    stack = await startLocalStack({ ...config, port: 0, dataDir: join(root, 'data'), logLevel: 'silent' });
    await waitForIngest(stack, files.length);
    process.env.DISPLAY_SERVICE_URL = stack.url;
    process.env.METADATA_SERVICE_URL = stack.url;
    process.env.SERVICE_TOKENS = stack.serviceToken;
    process.env.PHOTO_OWNER_ID = 'local';
    process.env.LOG_LEVEL = 'silent';

    const model = loadLanguageModel('en-US');
    const context = {
      today: new Date('2026-12-06T12:00:00Z'),
      applicationId: SIMULATOR_IDENTITY.applicationId,
      locale: 'en-US',
    };
    const askFor = (day: string): RequestEnvelope =>
      buildRequestEnvelope({
        device: findDevice('Echo Show 8'),
        heard: intentFromSlotValues(model, 'ShowPhotosIntent', { date: day }, context),
        locale: 'en-US',
      });
    // A warm-up request (the last photo's day) so the first sample does not pay for module loading and JIT.
    await oneSample(askFor(dayOf(samples)));
    const result: VoiceToFirstPhoto = { totalMs: [], answerMs: [], fetchMs: [] };
    for (let i = 0; i < samples; i++) {
      const sample = await oneSample(askFor(dayOf(i)));
      result.totalMs.push(sample.totalMs);
      result.answerMs.push(sample.answerMs);
      result.fetchMs.push(sample.fetchMs);
    }
    return result;
  } finally {
    process.env = saved;
    await stack?.close();
    await rm(root, { recursive: true, force: true });
  }
}

async function oneSample(
  envelope: RequestEnvelope,
): Promise<{ totalMs: number; answerMs: number; fetchMs: number }> {
  const started = performance.now();
  const reply = await invokeLambda(envelope);
  const answered = performance.now();
  const render = (reply.response.directives ?? []).find(
    (d): d is RenderDocument => d.type === 'Alexa.Presentation.APL.RenderDocument',
  );
  const url = (render?.datasources as { photos?: { items?: { url: string }[] } } | undefined)?.photos
    ?.items?.[0]?.url;
  if (!url)
    throw new Error(
      `the skill answered without a slideshow: ${JSON.stringify(reply.response).slice(0, 300)}`,
    );
  const response = await fetch(url);
  const bytes = Buffer.from(await response.arrayBuffer());
  if (response.status !== 200 || bytes.length === 0)
    throw new Error(`first rendition answered ${response.status}`);
  const done = performance.now();
  return { totalMs: done - started, answerMs: answered - started, fetchMs: done - answered };
}

async function waitForIngest(stack: LocalStack, photos: number): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const health = (await (await fetch(`${stack.url}/healthz`)).json()) as {
      ingest?: { state?: string; done?: number };
    };
    if (health.ingest?.state === 'done' && (health.ingest.done ?? 0) >= photos) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the stack did not index the ${photos} bench photos within 2 minutes`);
}

export function describeVoiceToFirstPhoto(result: VoiceToFirstPhoto): string[] {
  const p = (values: number[], q: number) => percentile(values, q).toFixed(0);
  return [
    `   voice request -> first rendition bytes  p50 ${p(result.totalMs, 50)} ms, p95 ${p(result.totalMs, 95)} ms  (state it)`,
    `   of which the skill's answer             p50 ${p(result.answerMs, 50)} ms, p95 ${p(result.answerMs, 95)} ms`,
    `   of which the first rendition fetch      p50 ${p(result.fetchMs, 50)} ms, p95 ${p(result.fetchMs, 95)} ms`,
  ];
}
