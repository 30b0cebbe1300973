import { getDb, inTransaction } from "@/server/lib/unitOfWork";
import { serverTranslator } from "@/server/lib/translate";
import type { ReportContent } from "@/db/schema";
import { can } from "@/server/auth/permissions";
import { DomainError } from "@/server/errors";
import { todayOfScope, type TaskForceScope } from "@/server/trpc/context";
import { recordAudit } from "@/server/domains/audit/audit.service";
import { findGrant, findGrantReport, insertGrantReport, listGrantReports, listGrants } from "@/server/domains/grants";
import { reportingPeriods } from "@/server/domains/grants/grants.rules";
import { REPORT_SECTIONS } from "./sections";
import type { GenerateReportInput, ReportInput } from "./reports.schemas";
import { currentTime } from "@/server/lib/clock";

/*
 * Progress reports per reporting period. Generating builds every section from live data and keeps
 * the result as a snapshot, so its print view, XLSX and CSV agree and the task force can show what
 * it handed over. Readers without grant.readInternal (funders) get reports built from shared
 * records only ("funder" audience) and never see reports made for the task force itself. Only the
 * latter — the coordinator's — are reports of record: they count toward the reporting requirement
 * and clear overdue warnings; a funder's own reports never do (grants.queries.ts, ofRecord).
 */

const audienceOf = (scope: TaskForceScope) => (can(scope.role, "grant.readInternal") ? "internal" : "funder");

/** Awards with their reporting periods (ended or current) and the reports the caller may open. */
export async function listReportOptions(scope: TaskForceScope, now = currentTime()) {
  const db = await getDb();
  const today = todayOfScope(scope, now);
  const [grants, reports] = await Promise.all([listGrants(db, [scope.taskForceId]), listGrantReports(db, scope.taskForceId)]);
  const audience = audienceOf(scope);
  return {
    today,
    grants: grants.map((grant) => ({
      id: grant.id,
      awardNumber: grant.awardNumber,
      program: grant.program,
      // Periods that have begun: a report for the current one shows progress so far.
      periods: reportingPeriods(grant).filter((period) => period.start <= today),
    })),
    reports: reports.filter((report) => audience === "internal" || report.audience === "funder"),
  };
}

/** Builds the report from committed data (reads outside the write), then stores it with its audit entry. */
export async function generateReport(scope: TaskForceScope, input: GenerateReportInput, now = currentTime()) {
  const db = await getDb();
  const grant = await findGrant(db, scope.taskForceId, input.grantId);
  if (!grant) throw new DomainError("NOT_FOUND", "grantNotFound");
  const today = todayOfScope(scope, now);
  const taskForce = { id: scope.taskForceId, slug: scope.taskForceSlug, name: scope.taskForceName, timeZone: scope.timeZone };
  const period = reportingPeriods(grant).find((candidate) => candidate.end === input.periodEnd);
  if (!period) throw new DomainError("INVALID", "unknownReportingPeriod", {}, "periodEnd");
  if (period.start > today) throw new DomainError("INVALID", "reportingPeriodNotStarted", {}, "periodEnd");
  const audience = audienceOf(scope);
  const t = serverTranslator();
  const context = { db, scope, taskForce, grantId: grant.id, period, audience, now, t } as const;
  const sections = await Promise.all(REPORT_SECTIONS.map(async (builder) => ({ key: builder.key, ...(await builder.build(context)) })));
  const content: ReportContent = {
    title: t("reports.documentTitle", { taskForce: taskForce.name }),
    taskForceName: taskForce.name,
    taskForceSlug: taskForce.slug,
    grant: {
      funderName: grant.funderName,
      program: grant.program,
      awardNumber: grant.awardNumber,
      amount: grant.amount,
      periodStart: grant.periodStart,
      periodEnd: grant.periodEnd,
    },
    period: { start: period.start, end: period.end, dueOn: period.dueOn },
    sections,
  };
  return inTransaction(async (tx) => {
    const report = await insertGrantReport(tx, {
      taskForceId: scope.taskForceId,
      grantId: grant.id,
      periodStart: period.start,
      periodEnd: period.end,
      audience,
      content,
      generatedByUserId: scope.userId,
      generatedAt: now,
    });
    await recordAudit(tx, { taskForceId: scope.taskForceId, actorUserId: scope.userId }, {
      entity: "grantReport",
      entityId: report.id,
      action: "generate",
      changes: { grantId: { from: null, to: grant.id }, period: { from: null, to: `${period.start}/${period.end}` }, audience: { from: null, to: audience } },
    });
    return { id: report.id };
  });
}

export async function getReport(scope: TaskForceScope, input: ReportInput) {
  const report = await findGrantReport(await getDb(), scope.taskForceId, input.reportId);
  // A funder is told a report made for the task force itself does not exist.
  if (!report || (audienceOf(scope) === "funder" && report.audience !== "funder")) throw new DomainError("NOT_FOUND", "reportNotFound");
  return report;
}
