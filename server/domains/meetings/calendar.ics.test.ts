import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { calendarText, type CalendarMeeting } from "./calendar.ics";
import { utcOffsetMinutes } from "@/server/lib/dates";
import { foldLine, formatUtcOffset, isAmbiguousLocalTime, localDateTime, offsetTransitions, vtimezoneLines } from "./calendar.timeZone";

const URL_BASE = "https://roadmap.example.org/tf/north/meetings/";

function meeting(id: string, startsAt: string, endsAt: string, timeZone: string, title = "Full task force meeting"): CalendarMeeting {
  return {
    id,
    title,
    startsAt: new Date(startsAt),
    endsAt: new Date(endsAt),
    timeZone,
    location: "County building",
    videoUrl: null,
    status: "scheduled",
    version: 1,
    committeeName: null,
  };
}

const textOf = (meetings: CalendarMeeting[]) => calendarText(meetings, (one) => `${URL_BASE}${one.id}`, "North task force");

/** The calendar as a standard parser (ical.js) reads it: each event's instant, its zone and the offset ical.js worked out from our VTIMEZONE. */
function parsed(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents("vevent").map((vevent) => {
    const event = new ICAL.Event(vevent);
    return {
      summary: event.summary,
      start: event.startDate.toJSDate().toISOString(),
      end: event.endDate.toJSDate().toISOString(),
      zone: event.startDate.zone?.tzid,
      startOffsetSeconds: event.startDate.utcOffset(),
    };
  });
}

/** The unfolded content lines of a VTIMEZONE's components, one array per component. */
function observances(text: string, tzid: string): string[][] {
  const lines = text.replace(/\r\n[ \t]/g, "").split("\r\n");
  const start = lines.indexOf(`TZID:${tzid}`);
  const end = lines.indexOf("END:VTIMEZONE", start);
  const components: string[][] = [];
  for (const line of lines.slice(start + 1, end)) {
    if (line.startsWith("BEGIN:")) components.push([]);
    components.at(-1)!.push(line);
  }
  return components;
}

