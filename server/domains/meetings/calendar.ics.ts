import { createEvents, type EventAttributes } from "ics";
import type { NoticeAttachment } from "@/db/schema";
import { foldLine, isAmbiguousLocalTime, localDateTime, timeZoneParameter, vtimezoneLines } from "./calendar.timeZone";
import type { MeetingRow } from "./meetings.queries";

/*
 * Meetings as iCalendar text (RFC 5545) through the `ics` library: for the meeting's .ics download,
 * the person's calendar feed (calendar.service.ts), and the file a meeting's notice email carries.
 * Each meeting is written at the local time of the zone it was planned in, with that zone's
 * VTIMEZONE (calendar.timeZone.ts), so calendars show 18:00 in Chicago as 18:00 all year.
 */

const PRODUCT_ID = "task-force-roadmap/meetings";

export type CalendarMeeting = Pick<
  MeetingRow,
  "id" | "title" | "startsAt" | "endsAt" | "timeZone" | "location" | "videoUrl" | "status" | "version" | "committeeName"
>;

function eventOf(meeting: CalendarMeeting, meetingUrl: string): EventAttributes {
  const where = [meeting.location, meeting.videoUrl].filter(Boolean).join(" · ");
  return {
    uid: `${meeting.id}@task-force-roadmap`,
    title: meeting.committeeName && !meeting.title.includes(meeting.committeeName) ? `${meeting.title} (${meeting.committeeName})` : meeting.title,
    // Written in UTC by ics, then moved to the meeting's zone by withLocalTimes.
    start: meeting.startsAt.getTime(),
    startInputType: "utc",
    startOutputType: "utc",
    end: meeting.endsAt.getTime(),
    endInputType: "utc",
    endOutputType: "utc",
    ...(where ? { location: where } : {}),
    url: meetingUrl,
    description: meetingUrl,
    status: meeting.status === "cancelled" ? "CANCELLED" : "CONFIRMED",
    // Each saved change raises the version, so calendar apps replace their copy.
    sequence: meeting.version,
    productId: PRODUCT_ID,
  };
}

/** The calendar of `meetings`, each linking to its page at `meetingUrl(meeting)`. */
export function calendarText(meetings: readonly CalendarMeeting[], meetingUrl: (meeting: CalendarMeeting) => string, calName: string): string {
  const { error, value } = createEvents(
    meetings.map((meeting) => eventOf(meeting, meetingUrl(meeting))),
    { productId: PRODUCT_ID, method: "PUBLISH", calName },
  );
  if (error || value === null) throw error ?? new Error("ics produced nothing");
  return withLocalTimes(value, meetings);
}

/**
 * ics writes times only in UTC and has no VTIMEZONE: this rewrites each event's DTSTART and DTEND
 * to its meeting's zone and puts that zone's VTIMEZONE before the first event. ics keeps the order
 * of the events it is given, so the n-th VEVENT is the n-th meeting. A meeting in the hour that
 * comes twice when daylight saving ends keeps its UTC times: calendar apps disagree on which pass a
 * local time there names. The text is unfolded first and folded again at 75 octets: ics folds at
 * 75 characters, too long for a line of accented text.
 */
function withLocalTimes(text: string, meetings: readonly CalendarMeeting[]): string {
  const lines = text.replace(/\r\n[ \t]/g, "").split("\r\n");
  if (lines.at(-1) === "") lines.pop();
  const out: string[] = [];
  let index = -1;
  for (const line of lines) {
    if (line === "BEGIN:VEVENT") {
      if (index === -1) out.push(...timeZonesOf(meetings));
      index += 1;
    }
    const meeting = meetings[index];
    const property = /^(DTSTART|DTEND):\d{8}T\d{6}Z$/.exec(line)?.[1];
    if (meeting && property && !inRepeatedHour(meeting)) {
      const instant = (property === "DTSTART" ? meeting.startsAt : meeting.endsAt).getTime();
      out.push(`${property};TZID=${timeZoneParameter(meeting.timeZone)}:${localDateTime(instant, meeting.timeZone)}`);
    } else {
      out.push(line);
    }
  }
  if (index + 1 !== meetings.length) throw new Error(`ics wrote ${index + 1} events for ${meetings.length} meetings`);
  return `${out.map(foldLine).join("\r\n")}\r\n`;
}

function inRepeatedHour(meeting: CalendarMeeting): boolean {
  return isAmbiguousLocalTime(meeting.startsAt.getTime(), meeting.timeZone) || isAmbiguousLocalTime(meeting.endsAt.getTime(), meeting.timeZone);
}

/** One VTIMEZONE per zone the meetings use, covering that zone's meetings from first to last. */
function timeZonesOf(meetings: readonly CalendarMeeting[]): string[] {
  const spans = new Map<string, { first: number; last: number }>();
  for (const meeting of meetings) {
    const span = spans.get(meeting.timeZone);
    const start = meeting.startsAt.getTime();
    const end = meeting.endsAt.getTime();
    spans.set(meeting.timeZone, { first: Math.min(span?.first ?? start, start), last: Math.max(span?.last ?? end, end) });
  }
  return [...spans].flatMap(([timeZone, { first, last }]) => vtimezoneLines(timeZone, first, last));
}

export const meetingUrlOf = (baseUrl: string, taskForceSlug: string, meetingId: string) =>
  `${baseUrl.replace(/\/$/, "")}/tf/${taskForceSlug}/meetings/${meetingId}`;

/** The calendar file a notice about the meeting carries, as the meeting stands after the change. */
export function meetingCalendarAttachment(meeting: CalendarMeeting, meetingUrl: string, fileDate: string): NoticeAttachment {
  return {
    fileName: `${fileDate}-meeting.ics`,
    contentType: "text/calendar; charset=utf-8; method=PUBLISH",
    text: calendarText([meeting], () => meetingUrl, meeting.title),
  };
}
