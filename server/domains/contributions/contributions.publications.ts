import { inTransaction, type Database } from "@/server/lib/unitOfWork";
import type { PublishedFigures } from "@/db/schema";
import { smallCellThreshold } from "@/server/env";
import { recordAudit } from "@/server/domains/audit/audit.service";
import { publishFigures, type FigureLine } from "@/server/domains/privacy/suppression";
import { columnKey, SERVICE_TYPES, SERVICES_TOTAL, SIMPLE_MEASURES, VICTIM_RELATED_MEASURES } from "./contributions.measures";
import { insertPublication, listLatestPublications, listReportingOrganizations, listReportsOfPeriods, sumSubmittedValues, type ReportRow } from "./contributions.queries";
import type { ContributionSettings } from "./contributions.rules";
import { settingsOf } from "./contributions.service";
import { dueOnOf, hasEnded, type Period } from "./periods";

/*
 * Publication of a period's victim-related counts to outsiders (funders, and progress reports, which
 * are documents for outside use). A period is published once it has ended, has a submitted report,
 * and either every expected organization has submitted or its reports are due; until then outsiders
 * see none of its counts.
 * A later report or correction makes a new version, which may only show less of what was shown
 * (server/domains/privacy/suppression.ts, rules 1 and 5). Publishing happens when someone first
 * reads the period after that moment — the result is the same whoever reads — and is audited.
 */

/** Each count alone; services by type with their total. */
export const FIGURE_LINES: readonly FigureLine[] = [
  ...SIMPLE_MEASURES.filter((measure) => VICTIM_RELATED_MEASURES.has(measure)).map((measure) => ({ key: measure, cells: [measure], total: null })),
  { key: "services", cells: SERVICE_TYPES.map((type) => columnKey("services", type)), total: SERVICES_TOTAL },
];

/** What publishing needs to know of a report. */
type ReportStatus = Pick<ReportRow, "period" | "organizationId" | "status" | "updatedAt">;

export interface Publication {
  version: number;
  publishedAt: Date;
  figures: PublishedFigures;
}

const sameFigures = (a: PublishedFigures, b: PublishedFigures) =>
  JSON.stringify(Object.entries(a.cells).sort()) === JSON.stringify(Object.entries(b.cells).sort()) && [...a.locked].sort().join() === [...b.locked].sort().join();

/**
 * The latest publication of each of the periods (null where a period is not published), publishing
 * first whatever has become due: an unpublished period whose time has come, or a published one
 * whose reports changed since. In the steady state this is two queries.
 */
export async function publicationsOf(
  db: Database,
  taskForceId: string,
  periods: readonly Period[],
  today: string,
  now: Date,
  /** What the caller has read already: the task force's settings and the periods' reports (all of them). */
  known: { settings?: ContributionSettings; reports?: readonly ReportStatus[] } = {},
): Promise<Map<string, Publication | null>> {
  const keys = periods.map((period) => period.key);
  const [latestRows, reports, settings] = await Promise.all([
    listLatestPublications(db, taskForceId, keys),
    known.reports ?? listReportsOfPeriods(db, [taskForceId], keys),
    known.settings ?? settingsOf(db, taskForceId),
  ]);
  const latest = new Map<string, Publication>(latestRows.map((row) => [row.period, row]));

  const ready = await Promise.all(
    periods.map(async (period) => {
      if (!hasEnded(period, today)) return false;
      const published = latest.get(period.key);
      if (published) return reports.some((report) => report.period === period.key && report.updatedAt > published.publishedAt);
      const submitted = new Set(reports.filter((report) => report.period === period.key && report.status === "submitted").map((report) => report.organizationId));
      // Nothing to publish before the first report: publishing zeros would only hold back what comes.
      if (submitted.size === 0) return false;
      if (today > dueOnOf(period, settings.dueDays)) return true;
      // Not due yet: published early only when every organization expected to report has submitted.
      const expected = await listReportingOrganizations(db, [taskForceId], period);
      return expected.every((organization) => submitted.has(organization.id));
    }),
  );
  const due = periods.filter((_, index) => ready[index]);
  if (due.length > 0) {
    const sums = await sumSubmittedValues(db, taskForceId, due.map((period) => period.key));
    const threshold = smallCellThreshold();
    for (const period of due) {
      const values: Record<string, number> = {};
      for (const row of sums) {
        if (row.period !== period.key || !VICTIM_RELATED_MEASURES.has(row.measure as never)) continue;
        const key = columnKey(row.measure, row.dimension);
        values[key] = (values[key] ?? 0) + row.value;
      }
      const previous = latest.get(period.key) ?? null;
      const figures = publishFigures(values, FIGURE_LINES, threshold, previous?.figures ?? null);
      if (previous && sameFigures(previous.figures, figures)) continue;
      const version = (previous?.version ?? 0) + 1;
      const inserted = await inTransaction(async (tx) => {
        if (!(await insertPublication(tx, { taskForceId, period: period.key, version, figures, publishedAt: now }))) return false;
        await recordAudit(tx, { taskForceId, actorUserId: null }, {
          entity: "contributionPublication",
          entityId: period.key,
          action: "publish",
          changes: { version: { from: previous?.version ?? null, to: version } },
        });
        return true;
      });
      if (inserted) latest.set(period.key, { version, publishedAt: now, figures });
      else {
        // Published by a concurrent request: read what it published.
        const [row] = await listLatestPublications(db, taskForceId, [period.key]);
        if (row) latest.set(period.key, row);
      }
    }
  }
  return new Map(keys.map((key) => [key, latest.get(key) ?? null]));
}

/** What a view may say about a publication (never its figures' raw inputs). */
export const publicationInfo = (publication: Publication | null | undefined) => (publication ? { version: publication.version, publishedAt: publication.publishedAt } : null);