describe("meetings in iCalendar text at their zone's local time", () => {
  // 18:00 in Chicago: 00:00 UTC the next day in January (CST, -6), 23:00 UTC in July (CDT, -5).
  const january = meeting("jan", "2026-01-16T00:00:00Z", "2026-01-16T01:30:00Z", "America/Chicago");
  const july = meeting("jul", "2026-07-15T23:00:00Z", "2026-07-16T00:30:00Z", "America/Chicago");

  it("writes 18:00 in Chicago as 18:00 with TZID, winter and summer alike", () => {
    const text = textOf([january, july]);
    expect(text).toContain("\r\nDTSTART;TZID=America/Chicago:20260115T180000\r\n");
    expect(text).toContain("\r\nDTEND;TZID=America/Chicago:20260115T193000\r\n");
    expect(text).toContain("\r\nDTSTART;TZID=America/Chicago:20260715T180000\r\n");
    expect(text).not.toMatch(/\r\nDT(START|END):\d{8}T\d{6}Z/);
    // DTSTAMP stays in UTC, as RFC 5545 requires.
    expect(text).toMatch(/\r\nDTSTAMP:\d{8}T\d{6}Z\r\n/);
  });

  it("carries one VTIMEZONE with Chicago's -0600/-0500 changes of each year the events need, before the first event", () => {
    const text = textOf([january, july]);
    expect(text.match(/BEGIN:VTIMEZONE/g)).toHaveLength(1);
    expect(text.indexOf("BEGIN:VTIMEZONE")).toBeLessThan(text.indexOf("BEGIN:VEVENT"));
    expect(observances(text, "America/Chicago")).toEqual([
      // From the year before, so that January's meeting has standard time already in force.
      ["BEGIN:DAYLIGHT", "DTSTART:20250309T020000", "TZOFFSETFROM:-0600", "TZOFFSETTO:-0500", "END:DAYLIGHT"],
      ["BEGIN:STANDARD", "DTSTART:20251102T020000", "TZOFFSETFROM:-0500", "TZOFFSETTO:-0600", "END:STANDARD"],
      ["BEGIN:DAYLIGHT", "DTSTART:20260308T020000", "TZOFFSETFROM:-0600", "TZOFFSETTO:-0500", "END:DAYLIGHT"],
      ["BEGIN:STANDARD", "DTSTART:20261101T020000", "TZOFFSETFROM:-0500", "TZOFFSETTO:-0600", "END:STANDARD"],
    ]);
  });

  it("parses with ical.js to the same UTC instants, with the offsets ical.js derives from the VTIMEZONE", () => {
    expect(parsed(textOf([january, july]))).toEqual([
      { summary: "Full task force meeting", start: "2026-01-16T00:00:00.000Z", end: "2026-01-16T01:30:00.000Z", zone: "America/Chicago", startOffsetSeconds: -6 * 3600 },
      { summary: "Full task force meeting", start: "2026-07-15T23:00:00.000Z", end: "2026-07-16T00:30:00.000Z", zone: "America/Chicago", startOffsetSeconds: -5 * 3600 },
    ]);
  });

  it.each([
    ["America/Phoenix", "2026-07-16T01:00:00Z", "20260715T180000", "-0700"],
    ["Asia/Kolkata", "2026-07-15T12:30:00Z", "20260715T180000", "+0530"],
    ["UTC", "2026-07-15T18:00:00Z", "20260715T180000", "+0000"],
  ])("writes %s, a zone without daylight saving, with one fixed STANDARD offset", (timeZone, startsAt, local, offset) => {
    const one = meeting("fixed", startsAt, new Date(new Date(startsAt).getTime() + 3_600_000).toISOString(), timeZone);
    const text = textOf([one]);
    expect(text).toContain(`\r\nDTSTART;TZID=${timeZone}:${local}\r\n`);
    expect(observances(text, timeZone)).toEqual([["BEGIN:STANDARD", "DTSTART:19700101T000000", `TZOFFSETFROM:${offset}`, `TZOFFSETTO:${offset}`, "END:STANDARD"]]);
    expect(parsed(text)[0]).toMatchObject({ start: new Date(startsAt).toISOString(), zone: timeZone });
  });

  it("keeps each meeting's own zone and gives each zone used its VTIMEZONE, southern-hemisphere summer included", () => {
    const sydney = meeting("syd", "2026-01-15T07:00:00Z", "2026-01-15T08:00:00Z", "Australia/Sydney");
    const text = textOf([january, sydney]);
    expect(text).toContain("DTSTART;TZID=Australia/Sydney:20260115T180000");
    expect(observances(text, "Australia/Sydney")).toContainEqual(["BEGIN:DAYLIGHT", "DTSTART:20261004T020000", "TZOFFSETFROM:+1000", "TZOFFSETTO:+1100", "END:DAYLIGHT"]);
    expect(parsed(text).map((event) => [event.start, event.zone])).toEqual([
      ["2026-01-16T00:00:00.000Z", "America/Chicago"],
      ["2026-01-15T07:00:00.000Z", "Australia/Sydney"],
    ]);
  });

  it("keeps every instant across a year unchanged through ical.js, the daylight-saving nights included", () => {
    const meetings: CalendarMeeting[] = [];
    const add = (at: number) => meetings.push(meeting(`m${at}`, new Date(at).toISOString(), new Date(at + 45 * 60_000).toISOString(), "America/Chicago"));
    // Every 21 hours and 39 minutes through 2026 lands on each hour of the day in both seasons; every
    // 29 minutes through the two days around each change covers both changes' nights closely. (About
    // 600 meetings: twice that took seconds and timed out on a loaded machine.)
    for (let at = Date.UTC(2026, 0, 1); at < Date.UTC(2027, 0, 1); at += 3 * (7 * 60 + 13) * 60_000) add(at);
    for (const change of [Date.UTC(2026, 2, 8, 8), Date.UTC(2026, 10, 1, 7)]) {
      for (let at = change - 86_400_000; at < change + 86_400_000; at += 29 * 60_000) add(at);
    }
    meetings.push(meeting("nov", "2026-11-01T07:30:00Z", "2026-11-01T08:30:00Z", "America/Chicago"));
    const events = parsed(textOf(meetings));
    expect(events.map((event) => event.start)).toEqual(meetings.map((one) => one.startsAt.toISOString()));
    expect(events.map((event) => event.end)).toEqual(meetings.map((one) => one.endsAt.toISOString()));
  });

  it("leaves a meeting in the hour that repeats in UTC, since calendar apps disagree on which pass a local time names", () => {
    // 01:30 comes twice in Chicago on 2026-11-01: 06:30 UTC (CDT) and 07:30 UTC (CST).
    const first = meeting("first", "2026-11-01T06:30:00Z", "2026-11-01T06:45:00Z", "America/Chicago");
    const second = meeting("second", "2026-11-01T07:30:00Z", "2026-11-01T07:45:00Z", "America/Chicago");
    const text = textOf([first, second, july]);
    expect(text).toContain("\r\nDTSTART:20261101T063000Z\r\n");
    expect(text).toContain("\r\nDTSTART:20261101T073000Z\r\n");
    expect(text).toContain("\r\nDTSTART;TZID=America/Chicago:20260715T180000\r\n");
    expect(parsed(text).map((event) => event.start)).toEqual(["2026-11-01T06:30:00.000Z", "2026-11-01T07:30:00.000Z", "2026-07-15T23:00:00.000Z"]);
  });

  it("folds long lines at 75 octets with CRLF, accented text included, and ical.js reads them back whole", () => {
    const title = "Réunion trimestrielle du groupe de travail régional — évaluation, priorités et prochaines étapes";
    const text = textOf([meeting("long", "2026-03-10T17:00:00Z", "2026-03-10T18:00:00Z", "America/Chicago", title)]);
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toContain("\n");
    for (const line of text.split("\r\n")) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
    expect(parsed(text)[0]!.summary).toBe(title);
  });

  it("writes a calendar without events, and so without time zones, for a feed with no meetings", () => {
    const text = textOf([]);
    expect(text).not.toContain("VTIMEZONE");
    expect(parsed(text)).toEqual([]);
  });
});

