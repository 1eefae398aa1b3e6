import type { RequestEnvelope } from 'ask-sdk-model';
import { slideshowIsOnScreen } from './photo-on-screen';

interface ReportedDataSource {
  type?: unknown;
  listId?: unknown;
  listVersion?: unknown;
}

/**
 * The listVersion the device itself reports for list `listId` in the request's visual context (`dataSources`, one
 * entry per dynamic list: APL core serializes each list's id and current version there). Undefined when the
 * request carries none: not every request or device does.
 */
export function listVersionOnScreen(envelope: RequestEnvelope, listId: string): number | undefined {
  if (!slideshowIsOnScreen(envelope)) return undefined;
  const reported = (envelope.context['Alexa.Presentation.APL']?.dataSources ?? []) as ReportedDataSource[];
  const list = reported.find((source) => source.type === 'dynamicIndexList' && source.listId === listId);
  const version = list?.listVersion;
  return typeof version === 'number' && Number.isInteger(version) && version >= 0 ? version : undefined;
}
