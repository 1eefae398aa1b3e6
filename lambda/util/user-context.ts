import type { HandlerInput } from 'ask-sdk-core';
import type { RequestEnvelope } from 'ask-sdk-model';
import type { Logger } from '../../common/logger';
import { parseInput } from '../../common/validation';
import type { DeviceTimeZoneLookup } from '../alexa-api/device-time-zone';
import {
  DEFAULT_USER_SETTINGS,
  parseStoredSettings,
  userSettingsSchema,
  withoutUndefined,
  type UserSettings,
} from '../persistence/user-settings';
import type { UserSettingsStore } from '../persistence/user-settings-store';
import { defaultHemisphere, type Hemisphere } from '../../common/calendar';
import { userContextOf } from './request-attributes';

/** Where "today" is when nothing better is known. */
export const FALLBACK_TIME_ZONE = 'UTC';

/** One request's view of its owner's settings: each thing is loaded at most once, and only if asked for. */
export interface UserContext {
  settings(): Promise<UserSettings>;
  /** False when the store could not be read and defaults stand in for the user's settings. */
  settingsAreStored(): Promise<boolean>;
  /** Read-modify-write of the stored settings; answers the settings as saved. */
  save(changes: Partial<UserSettings>): Promise<UserSettings>;
  /** The device's zone (Alexa Settings API), else the one stored for the user, else the skill's default. */
  timeZone(): Promise<string>;
  /** The user's chosen hemisphere, else the locale's. */
  hemisphere(): Promise<Hemisphere>;
}

export interface UserContextDeps {
  store: UserSettingsStore;
  deviceTimeZone: DeviceTimeZoneLookup;
  logger: Logger;
  /** The skill's configured zone (SKILL_TIME_ZONE), used when neither device nor user has one. */
  defaultTimeZone?: string;
}

export function createUserContext(
  ownerId: string,
  envelope: RequestEnvelope,
  deps: UserContextDeps,
): UserContext {
  let loaded: Promise<{ settings: UserSettings; fromStore: boolean }> | undefined;
  let zone: Promise<string> | undefined;

  // A store outage must not stop the photos: defaults stand in, and are never written back over what is stored.
  const load = () =>
    (loaded ??= deps.store.getAttributes(ownerId).then(
      (stored) => ({ settings: parseStoredSettings(stored), fromStore: true }),
      (error: unknown) => {
        deps.logger.warn('user settings unavailable; using defaults', { ownerId, error });
        return { settings: { ...DEFAULT_USER_SETTINGS }, fromStore: false };
      },
    ));

  const context: UserContext = {
    settings: async () => (await load()).settings,
    settingsAreStored: async () => (await load()).fromStore,

    async save(changes) {
      const current = await load();
      const base = current.fromStore
        ? current.settings
        : parseStoredSettings(await deps.store.getAttributes(ownerId));
      const next = withoutUndefined(parseInput(userSettingsSchema, { ...base, ...changes }));
      await deps.store.saveAttributes(ownerId, { ...next });
      loaded = Promise.resolve({ settings: next, fromStore: true });
      return next;
    },

    timeZone: () =>
      (zone ??= (async () => {
        const [device, settings] = await Promise.all([deps.deviceTimeZone(envelope), context.settings()]);
        if (!device) return settings.timeZone ?? deps.defaultTimeZone ?? FALLBACK_TIME_ZONE;
        // Remember it, so requests whose device can't tell (a later 403 or timeout) still know the user's zone.
        if (device !== settings.timeZone) {
          await context.save({ timeZone: device }).catch((error: unknown) => {
            deps.logger.warn('could not remember the device time zone', { ownerId, error });
          });
        }
        return device;
      })()),

    hemisphere: async () =>
      (await context.settings()).hemisphere ?? defaultHemisphere(envelope.request.locale),
  };
  return context;
}

/** The owner's settings for this request (loaded once, on first use). */
export function userSettingsOf(input: HandlerInput): Promise<UserSettings> {
  return userContextOf(input).settings();
}

/** Changes and stores some of the owner's settings; answers them as saved. */
export function saveUserSettings(input: HandlerInput, changes: Partial<UserSettings>): Promise<UserSettings> {
  return userContextOf(input).save(changes);
}

/** The IANA zone "today", "last summer"… are resolved in for this request. */
export function timeZoneOf(input: HandlerInput): Promise<string> {
  return userContextOf(input).timeZone();
}

export function hemisphereOf(input: HandlerInput): Promise<Hemisphere> {
  return userContextOf(input).hemisphere();
}
