import { utcOffsetMinutes } from "@/server/lib/dates";

/*
 * Local times in iCalendar text (RFC 5545). An event written as DTSTART;TZID=America/Chicago:…T180000
 * stays at 18:00 in every calendar app across daylight-saving changes, where a UTC time shows an hour
 * off for half the year once a reader's own zone shifts differently. RFC 5545 requires a VTIMEZONE
 * for each TZID a calendar uses; the `ics` library writes none, so it is built here from the
 * runtime's IANA time zone database (Intl), for the years the events span and no hard-coded rules.
 * Pure: no database, no clock.
 */

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** An instant's clock reading in iCalendar's local DATE-TIME form (YYYYMMDDTHHMMSS, no "Z"). */
export function localDateTime(instant: number, timeZone: string): string {
  return iCalendarStamp(instant + utcOffsetMinutes(instant, timeZone) * MINUTE);
}

/**
 * Whether clocks in the zone read what they read at `instant` twice: the hour that repeats when
 * daylight saving ends (01:30 comes twice in Chicago on its November night). RFC 5545 §3.3.5 says a
 * local DATE-TIME there names the first pass, but calendar apps differ (ical.js takes the second),
 * so neither pass can be written as a local time and be read back the same everywhere.
 */
export function isAmbiguousLocalTime(instant: number, timeZone: string): boolean {
  const offset = utcOffsetMinutes(instant, timeZone);
  return [instant - DAY, instant + DAY].some((near) => {
    const otherOffset = utcOffsetMinutes(near, timeZone);
    // The instant whose clock, under the other offset, reads what this one's reads.
    const twin = instant + (offset - otherOffset) * MINUTE;
    return otherOffset !== offset && utcOffsetMinutes(twin, timeZone) === otherOffset;
  });
}

/** A time value read as UTC fields, in YYYYMMDDTHHMMSS form. */
function iCalendarStamp(value: number): string {
  return new Date(value).toISOString().replace(/[-:]/g, "").slice(0, 15);
}

/** "-0600", "+0530", "+0000" (RFC 5545 utc-offset; "-0000" is not allowed). */
export function formatUtcOffset(minutes: number): string {
  const size = Math.abs(minutes);
  return `${minutes < 0 ? "-" : "+"}${String(Math.floor(size / 60)).padStart(2, "0")}${String(size % 60).padStart(2, "0")}`;
}

export interface OffsetTransition {
  /** The first instant of the new offset. */
  at: number;
  fromMinutes: number;
  toMinutes: number;
}

/**
 * Every change of the zone's UTC offset between `from` and `to`. Offsets are sampled once a day
 * (no zone changes twice within one day) and each change is then narrowed to its minute.
 */
export function offsetTransitions(timeZone: string, from: number, to: number): OffsetTransition[] {
  const transitions: OffsetTransition[] = [];
  let before = Math.floor(from / DAY) * DAY;
  let beforeOffset = utcOffsetMinutes(before, timeZone);
  for (let after = before + DAY; after <= to + DAY; after += DAY) {
    const afterOffset = utcOffsetMinutes(after, timeZone);
    if (afterOffset !== beforeOffset) {
      let low = before / MINUTE;
      let high = after / MINUTE;
      while (high - low > 1) {
        const middle = Math.floor((low + high) / 2);
        if (utcOffsetMinutes(middle * MINUTE, timeZone) === beforeOffset) low = middle;
        else high = middle;
      }
      transitions.push({ at: high * MINUTE, fromMinutes: beforeOffset, toMinutes: afterOffset });
    }
    before = after;
    beforeOffset = afterOffset;
  }
  return transitions.filter((transition) => transition.at >= from && transition.at <= to);
}

/**
 * The VTIMEZONE of `timeZone` for events from `first` to `last` (instants), as unfolded lines: one
 * STANDARD or DAYLIGHT component per offset change from the start of the year before the first
 * event (so the first event has an observance already in force) to the end of the last event's
 * year. Each change is its own component with a DTSTART and no RRULE: always right, even for a zone
 * whose rules changed within the span. A zone with no change in the span (UTC, America/Phoenix,
 * Asia/Kolkata) gets one STANDARD component with its fixed offset.
 */
export function vtimezoneLines(timeZone: string, first: number, last: number): string[] {
  const from = Date.UTC(new Date(first).getUTCFullYear() - 1, 0, 1);
  const to = Date.UTC(new Date(last).getUTCFullYear() + 1, 0, 1);
  const transitions = offsetTransitions(timeZone, from, to);
  const observances =
    transitions.length > 0
      ? transitions.map((transition) => [
          // A change to a larger offset is a summer time; back to the smaller one, standard time.
          `BEGIN:${transition.toMinutes > transition.fromMinutes ? "DAYLIGHT" : "STANDARD"}`,
          // The onset is written in the local time in force before it (02:00 in Chicago both ways).
          `DTSTART:${iCalendarStamp(transition.at + transition.fromMinutes * MINUTE)}`,
          `TZOFFSETFROM:${formatUtcOffset(transition.fromMinutes)}`,
          `TZOFFSETTO:${formatUtcOffset(transition.toMinutes)}`,
          `END:${transition.toMinutes > transition.fromMinutes ? "DAYLIGHT" : "STANDARD"}`,
        ])
      : [fixedOffset(utcOffsetMinutes(first, timeZone))];
  return ["BEGIN:VTIMEZONE", `TZID:${timeZone}`, ...observances.flat(), "END:VTIMEZONE"];
}

function fixedOffset(minutes: number): string[] {
  const offset = formatUtcOffset(minutes);
  return ["BEGIN:STANDARD", "DTSTART:19700101T000000", `TZOFFSETFROM:${offset}`, `TZOFFSETTO:${offset}`, "END:STANDARD"];
}

/**
 * The zone's name as an iCalendar parameter value: IANA names go as they are; a name with a
 * character that ends a parameter (such as the colon of an offset zone "+05:30", which newer
 * runtimes accept) is quoted.
 */
export function timeZoneParameter(timeZone: string): string {
  return /^[A-Za-z0-9/_+-]+$/.test(timeZone) ? timeZone : `"${timeZone.replace(/"/g, "")}"`;
}

/**
 * Folds a content line at 75 octets, as RFC 5545 §3.1 asks: CRLF and a space before each
 * continuation, never inside a multi-octet UTF-8 character.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  for (const character of line) {
    const size = Buffer.byteLength(character, "utf8");
    // The first line holds 75 octets; each continuation 74 after its leading space.
    if (octets + size > (parts.length === 0 ? 75 : 74)) {
      parts.push(current);
      current = "";
      octets = 0;
    }
    current += character;
    octets += size;
  }
  parts.push(current);
  return parts.join("\r\n ");
}
