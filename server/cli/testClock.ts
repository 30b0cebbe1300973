/*
 * The instants at which `npm test` runs date-sensitive tests (server/cli/test-all.ts): the moments
 * when code that takes UTC's date, the machine's zone or 24-hour steps for a task force's calendar
 * goes wrong. Computed from today, never fixed dates, so they stay ahead of the real time for years.
 */
import { zonedTimeToInstant } from "@/server/domains/meetings/meetings.rules";
import { dateInZone, utcOffsetMinutes } from "@/server/lib/dates";

/** The zone of the test task forces and of the demo. */
const TASK_FORCE_ZONE = "America/Chicago";
const HOUR = 3_600_000;

/** 23:30 in the task force's zone on a calendar date: the evening when UTC is already tomorrow. */
const lateEveningOn = (date: string) => zonedTimeToInstant(`${date}T23:30`, TASK_FORCE_ZONE)!.toISOString();

/** The next `count` instants after `from` at which the zone's UTC offset changes, to the hour. */
export function nextOffsetChanges(from: number, count: number): number[] {
  const offsetAt = (instant: number) => utcOffsetMinutes(instant, TASK_FORCE_ZONE);
  const changes: number[] = [];
  for (let instant = from - (from % HOUR) + HOUR; changes.length < count && instant < from + 800 * 24 * HOUR; instant += HOUR) {
    if (offsetAt(instant) !== offsetAt(instant - HOUR)) changes.push(instant);
  }
  return changes;
}

/** One run at a moved clock: when it starts, and what it tests there. */
export interface ClockInstant {
  label: string;
  at: string;
  /** False where another run already puts the same trap to the integration files (unit files only). */
  integration: boolean;
}

/** Where each step of `npm test` starts its clock. */
export interface ClockPlan {
  /** The first unit run. */
  unit: ClockInstant;
  /** The PGlite integration run. */
  integration: ClockInstant;
  /** The PostgreSQL integration run, when there is one. */
  integrationPostgres: ClockInstant;
  /** The clock step's runs, beside the build. */
  clockStep: ClockInstant[];
}

/**
 * Each run of `npm test` starts at a moment when code that takes UTC's date (or 24-hour steps) for
 * the task force's calendar goes wrong, so no run spends its time at the real time, which proves
 * nothing on most hours. They are the next such moments after today, not fixed dates, so the demo's
 * and the tests' own dates (a round closed this autumn) stay in the past as they are at the real
 * time. Each leaves half an hour before the next date or offset change, so a run never crosses one
 * midway. Four traps, each set once for the integration files and for the unit files:
 *
 * - 00:30 UTC, still the evening before (18:30) in Chicago: the first unit run;
 * - 23:30 on New Year's Eve in Chicago, when UTC's date, quarter and year are already tomorrow's: the
 *   PGlite integration run (it is also the 00:30 UTC trap, later in the evening);
 * - half an hour before Chicago's next daylight-saving change (a day of 23 or 25 hours): the
 *   PostgreSQL integration run, and the unit files again in the clock step;
 * - half an hour before the change after that: the clock step, with the date-sensitive integration
 *   files.
 *
 * Without PostgreSQL (a developer's `npm test`), the clock step runs the date-sensitive integration
 * files at the first daylight-saving change too.
 */
export function clockPlan(options: { withPostgres: boolean }, now = Date.now()): ClockPlan {
  const today = new Date(now).toISOString().slice(0, 10);
  const nextDay = new Date(Date.parse(`${today}T00:30:00Z`) + 24 * HOUR).toISOString();
  const [firstChange, secondChange] = nextOffsetChanges(now, 2).map((instant) => new Date(instant - HOUR / 2).toISOString());
  const firstChangeLabel = "half an hour before Chicago's next daylight-saving change";
  return {
    unit: { label: "00:30 UTC, still the evening before (18:30) in Chicago", at: nextDay, integration: false },
    integration: { label: "23:30 on New Year's Eve in Chicago, already next year in UTC", at: integrationInstant(now), integration: true },
    integrationPostgres: { label: firstChangeLabel, at: firstChange!, integration: true },
    clockStep: [
      { label: firstChangeLabel, at: firstChange!, integration: !options.withPostgres },
      { label: "half an hour before the daylight-saving change after that", at: secondChange!, integration: true },
    ],
  };
}

/** PGlite's integration run: 23:30 on the coming New Year's Eve in Chicago, 05:30 UTC on New Year's Day. */
export function integrationInstant(now = Date.now()): string {
  return lateEveningOn(`${dateInZone(new Date(now), TASK_FORCE_ZONE).slice(0, 4)}-12-31`);
}
