/*
 * Pure rules of meeting records: time zones, quarters, attendance rates and discipline coverage.
 * No database here, so each rule is unit-tested on its own (meetings.rules.test.ts).
 */

import { dateTimeFormat, utcOffsetMinutes } from "@/server/lib/dates";

/** True for a zone the runtime's time zone database knows (IANA names such as "America/Chicago"). */
export function isValidTimeZone(timeZone: string): boolean {
  if (!timeZone || timeZone.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone }).format(0);
    return true;
  } catch {
    return false;
  }
}

function partsInZone(instant: Date, timeZone: string) {
  const parts = dateTimeFormat("en-US", { timeZone, year: "numeric", month: "2-digit" }).formatToParts(instant);
  const value = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  return { year: value("year"), month: value("month") };
}

/** "2026-Q3": the calendar quarter of an instant as the task force's clock reads it. */
export function quarterOf(instant: Date, timeZone: string): string {
  const { year, month } = partsInZone(instant, timeZone);
  return `${year}-Q${Math.ceil(month / 3)}`;
}

/** "2026-07": the calendar month of an instant in the task force's zone. */
export function monthOf(instant: Date, timeZone: string): string {
  const { year, month } = partsInZone(instant, timeZone);
  return `${year}-${String(month).padStart(2, "0")}`;
}

export type AttendanceStatusValue = "present" | "absent" | "excused" | "guest";

/** Those at the table: present members and guests. */
export const isAtTheTable = (status: AttendanceStatusValue) => status === "present" || status === "guest";

/**
 * Share of expected attendees who came: present ÷ (present + absent + excused). Guests were not
 * expected, so they count neither way; null when nobody was expected.
 */
export function attendanceRate(statuses: readonly AttendanceStatusValue[]): number | null {
  let present = 0;
  let expected = 0;
  for (const status of statuses) {
    if (status === "guest") continue;
    expected += 1;
    if (status === "present") present += 1;
  }
  return expected === 0 ? null : present / expected;
}

/** The disciplines at the table in one meeting, sorted, each once. */
export function disciplinesPresent(rows: readonly { status: AttendanceStatusValue; discipline: string | null }[]): string[] {
  const present = new Set<string>();
  for (const row of rows) if (row.discipline && isAtTheTable(row.status)) present.add(row.discipline);
  return [...present].sort();
}

/**
 * Core disciplines absent from every one of the last `window` full meetings (newest first in
 * `meetings`). With fewer meetings than the window nothing is flagged: absence is not yet a pattern.
 */
export function coreDisciplinesAbsent(
  coreDisciplines: readonly string[],
  meetings: readonly { presentDisciplines: readonly string[] }[],
  window = 3,
): string[] {
  if (meetings.length < window) return [];
  const recent = meetings.slice(0, window);
  return coreDisciplines.filter((discipline) => recent.every((meeting) => !meeting.presentDisciplines.includes(discipline)));
}

/** Agenda items of a previous meeting still waiting for a decision. */
export function undecidedItems<T extends { id: string; needsDecision: boolean }>(items: readonly T[], decidedAgendaItemIds: ReadonlySet<string>): T[] {
  return items.filter((item) => item.needsDecision && !decidedAgendaItemIds.has(item.id));
}

/** The order after moving the item at `index` one place up or down; unchanged at either end. */
export function moveInOrder<T>(items: readonly T[], index: number, direction: "up" | "down"): T[] {
  const target = direction === "up" ? index - 1 : index + 1;
  if (index < 0 || index >= items.length || target < 0 || target >= items.length) return [...items];
  const next = [...items];
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}

/** Wall-clock "YYYY-MM-DDTHH:mm" (as a datetime-local input gives it). */
export const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** Milliseconds the zone is ahead of UTC at `instant` (negative west of Greenwich). */
const offsetAt = (instant: number, timeZone: string) => utcOffsetMinutes(instant, timeZone) * 60_000;

/**
 * The instant at which clocks in `timeZone` read `local`. Meetings are planned by wall-clock time in
 * their own zone, so the server, not the browser, decides what "10:00 in Chicago" is. A time that a
 * daylight-saving jump skips resolves to the instant after the jump.
 */
export function zonedTimeToInstant(local: string, timeZone: string): Date | null {
  const match = LOCAL_DATE_TIME.exec(local);
  if (!match) return null;
  const [, year, month, day, hour, minute] = match.map(Number) as [number, number, number, number, number, number];
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const check = new Date(wall);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59) return null;
  // Near a daylight-saving change the offset at the guess may be the other side's: try both, keep
  // the one whose clock reads `local`; in a skipped hour neither does, and the later one is after the jump.
  const first = wall - offsetAt(wall, timeZone);
  const second = wall - offsetAt(first, timeZone);
  const reads = (instant: number) => instant + offsetAt(instant, timeZone) === wall;
  if (reads(second)) return new Date(second);
  if (reads(first)) return new Date(first);
  return new Date(Math.max(first, second));
}

/** The wall-clock "YYYY-MM-DDTHH:mm" of an instant in a zone: what an edit form shows. */
export function instantToZonedTime(instant: Date, timeZone: string): string {
  const local = new Date(instant.getTime() + offsetAt(instant.getTime(), timeZone));
  return local.toISOString().slice(0, 16);
}
