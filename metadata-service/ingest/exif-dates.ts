import type { TakenTimeSource } from '../database/schema';

/** When a photo was taken: the camera's local clock, and the instant when the offset is known. */
export interface CaptureTime {
  local: string;
  utc: string | null;
  source: TakenTimeSource;
  /** IANA zone (from GPS) or a fixed `±HH:MM` offset (from EXIF or a sidecar); null when unknown. */
  timeZone: string | null;
  timeZoneSource: TimeZoneSource | null;
}

export type TimeZoneSource = 'exif-offset' | 'gps' | 'sidecar';

const EXIF_DATE_TIME = /^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/;
const EXIF_OFFSET = /^([+-])(\d{2}):(\d{2})$/;

interface LocalFields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/**
 * EXIF `YYYY:MM:DD HH:mm:ss` to capture-local `YYYY-MM-DDTHH:mm:ss`. Cameras write zeros or garbage when their clock
 * was never set; those are "no date", not a photo from year 0.
 */
export function parseExifLocal(value: unknown): LocalFields | undefined {
  if (typeof value !== 'string') return undefined;
  const match = EXIF_DATE_TIME.exec(value.trim());
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (year < 1800 || hour > 23 || minute > 59 || second > 59) return undefined;
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return undefined;
  return { year, month, day, hour, minute, second };
}

/** `+02:00` → +120 minutes; anything else (absent, `   :  `) → undefined. */
export function parseExifOffsetMinutes(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const match = EXIF_OFFSET.exec(value.trim());
  if (!match) return undefined;
  const hours = Number(match[2]);
  const minutes = Number(match[3]);
  if (hours > 14 || minutes > 59) return undefined;
  return (match[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

export function formatLocal(f: LocalFields): string {
  const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
  return `${pad(f.year, 4)}-${pad(f.month)}-${pad(f.day)}T${pad(f.hour)}:${pad(f.minute)}:${pad(f.second)}`;
}

/** Capture time from EXIF date + optional offset tags; undefined when the photo carries no usable date. */
export function captureTimeFromExif(dateTime: unknown, offset: unknown): CaptureTime | undefined {
  const local = parseExifLocal(dateTime);
  if (!local) return undefined;
  const offsetMinutes = parseExifOffsetMinutes(offset);
  if (offsetMinutes === undefined)
    return {
      local: formatLocal(local),
      utc: null,
      source: 'exif-local-only',
      timeZone: null,
      timeZoneSource: null,
    };
  const instant =
    Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second) -
    offsetMinutes * 60_000;
  return {
    local: formatLocal(local),
    utc: new Date(instant).toISOString(),
    source: 'exif-with-offset',
    timeZone: formatOffset(offsetMinutes),
    timeZoneSource: 'exif-offset',
  };
}

/** Last resort: the file's modification time read on this machine's clock, flagged as a guess. */
export function captureTimeFromFileModified(mtime: Date): CaptureTime {
  return {
    local: formatLocal({
      year: mtime.getFullYear(),
      month: mtime.getMonth() + 1,
      day: mtime.getDate(),
      hour: mtime.getHours(),
      minute: mtime.getMinutes(),
      second: mtime.getSeconds(),
    }),
    utc: null,
    source: 'file-modified',
    timeZone: null,
    timeZoneSource: null,
  };
}

/** +120 → `+02:00`. */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
