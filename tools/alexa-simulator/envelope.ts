import { randomUUID } from 'node:crypto';
import type { RequestEnvelope, interfaces } from 'ask-sdk-model';
import { AppError } from '../../common/errors';
import type { DevicePreset } from './devices';
import type { HeardRequest } from './interaction-model-matcher';

/** Ids a real device keeps across requests; fixed per simulator run so server logs correlate. */
export interface SimulatorIdentity {
  applicationId: string;
  userId: string;
  deviceId: string;
}

export const SIMULATOR_IDENTITY: SimulatorIdentity = {
  applicationId: 'amzn1.ask.skill.00000000-0000-0000-0000-00000000f0f0',
  userId: 'amzn1.ask.account.PHOTOFRAMESIMULATOR',
  deviceId: 'amzn1.ask.device.PHOTOFRAMESIMULATOR',
};

export interface EnvelopeOptions {
  device: DevicePreset;
  heard: HeardRequest;
  locale: string;
  /**
   * Puts this photo on screen in the APL visual context ("what is this photo?"); two ids put a pair of portraits
   * side by side on one page, left first.
   */
  contextPhotoId?: string | readonly string[];
  identity?: SimulatorIdentity;
  now?: Date;
  /** The session this request belongs to (SimulatorSession.next()); a new one-request session when not given. */
  session?: { sessionId: string; new: boolean; attributes: Record<string, unknown> };
}

/** Token of the slideshow document the skill renders; the visual context reports it back. */
const SLIDESHOW_TOKEN = 'photo-slideshow';

/** A request envelope shaped like the ones Alexa sends from this device. */
export function buildRequestEnvelope(options: EnvelopeOptions): RequestEnvelope {
  const { device, heard, locale } = options;
  const identity = options.identity ?? SIMULATOR_IDENTITY;
  const timestamp = (options.now ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const application = { applicationId: identity.applicationId };
  const user = { userId: identity.userId };
  const requestId = `amzn1.echo-api.request.${randomUUID()}`;
  const request =
    heard.type === 'LaunchRequest'
      ? { type: 'LaunchRequest' as const, requestId, timestamp, locale, shouldLinkResultBeReturned: false }
      : {
          type: 'IntentRequest' as const,
          requestId,
          timestamp,
          locale,
          dialogState: 'STARTED' as const,
          intent: heard.intent,
        };

  return {
    version: '1.0',
    session: {
      new: options.session?.new ?? true,
      sessionId: options.session?.sessionId ?? `amzn1.echo-api.session.${randomUUID()}`,
      application,
      user,
      attributes: options.session?.attributes ?? {},
    },
    context: {
      System: {
        application,
        user,
        device: {
          deviceId: identity.deviceId,
          // Copies, as from the wire: a caller that edits its envelope must not edit the device preset.
          supportedInterfaces: structuredClone(device.supportedInterfaces),
        },
        apiEndpoint: 'https://api.amazonalexa.com',
        apiAccessToken: 'simulator-api-access-token',
      },
      ...(device.viewport ? { Viewport: structuredClone(device.viewport) } : {}),
      ...(options.contextPhotoId === undefined
        ? {}
        : { 'Alexa.Presentation.APL': visualContext(device, options.contextPhotoId) }),
    },
    request,
  };
}

/**
 * What an Echo Show reports while the slideshow shows one photo: the page item carries the photo entity. A pair's
 * page has one region per photo, each with its entity, left then right.
 */
function visualContext(
  device: DevicePreset,
  photo: string | readonly string[],
): interfaces.alexa.presentation.apl.RenderedDocumentState {
  const photoIds = typeof photo === 'string' ? [photo] : [...photo];
  if (!device.viewport) {
    throw new AppError({
      status: 400,
      code: 'NO_SCREEN',
      publicMessage: `${device.name} has no screen, so no photo can be on it (drop --context-photo)`,
    });
  }
  const width = device.viewport.pixelWidth ?? 0;
  const height = device.viewport.pixelHeight ?? 0;
  const size = `${width}x${height}`;
  const half = Math.round(width / 2);
  const page: interfaces.alexa.presentation.apl.ComponentVisibleOnScreen =
    photoIds.length === 1
      ? {
          id: 'photo-0',
          uid: ':1004',
          type: 'graphic',
          position: `${size}+0+0:0`,
          visibility: 1,
          entities: [{ type: 'photo', id: photoIds[0] ?? '' }],
          tags: {},
        }
      : {
          id: 'photo-0',
          uid: ':1004',
          type: 'graphic',
          position: `${size}+0+0:0`,
          visibility: 1,
          tags: {},
          children: photoIds.map((id, side) => ({
            id: `photo-0-${side}`,
            uid: `:10${10 + side}`,
            type: 'empty',
            position: `${half}x${height}+${side * half}+0:0`,
            visibility: 1,
            entities: [{ type: 'photo', id }],
            tags: {},
          })),
        };
  return {
    token: SLIDESHOW_TOKEN,
    version: 'APL_WEB_RENDERER_GANDALF',
    componentsVisibleOnScreen: [
      {
        id: 'root',
        uid: ':1000',
        type: 'mixed',
        position: `${size}+0+0:0`,
        tags: { viewport: {} },
        children: [
          {
            id: 'slideshow',
            uid: ':1002',
            type: 'mixed',
            position: `${size}+0+0:0`,
            tags: { pager: { index: 0, pageCount: 1, allowForward: false, allowBackwards: false } },
            children: [page],
          },
        ],
      },
    ],
  };
}
