import type { RequestEnvelope } from 'ask-sdk-model';
import type { Logger } from '../../common/logger';
import { isValidTimeZone } from '../../common/calendar';
import { TtlCache } from '../util/ttl-cache';

/** A device's zone rarely changes; an hour keeps Settings API calls to about one per device per hour. */
const KNOWN_TTL_MS = 60 * 60_000;
/** A device that could not tell (403, 404, timeout) is not asked again on every request. */
const UNKNOWN_TTL_MS = 5 * 60_000;
const MAX_DEVICES = 10_000;

export interface DeviceTimeZoneOptions {
  logger: Logger;
  fetch?: typeof fetch;
  /** The Settings API sits on the request's critical path: "today" can't be resolved without it. */
  timeoutMs?: number;
}

/** The device's IANA zone, or undefined when it can't be known now. Never throws. */
export type DeviceTimeZoneLookup = (envelope: RequestEnvelope) => Promise<string | undefined>;

/**
 * Reads `System.timeZone` from the Alexa Settings API (`GET {apiEndpoint}/v2/devices/{deviceId}/settings/
 * System.timeZone` with the request's apiAccessToken; the answer is a JSON string such as "Europe/Berlin"),
 * cached per device. Any failure means "unknown": the caller falls back to the user's stored zone.
 */
export function createDeviceTimeZoneLookup(options: DeviceTimeZoneOptions): DeviceTimeZoneLookup {
  const fetchFn = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 1500;
  const cache = new TtlCache<{ zone: string | undefined }>(MAX_DEVICES);

  return async (envelope) => {
    const system = envelope.context?.System;
    const deviceId = system?.device?.deviceId;
    if (!deviceId || !system.apiEndpoint || !system.apiAccessToken) return undefined;
    const cached = cache.get(deviceId);
    if (cached) return cached.zone;

    const url = `${system.apiEndpoint.replace(/\/+$/, '')}/v2/devices/${encodeURIComponent(deviceId)}/settings/System.timeZone`;
    let zone: string | undefined;
    try {
      const response = await fetchFn(url, {
        headers: { authorization: `Bearer ${system.apiAccessToken}`, accept: 'application/json' },
        signal: AbortSignal.timeout(timeoutMs),
      });
      // 200 carries a JSON string; 204 (not set), 401/403 (no access) and 429 carry no zone.
      const body = response.status === 200 ? parseJson(await response.text()) : undefined;
      if (typeof body === 'string' && isValidTimeZone(body)) zone = body;
      else options.logger.info('device time zone unknown', { status: response.status });
    } catch (error) {
      options.logger.info('device time zone unavailable', {
        reason: error instanceof Error ? error.name : 'error',
      });
    }
    cache.set(deviceId, { zone }, zone ? KNOWN_TTL_MS : UNKNOWN_TTL_MS);
    return zone;
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
