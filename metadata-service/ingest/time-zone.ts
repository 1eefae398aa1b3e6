import tzLookup from '@photostructure/tz-lookup';

/** Wall-clock fields of a local date-time, no zone attached. */
export interface LocalFields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** IANA zone at a GPS position (offline lookup); null for positions the lookup rejects. */
export function zoneForPosition(latitude: number, longitude: number): string | null {
  try {
    return tzLookup(latitude, longitude);
  } catch {
    return null;
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** The wall clock in `zone` at an instant. */
export function localFieldsAt(instantMs: number, zone: string): LocalFields {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(zone).formatToParts(new Date(instantMs))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? 1970,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

/** Offset of `zone` from UTC at an instant, in minutes (DST included). */
export function offsetMinutesAt(instantMs: number, zone: string): number {
  const wall = localFieldsAt(instantMs, zone);
  const wallAsUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return Math.round((wallAsUtc - Math.floor(instantMs / 1000) * 1000) / 60_000);
}

/**
 * The instant a wall-clock time in `zone` denotes. Zone offsets change at most a few times a year, so the offsets a
 * day either side of the wall time (and at the first guess) are the only candidates; keep the ones whose instant reads
 * back as the given wall time. A time repeated by fall-back resolves to its first (summer-time) occurrence; a time
 * skipped by spring-forward does not exist, and resolves with the offset in force before the change.
 */
export function instantOfLocal(local: LocalFields, zone: string): { utcMs: number; offsetMinutes: number } {
  const wallAsUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
  const DAY = 86_400_000;
  const before = offsetMinutesAt(wallAsUtc - DAY, zone);
  const candidates = new Set([
    before,
    offsetMinutesAt(wallAsUtc, zone),
    offsetMinutesAt(wallAsUtc + DAY, zone),
  ]);
  const matching = [...candidates].filter((offset) => {
    const back = localFieldsAt(wallAsUtc - offset * 60_000, zone);
    return (
      back.day === local.day &&
      back.hour === local.hour &&
      back.minute === local.minute &&
      back.second === local.second
    );
  });
  const offsetMinutes = matching.length > 0 ? Math.max(...matching) : before;
  return { utcMs: wallAsUtc - offsetMinutes * 60_000, offsetMinutes };
}
