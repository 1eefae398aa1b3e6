/** How this screen shows photos; kept in localStorage, overridden per load by URL parameters. */
export interface FrameSettings {
  intervalSeconds: number;
  captions: boolean;
  clock: boolean;
  /** Gentle zoom about the centre; never on pairs, never with reduced motion. */
  kenBurns: boolean;
  /** Night dimming: from `dimFrom` to `dimTo` (local time, may span midnight) the screen darkens to `dimLevel`. */
  dim: boolean;
  dimFrom: string;
  dimTo: string;
  /** 0 (no dimming) .. 0.95 (almost black). */
  dimLevel: number;
}

export const DEFAULT_SETTINGS: FrameSettings = {
  intervalSeconds: 10,
  captions: true,
  clock: false,
  kenBurns: false,
  dim: false,
  dimFrom: '22:00',
  dimTo: '07:00',
  dimLevel: 0.75,
};

/** The part of the browser's localStorage the settings use (so this module needs no DOM types). */
export interface SettingsStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export const MIN_INTERVAL_SECONDS = 1;
export const MAX_INTERVAL_SECONDS = 3600;
const STORAGE_KEY = 'photoframe.settings';
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Stored settings, then `?interval=`, `?captions=0`, `?clock=1`, `?kenburns=1`, `?dim=22:00-07:00`, `?dimlevel=`. */
export function loadSettings(params: URLSearchParams, storage: SettingsStorage | null): FrameSettings {
  let stored: Partial<FrameSettings> = {};
  try {
    stored = JSON.parse(storage?.getItem(STORAGE_KEY) ?? '{}') as Partial<FrameSettings>;
  } catch {
    stored = {};
  }
  const settings = sanitizeSettings({ ...DEFAULT_SETTINGS, ...stored });
  const interval = Number(params.get('interval'));
  if (params.has('interval') && Number.isFinite(interval)) settings.intervalSeconds = clampInterval(interval);
  for (const [param, key] of [
    ['captions', 'captions'],
    ['clock', 'clock'],
    ['kenburns', 'kenBurns'],
  ] as const) {
    const value = params.get(param);
    if (value !== null) settings[key] = value !== '0' && value !== 'false' && value !== 'off';
  }
  const dim = params.get('dim');
  if (dim === '0' || dim === 'off') settings.dim = false;
  else if (dim !== null) {
    const [from, to] = dim.split('-');
    if (from && to && TIME.test(from) && TIME.test(to))
      Object.assign(settings, { dim: true, dimFrom: from, dimTo: to });
  }
  const level = Number(params.get('dimlevel'));
  if (params.has('dimlevel') && Number.isFinite(level)) settings.dimLevel = clampLevel(level);
  return settings;
}

export function saveSettings(settings: FrameSettings, storage: SettingsStorage | null): void {
  try {
    storage?.setItem(STORAGE_KEY, JSON.stringify(settings));
  } catch {
    // Storage full or blocked: the settings still apply until the page reloads.
  }
}

/** True when `now` falls in the dimming window (which may span midnight). */
export function isDimTime(settings: FrameSettings, now: Date): boolean {
  if (!settings.dim) return false;
  const minutes = now.getHours() * 60 + now.getMinutes();
  const from = minutesOf(settings.dimFrom);
  const to = minutesOf(settings.dimTo);
  if (from === to) return false;
  return from < to ? minutes >= from && minutes < to : minutes >= from || minutes < to;
}

function minutesOf(time: string): number {
  const [hours = '0', minutes = '0'] = time.split(':');
  return Number(hours) * 60 + Number(minutes);
}

function clampInterval(seconds: number): number {
  return Math.min(MAX_INTERVAL_SECONDS, Math.max(MIN_INTERVAL_SECONDS, seconds));
}

function clampLevel(level: number): number {
  return Math.min(0.95, Math.max(0, level));
}

export function sanitizeSettings(settings: FrameSettings): FrameSettings {
  return {
    intervalSeconds: clampInterval(Number(settings.intervalSeconds) || DEFAULT_SETTINGS.intervalSeconds),
    captions: settings.captions !== false,
    clock: settings.clock === true,
    kenBurns: settings.kenBurns === true,
    dim: settings.dim === true,
    dimFrom: TIME.test(settings.dimFrom) ? settings.dimFrom : DEFAULT_SETTINGS.dimFrom,
    dimTo: TIME.test(settings.dimTo) ? settings.dimTo : DEFAULT_SETTINGS.dimTo,
    dimLevel: clampLevel(Number(settings.dimLevel) || DEFAULT_SETTINGS.dimLevel),
  };
}
