import { getDb } from "@/server/lib/unitOfWork";
import { can } from "@/server/auth/permissions";
import { currentTime } from "@/server/lib/clock";
import { todayOfScope, type TaskForceScope } from "@/server/trpc/context";
import { findReport, listReportingOrganizations } from "./contributions.queries";
import type { ContributionSettings } from "./contributions.rules";
import { settingsOf } from "./contributions.service";
import { dueOnOf, periodContaining, previousPeriod } from "./periods";

/**
 * The report asked for on `today` (the task force's date): that of the last period that has ended,
 * due `dueDays` after its end. The reminder job and a person's tasks ask the same question.
 */
export function dueReportOf(settings: ContributionSettings, today: string) {
  const period = previousPeriod(periodContaining(today, settings.periodLength));
  return { period, dueOn: dueOnOf(period, settings.dueDays) };
}

/**
 * The caller's organization's report asked for now, while it is not submitted: missing, a draft or
 * returned for correction, and whether it is overdue (the contributions item of their tasks). Null
 * when the caller submits for no organization or theirs is not expected to report for that period.
 */
export async function reportTaskOf(scope: TaskForceScope, now = currentTime()) {
  const organizationId = scope.organizationId;
  if (!organizationId || !can(scope.role, "contribution.submit")) return null;
  const db = await getDb();
  const today = todayOfScope(scope, now);
  const { period, dueOn } = dueReportOf(await settingsOf(db, scope.taskForceId), today);
  const [expected, report] = await Promise.all([
    listReportingOrganizations(db, [scope.taskForceId], period),
    findReport(db, scope.taskForceId, organizationId, period.key),
  ]);
  if (!expected.some((organization) => organization.id === organizationId)) return null;
  if (report?.status === "submitted") return null;
  return { period: period.key, dueOn, overdue: today > dueOn, status: report?.status ?? ("missing" as const) };
}
