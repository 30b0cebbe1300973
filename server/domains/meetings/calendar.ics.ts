import { createEvents, type EventAttributes } from "ics";
import type { NoticeAttachment } from "@/db/schema";
import type { MeetingRow } from "./meetings.queries";

/*
 * A meeting as iCalendar text (RFC 5545) through the `ics` library: for the meeting's .ics download,
 * the person's calendar feed (calendar.service.ts), and the file a meeting's notice email carries.
 */

const PRODUCT_ID = "task-force-roadmap/meetings";

export type CalendarMeeting = Pick<MeetingRow, "id" | "title" | "startsAt" | "endsAt" | "location" | "videoUrl" | "status" | "version" | "committeeName">;

export function eventOf(meeting: CalendarMeeting, meetingUrl: string): EventAttributes {
  const where = [meeting.location, meeting.videoUrl].filter(Boolean).join(" · ");
  return {
    uid: `${meeting.id}@task-force-roadmap`,
    title: meeting.committeeName && !meeting.title.includes(meeting.committeeName) ? `${meeting.title} (${meeting.committeeName})` : meeting.title,
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

export function calendarText(events: EventAttributes[], calName: string): string {
  const { error, value } = createEvents(events, { productId: PRODUCT_ID, method: "PUBLISH", calName });
  if (error || value === null) throw error ?? new Error("ics produced nothing");
  return value;
}

export const meetingUrlOf = (baseUrl: string, taskForceSlug: string, meetingId: string) =>
  `${baseUrl.replace(/\/$/, "")}/tf/${taskForceSlug}/meetings/${meetingId}`;

/** The calendar file a notice about the meeting carries, as the meeting stands after the change. */
export function meetingCalendarAttachment(meeting: CalendarMeeting, meetingUrl: string, fileDate: string): NoticeAttachment {
  return {
    fileName: `${fileDate}-meeting.ics`,
    contentType: "text/calendar; charset=utf-8; method=PUBLISH",
    text: calendarText([eventOf(meeting, meetingUrl)], meeting.title),
  };
}
