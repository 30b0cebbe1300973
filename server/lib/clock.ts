/*
 * The one source of "now" on the server. Services take `now` as their last parameter and default
 * it to `currentTime()` from here, so a test either passes an explicit instant or runs under a
 * shifted clock: `npm test` runs the integration suite and its clock step under libfaketime at the
 * hours that break date code (after midnight UTC, late evening in the task force's zone, the
 * daylight-saving changes; server/cli/testClock.ts). Never read `new Date()` in a service for
 * "today": ask `todayIn`.
 */
import { dateInZone } from "./dates";

export function currentTime(): Date {
  return new Date();
}

/** Today's calendar date (YYYY-MM-DD) in an IANA time zone, at `at` (default: now). */
export function todayIn(timeZone: string, at: Date = currentTime()): string {
  return dateInZone(at, timeZone);
}
