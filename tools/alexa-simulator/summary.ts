import type { Directive, ResponseEnvelope, Slot, ui } from 'ask-sdk-model';
import type { DevicePreset } from './devices';
import type { HeardRequest } from './interaction-model-matcher';

const MAX_URLS = 3;

/** The human-readable report of one simulated exchange: what was sent, heard, said and shown. */
export function formatSummary(device: DevicePreset, heard: HeardRequest, reply: ResponseEnvelope): string[] {
  const lines = [`Device:     ${describeDevice(device)}`, `Heard:      ${describeHeard(heard)}`];
  const response = reply.response ?? {};
  lines.push(`Speech:     ${speechText(response.outputSpeech) ?? '(none)'}`);
  if (response.reprompt) lines.push(`Reprompt:   ${speechText(response.reprompt.outputSpeech) ?? '(none)'}`);
  lines.push(`Session:    ${describeSession(response.shouldEndSession)}`);
  const directives = response.directives ?? [];
  lines.push(`Directives: ${directives.length === 0 ? '(none)' : directives.map((d) => d.type).join(', ')}`);
  for (const directive of directives) {
    const list = aplList(directive);
    if (!list) continue;
    lines.push(
      // Items, not photos: a portrait pair is one item showing two photos (the speech counts photos).
      `APL:        token ${list.token ?? '-'}, listId ${list.listId}, items ${list.total ?? 'open (endless)'}, ` +
        `loaded ${list.urls.length} (from index ${list.startIndex})`,
    );
    list.urls.slice(0, MAX_URLS).forEach((url, i) => lines.push(`  photo ${list.startIndex + i}: ${url}`));
  }
  return lines;
}

function describeDevice(device: DevicePreset): string {
  const viewport = device.viewport;
  if (!viewport) return `${device.name} (no screen, voice only)`;
  return (
    `${device.name} (${viewport.mode ?? '?'} ${viewport.shape ?? '?'} ` +
    `${viewport.currentPixelWidth ?? viewport.pixelWidth}x${viewport.currentPixelHeight ?? viewport.pixelHeight} ` +
    `dpi ${viewport.dpi ?? '?'}, APL)`
  );
}

function describeHeard(heard: HeardRequest): string {
  if (heard.type === 'LaunchRequest') return 'LaunchRequest';
  const slots = Object.values(heard.intent.slots ?? {})
    .filter((slot) => slot.value !== undefined)
    .map(describeSlot);
  return `${heard.intent.name}${slots.length ? ` ${slots.join(', ')}` : ''}`;
}

/** A slot as heard: its resolved ids, or "no match" when entity resolution found none (words outside the catalog). */
function describeSlot(slot: Slot): string {
  const authorities = slot.resolutions?.resolutionsPerAuthority ?? [];
  const ids = authorities.flatMap((authority) =>
    authority.status.code === 'ER_SUCCESS_MATCH' ? authority.values.map((v) => v.value.id) : [],
  );
  const resolution = ids.length ? ` (id ${ids.join('|')})` : authorities.length ? ' (no match)' : '';
  return `${slot.name}="${slot.value ?? ''}"${resolution}`;
}

function describeSession(shouldEndSession: boolean | undefined): string {
  if (shouldEndSession === true) return 'ends';
  if (shouldEndSession === false) return 'open, listening';
  return 'open on screen devices (shouldEndSession unset)';
}

export function speechText(speech: ui.OutputSpeech | undefined): string | undefined {
  if (!speech) return undefined;
  if (speech.type === 'PlainText') return speech.text;
  return speech.ssml
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();
}

interface AplList {
  token?: string;
  listId: string;
  total?: number;
  startIndex: number;
  urls: string[];
}

/** The dynamicIndexList a RenderDocument carries, or the page a SendIndexListData answers with. */
function aplList(typed: Directive): AplList | undefined {
  const directive = typed as unknown as Record<string, unknown>;
  const source =
    directive.type === 'Alexa.Presentation.APL.RenderDocument'
      ? firstDynamicList(directive.datasources)
      : directive.type === 'Alexa.Presentation.APL.SendIndexListData'
        ? directive
        : undefined;
  if (!source || typeof source.listId !== 'string') return undefined;
  const items = Array.isArray(source.items) ? (source.items as Array<{ url?: unknown }>) : [];
  return {
    token: typeof directive.token === 'string' ? directive.token : undefined,
    listId: source.listId,
    total: typeof source.maximumExclusiveIndex === 'number' ? source.maximumExclusiveIndex : undefined,
    startIndex: typeof source.startIndex === 'number' ? source.startIndex : 0,
    urls: items.map((item) => (typeof item.url === 'string' ? item.url : '(no url)')),
  };
}

function firstDynamicList(datasources: unknown): Record<string, unknown> | undefined {
  if (typeof datasources !== 'object' || datasources === null) return undefined;
  return Object.values(datasources as Record<string, Record<string, unknown>>).find(
    (source) => source?.type === 'dynamicIndexList',
  );
}
