import { DomainError } from "@/server/errors";
import { addDays } from "./dates";

/*
 * Due dates of work someone holds (gaps, action items, a meeting's actions): one place decides what
 * "overdue" and "due soon" mean, so a badge, a chart and a reminder never disagree.
 */

/** Days ahead (today included through today + 7) in which something counts as due soon. */
export const DUE_SOON_DAYS = 7;

/** "overdue": due before today; "dueSoon": due today or within 7 days; "later"; "none" when done or without a date. */
export type DueState = "overdue" | "dueSoon" | "later" | "none";

export function dueState(dueOn: string | null, today: string, finished: boolean): DueState {
  if (finished || dueOn === null) return "none";
  if (dueOn < today) return "overdue";
  if (dueOn <= addDays(today, DUE_SOON_DAYS)) return "dueSoon";
  return "later";
}

/** New work cannot be due in the past (`today` is the task force's date). */
export function assertDueNotPast(dueOn: string | null | undefined, today: string) {
  if (dueOn && dueOn < today) throw new DomainError("INVALID", "dueOnPast", { today }, "dueOn");
}