describe("time zone rules from Intl", () => {
  it("reads offsets and local times in the zone, whatever the machine's zone", () => {
    expect(utcOffsetMinutes(Date.UTC(2026, 0, 16), "America/Chicago")).toBe(-360);
    expect(utcOffsetMinutes(Date.UTC(2026, 6, 16), "America/Chicago")).toBe(-300);
    expect(utcOffsetMinutes(Date.UTC(2026, 6, 16), "Asia/Kathmandu")).toBe(345);
    expect(utcOffsetMinutes(Date.UTC(2026, 6, 16), "UTC")).toBe(0);
    expect(localDateTime(Date.UTC(2026, 0, 16, 0, 0), "America/Chicago")).toBe("20260115T180000");
    expect([formatUtcOffset(-360), formatUtcOffset(330), formatUtcOffset(0), formatUtcOffset(-570)]).toEqual(["-0600", "+0530", "+0000", "-0930"]);
  });

  it("finds each offset change to the minute", () => {
    expect(offsetTransitions("America/Chicago", Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1))).toEqual([
      { at: Date.UTC(2026, 2, 8, 8), fromMinutes: -360, toMinutes: -300 },
      { at: Date.UTC(2026, 10, 1, 7), fromMinutes: -300, toMinutes: -360 },
    ]);
    // Lord Howe Island moves by half an hour.
    expect(offsetTransitions("Australia/Lord_Howe", Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1)).map((change) => [change.fromMinutes, change.toMinutes])).toEqual([
      [660, 630],
      [630, 660],
    ]);
    expect(offsetTransitions("Asia/Kolkata", Date.UTC(2020, 0, 1), Date.UTC(2027, 0, 1))).toEqual([]);
  });

  it("tells both passes of the repeated hour from the times around it and from the spring change", () => {
    expect(isAmbiguousLocalTime(Date.UTC(2026, 10, 1, 5, 59), "America/Chicago")).toBe(false);
    expect(isAmbiguousLocalTime(Date.UTC(2026, 10, 1, 6, 30), "America/Chicago")).toBe(true);
    expect(isAmbiguousLocalTime(Date.UTC(2026, 10, 1, 7, 30), "America/Chicago")).toBe(true);
    expect(isAmbiguousLocalTime(Date.UTC(2026, 10, 1, 8, 0), "America/Chicago")).toBe(false);
    expect(isAmbiguousLocalTime(Date.UTC(2026, 2, 8, 7, 30), "America/Chicago")).toBe(false);
    expect(isAmbiguousLocalTime(Date.UTC(2026, 2, 8, 8, 30), "America/Chicago")).toBe(false);
    expect(isAmbiguousLocalTime(Date.UTC(2026, 10, 1, 7, 30), "America/Phoenix")).toBe(false);
  });

  it("spans the years of the events plus the year before", () => {
    const lines = vtimezoneLines("Europe/Berlin", Date.UTC(2026, 5, 1), Date.UTC(2028, 1, 1));
    expect(lines.filter((line) => line.startsWith("DTSTART:"))).toEqual([
      "DTSTART:20250330T020000",
      "DTSTART:20251026T030000",
      "DTSTART:20260329T020000",
      "DTSTART:20261025T030000",
      "DTSTART:20270328T020000",
      "DTSTART:20271031T030000",
      "DTSTART:20280326T020000",
      "DTSTART:20281029T030000",
    ]);
  });

  it("folds at 75 octets without splitting a character", () => {
    const line = `SUMMARY:${"é".repeat(100)}`;
    const folded = foldLine(line);
    const physical = folded.split("\r\n");
    expect(physical.every((part) => Buffer.byteLength(part, "utf8") <= 75)).toBe(true);
    expect(physical.slice(1).every((part) => part.startsWith(" "))).toBe(true);
    expect(folded.replace(/\r\n /g, "")).toBe(line);
    expect(foldLine("SHORT:line")).toBe("SHORT:line");
  });
});
