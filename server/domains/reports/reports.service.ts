import { getDb, inTransaction } from "@/server/lib/unitOfWork";
import { catalogTranslator, DEFAULT_LOCALE, type ServerTranslator } from "@/server/lib/translate";
import type { ReportContent } from "@/db/schema";
import { can } from "@/server/auth/permissions";
import { DomainError } from "@/server/errors";
import { todayOfScope, type TaskForceScope } from "@/server/trpc/context";
import { recordAudit } from "@/server/domains/audit/audit.service";
import { findGrant, findGrantReport, insertGrantReport, listGrantReports, listGrants } from "@/server/domains/grants";
import { reportingPeriods } from "@/server/domains/grants/grants.rules";
import { REPORT_SECTIONS, type ReportContext } from "./sections";
import { compareSection, comparesSomething, type ComparisonWords } from "./comparison.rules";
import type { GenerateReportInput, ReportInput } from "./reports.schemas";
import { currentTime } from "@/server/lib/clock";

/*
 * Progress reports per reporting period. Generating builds every section from live data and keeps
 * the result as a snapshot, so its print view, XLSX and CSV agree and the task force can show what
 * it handed over. Readers without grant.readInternal (funders) get reports built from shared
 * records only ("funder" audience) and never see reports made for the task force itself. Only the
 * latter — the coordinator's — are reports of record: they count toward the reporting requirement
 * and clear overdue warnings; a funder's own reports never do (grants.queries.ts, ofRecord).
 *
 * Each report also holds the previous reporting period's figures beside its own, built the same way
 * for that period at the same moment (not read from an earlier report, which may not exist or may
 * be of another audience), so a stored report stays what was handed over. A funder's report builds
 * them as a funder's: the victim-related counts as that period's published, suppressed figures —
 * the very numbers its period pages and its own report show now.
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
/**
 * Generates the report of record for a period, its headings and sentences in the language of whoever
 * generates it (scope.locale): the stored report reads the same for everyone, as a filed document does.
 */
export async function generateReport(scope: TaskForceScope, input: GenerateReportInput, now = currentTime()) {
  const locale = scope.locale ?? DEFAULT_LOCALE;
  const db = await getDb();
  const grant = await findGrant(db, scope.taskForceId, input.grantId);
  if (!grant) throw new DomainError("NOT_FOUND", "grantNotFound");
  const today = todayOfScope(scope, now);
  const taskForce = { id: scope.taskForceId, slug: scope.taskForceSlug, name: scope.taskForceName, timeZone: scope.timeZone };
  const periods = reportingPeriods(grant);
  const index = periods.findIndex((candidate) => candidate.end === input.periodEnd);
  const period = periods[index];
  if (!period) throw new DomainError("INVALID", "unknownReportingPeriod", {}, "periodEnd");
  // The award's first period has none before it: its figures stand alone ("—", not 0).
  const previous = periods[index - 1] ?? null;
  if (period.start > today) throw new DomainError("INVALID", "reportingPeriodNotStarted", {}, "periodEnd");
  const audience = audienceOf(scope);
  const t = catalogTranslator(locale);
  const context: ReportContext = { db, scope, taskForce, grantId: grant.id, period, audience, now, t };
  const words = comparisonWords(t, previous !== null);
  const sections = await Promise.all(
    REPORT_SECTIONS.map(async (builder) => {
      const current = await builder.build(context);
      const before = previous && comparesSomething(current) ? await builder.build({ ...context, period: previous }) : null;
      return { key: builder.key, ...compareSection(current, before, words) };
    }),
  );
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
    comparedWith: previous ? { start: previous.start, end: previous.end } : null,
    sections,
    locale,
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

function comparisonWords(t: ServerTranslator, hasPrevious: boolean): ComparisonWords {
  // In the award's first period the heading says why the previous figures are blank.
  const previousKey = hasPrevious ? "reports.comparison.previousHeader" : "reports.comparison.noPreviousHeader";
  return {
    suppressed: t("suppression.suppressed"),
    previousHeader: (figure) => t(previousKey, { figure }),
    changeHeader: (figure) => t("reports.comparison.changeHeader", { figure }),
    changePercentHeader: (figure) => t("reports.comparison.changePercentHeader", { figure }),
    totalsHeader: [
      t("reports.comparison.figure"),
      t("reports.comparison.thisPeriod"),
      t(hasPrevious ? "reports.comparison.previousPeriod" : "reports.comparison.noPreviousPeriod"),
      t("reports.comparison.change"),
      t("reports.comparison.changePercent"),
    ],
  };
}

export async function getReport(scope: TaskForceScope, input: ReportInput) {
  const report = await findGrantReport(await getDb(), scope.taskForceId, input.reportId);
  // A funder is told a report made for the task force itself does not exist.
  if (!report || (audienceOf(scope) === "funder" && report.audience !== "funder")) throw new DomainError("NOT_FOUND", "reportNotFound");
  return report;
}
