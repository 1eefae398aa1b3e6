/**
 * Talks to the running stack the way its real clients do: Alexa request envelopes to POST /alexa (built by the
 * simulator's envelope builder, proved local with the simulator token), LoadIndexListData paging like an Echo Show's
 * pager, and the library API with the owner's bearer credential.
 */
import { randomUUID } from 'node:crypto';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { OWNER_HEADER } from '../common/contracts';
import { readLocalSecrets } from '../server/local-secrets';
import type { DevicePreset } from '../tools/alexa-simulator/devices';
import { buildRequestEnvelope } from '../tools/alexa-simulator/envelope';
import type { HeardRequest } from '../tools/alexa-simulator/interaction-model-matcher';
import { sendToSkill } from '../tools/alexa-simulator/skill-transport';

export interface StackClient {
  ask(options: AskOptions): Promise<ResponseEnvelope>;
  /** Every photo id of every slideshow item the answer starts, paging like the device does. */
  slideshowPhotoIds(
    response: ResponseEnvelope,
    device: DevicePreset,
    locale: string,
  ): Promise<string[] | undefined>;
  library<T>(path: string, body?: unknown): Promise<T>;
}

export interface AskOptions {
  device: DevicePreset;
  heard: HeardRequest;
  locale: string;
  contextPhotoId?: string;
}

export function stackClient(url: string, dataDir: string, ownerId: string): StackClient {
  const secrets = () =>
    readLocalSecrets(dataDir) as { simulatorToken?: string; ownerToken?: string } | undefined;
  const post = async (envelope: RequestEnvelope): Promise<ResponseEnvelope> => {
    const reply = await sendToSkill(`${url}/alexa`, envelope, secrets()?.simulatorToken);
    if (reply.status !== 200)
      throw new Error(`skill answered HTTP ${reply.status}: ${JSON.stringify(reply.body)}`);
    return reply.body as ResponseEnvelope;
  };
  return {
    ask: (options) =>
      post(
        buildRequestEnvelope({
          device: options.device,
          heard: options.heard,
          locale: options.locale,
          // The envelope carries the real time (the endpoint checks it, as Alexa's does); the skill's own clock is
          // the one pinned to the reference date.
          contextPhotoId: options.contextPhotoId,
        }),
      ),
    async slideshowPhotoIds(response, device, locale) {
      const list = slideshowList(response);
      if (!list) return undefined;
      const ids = list.items.flatMap((item) => item.photoIds);
      let next = list.startIndex + list.items.length;
      const end = list.maximumExclusiveIndex ?? next;
      while (next < end) {
        const envelope = buildRequestEnvelope({ device, heard: { type: 'LaunchRequest' }, locale });
        envelope.request = {
          type: 'Alexa.Presentation.APL.LoadIndexListData',
          requestId: `amzn1.echo-api.request.${randomUUID()}`,
          timestamp: new Date().toISOString(),
          locale,
          token: 'photo-slideshow',
          correlationToken: randomUUID(),
          listId: list.listId,
          startIndex: next,
          count: 20,
        } as unknown as RequestEnvelope['request'];
        const page = await post(envelope);
        const sent = (page.response.directives ?? []).find(
          (d) => d.type === 'Alexa.Presentation.APL.SendIndexListData',
        ) as { items?: ListItem[] } | undefined;
        const items = sent?.items ?? [];
        if (items.length === 0) break;
        ids.push(...items.flatMap((item) => item.photoIds));
        next += items.length;
      }
      return ids;
    },
    async library<T>(path: string, body?: unknown): Promise<T> {
      const token = secrets()?.ownerToken;
      const response = await fetch(`${url}/v1/library${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: {
          'content-type': 'application/json',
          [OWNER_HEADER]: ownerId,
          ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const json = (await response.json()) as T;
      if (!response.ok)
        throw new Error(`library ${path} answered HTTP ${response.status}: ${JSON.stringify(json)}`);
      return json;
    },
  };
}

interface ListItem {
  photoIds: string[];
}

function slideshowList(
  response: ResponseEnvelope,
): { listId: string; startIndex: number; maximumExclusiveIndex?: number; items: ListItem[] } | undefined {
  for (const directive of response.response.directives ?? []) {
    if (directive.type !== 'Alexa.Presentation.APL.RenderDocument') continue;
    const sources = (directive as { datasources?: Record<string, unknown> }).datasources ?? {};
    for (const source of Object.values(sources)) {
      const list = source as { type?: string; listId?: string; startIndex?: number; items?: ListItem[] };
      if (list.type === 'dynamicIndexList' && list.listId !== undefined) {
        return {
          listId: list.listId,
          startIndex: list.startIndex ?? 0,
          maximumExclusiveIndex: (list as { maximumExclusiveIndex?: number }).maximumExclusiveIndex,
          items: list.items ?? [],
        };
      }
    }
  }
  return undefined;
}

/** The speech text of an answer, without SSML tags. */
export function speechOf(response: ResponseEnvelope): string {
  const speech = response.response.outputSpeech as { ssml?: string; text?: string } | undefined;
  return (speech?.ssml ?? speech?.text ?? '').replace(/<[^>]+>/g, '').trim();
}

const NUMBER_WORDS: Record<string, number> = {
  no: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  keine: 0,
  ein: 1,
  eine: 1,
  einen: 1,
  zwei: 2,
  drei: 3,
  vier: 4,
  fünf: 5,
  sechs: 6,
  sieben: 7,
  acht: 8,
  neun: 9,
  zehn: 10,
};

/** The number of photos or videos an answer speaks ("Here are 4 beach photos…", "4 Lieblingsfotos"), if any. */
export function spokenCount(speech: string): number | undefined {
  const numbers = `\\d+|${Object.keys(NUMBER_WORDS).join('|')}`;
  const match = new RegExp(
    `(?<![\\p{L}\\d])(${numbers})(?![\\p{L}\\d])[^.,;]{0,40}?(photo|picture|video|clip|foto|bild|aufnahme)`,
    'iu',
  ).exec(speech);
  if (!match?.[1]) return undefined;
  const word = match[1].toLowerCase();
  return /^\d+$/.test(word) ? Number(word) : NUMBER_WORDS[word];
}
