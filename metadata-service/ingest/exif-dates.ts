import type { TakenTimeSource } from '../database/schema';
import { instantOfLocal, localFieldsAt, zoneForPosition, type LocalFields } from './time-zone';

/** When a photo was taken: the camera's local clock, and the instant when the offset is known. */
export interface CaptureTime {
  local: string;
  utc: string | null;
  source: TakenTimeSource;
  /** IANA zone (from GPS) or a fixed `±HH:MM` offset (from EXIF or a sidecar); null when unknown. */
  timeZone: string | null;
  timeZoneSource: TimeZoneSource | null;
}

/** 'exif-offset' is any offset written beside the time in the file: EXIF OffsetTime*, QuickTime creationdate. */
export type TimeZoneSource = 'exif-offset' | 'gps' | 'sidecar';

export interface GpsPosition {
  latitude: number;
  longitude: number;
}

const EXIF_DATE_TIME = /^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/;
const EXIF_OFFSET = /^([+-])(\d{2}):(\d{2})$/;

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

/**
 * Capture time from EXIF date + optional offset tag. Without an offset, a GPS position names the zone the camera's
 * clock was (presumably) set to, and the zone's offset at that local time gives the instant, DST included.
 * Undefined when the photo carries no usable date.
 */
export function captureTimeFromExif(
  dateTime: unknown,
  offset: unknown,
  gps: GpsPosition | null = null,
): CaptureTime | undefined {
  const local = parseExifLocal(dateTime);
  if (!local) return undefined;
  const offsetMinutes = parseExifOffsetMinutes(offset);
  if (offsetMinutes !== undefined) return captureTimeWithOffset(local, offsetMinutes, 'exif-with-offset');
  return localCaptureTime(local, gps);
}

/** A local wall time with the offset written beside it (EXIF OffsetTime*, QuickTime creationdate). */
export function captureTimeWithOffset(
  local: LocalFields,
  offsetMinutes: number,
  source: TakenTimeSource,
): CaptureTime {
  const instant =
    Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second) -
    offsetMinutes * 60_000;
  return {
    local: formatLocal(local),
    utc: new Date(instant).toISOString(),
    source,
    timeZone: formatOffset(offsetMinutes),
    timeZoneSource: 'exif-offset',
  };
}

/** An EXIF local time without an offset: placed in the GPS zone when there is one, else left zone-less. */
export function localCaptureTime(local: LocalFields, gps: GpsPosition | null): CaptureTime {
  const zone = gps ? zoneForPosition(gps.latitude, gps.longitude) : null;
  if (!zone) {
    return {
      local: formatLocal(local),
      utc: null,
      source: 'exif-local-only',
      timeZone: null,
      timeZoneSource: null,
    };
  }
  return {
    local: formatLocal(local),
    utc: new Date(instantOfLocal(local, zone).utcMs).toISOString(),
    source: 'exif-with-gps-zone',
    timeZone: zone,
    timeZoneSource: 'gps',
  };
}

/**
 * A known instant (Takeout photoTakenTime, a video container's UTC creation time): the local time is the wall clock
 * in the GPS zone when there is a position, else the UTC wall time with no zone (a fact about the instant, not a
 * claim about where the camera was).
 */
export function captureTimeFromInstant(
  utcMs: number,
  source: TakenTimeSource,
  gps: GpsPosition | null,
): CaptureTime {
  const zone = gps ? zoneForPosition(gps.latitude, gps.longitude) : null;
  const utc = new Date(utcMs).toISOString();
  if (!zone) {
    return {
      local: formatLocal(localFieldsAt(utcMs, 'UTC')),
      utc,
      source,
      timeZone: null,
      timeZoneSource: null,
    };
  }
  return {
    local: formatLocal(localFieldsAt(utcMs, zone)),
    utc,
    source,
    timeZone: zone,
    timeZoneSource: 'gps',
  };
}

/**
 * A capture time that a newly known GPS position can improve (a sidecar adding a position): an EXIF local time
 * gains its zone and instant, an instant gains its local wall clock. Others are returned unchanged.
 */
export function placeCaptureTime(taken: CaptureTime, gps: GpsPosition): CaptureTime {
  if (taken.source === 'exif-local-only') {
    const local = parseLocalDateTime(taken.local);
    return local ? localCaptureTime(local, gps) : taken;
  }
  if (
    (taken.source === 'video-container' || taken.source === 'sidecar') &&
    taken.timeZone === null &&
    taken.utc
  ) {
    return captureTimeFromInstant(Date.parse(taken.utc), taken.source, gps);
  }
  return taken;
}

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/;

/** `YYYY-MM-DDTHH:mm:ss` (our stored form) back to fields. */
export function parseLocalDateTime(value: string): LocalFields | undefined {
  const match = LOCAL_DATE_TIME.exec(value);
  return match
    ? parseExifLocal(`${match[1]}:${match[2]}:${match[3]} ${match[4]}:${match[5]}:${match[6]}`)
    : undefined;
}

/** An ISO 8601 date-time as XMP and QuickTime write it: the local wall time and the offset when one is given. */
export interface IsoDateTime {
  local: LocalFields;
  offsetMinutes: number | undefined;
}

const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:[.,]\d+)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/;

/** `2019-07-14T15:30:12+0200`, `2019-07-14T15:30:12+02:00`, `…Z`, or no offset at all. */
export function parseIsoDateTime(value: string | undefined): IsoDateTime | undefined {
  if (value === undefined) return undefined;
  const match = ISO_DATE_TIME.exec(value.trim());
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second = '00', zone] = match;
  const local = parseExifLocal(`${year}:${month}:${day} ${hour}:${minute}:${second}`);
  if (!local) return undefined;
  if (zone === undefined) return { local, offsetMinutes: undefined };
  if (zone === 'Z') return { local, offsetMinutes: 0 };
  const digits = zone.replace(':', '');
  const offsetMinutes = parseExifOffsetMinutes(`${digits.slice(0, 3)}:${digits.slice(3, 5) || '00'}`);
  return offsetMinutes === undefined ? undefined : { local, offsetMinutes };
}

/** Capture time from an XMP date (exif:DateTimeOriginal, photoshop:DateCreated) when EXIF has none. */
export function captureTimeFromIso(
  value: string | undefined,
  gps: GpsPosition | null,
): CaptureTime | undefined {
  const parsed = parseIsoDateTime(value);
  if (!parsed) return undefined;
  return parsed.offsetMinutes === undefined
    ? localCaptureTime(parsed.local, gps)
    : captureTimeWithOffset(parsed.local, parsed.offsetMinutes, 'exif-with-offset');
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
