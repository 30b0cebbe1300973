import type { ReportCell, ReportColumn, ReportSectionContent } from "@/db/schema";
import { dateInZone } from "@/server/lib/dates";
import { currentTime } from "@/server/lib/clock";
import { DEFAULT_LOCALE, serverTranslator } from "@/server/lib/translate";
import type { FunderScope } from "@/server/trpc/context";
import { sectionsToXlsx, sectionToCsv } from "@/server/domains/reports/reports.export";
import type { ExportPortfolioInput } from "./funder.schemas";
import { getPortfolio, type PortfolioRow } from "./funder.service";

/*
 * The funder portfolio as files, from the rows the page shows (getPortfolio) through the one
 * writer of figure tables (reports.export.ts): an XLSX with the portfolio table and each chart's
 * table on a sheet of its own, or the portfolio table as CSV. Nothing is worked out here that the
 * page does not show: a level the rating-group rules withhold is as empty in the file as on the
 * page, and no victim-related count is in the portfolio at all.
 */

/** The file's words, in the language of the funder who asked for it. */
type Words = ReturnType<typeof serverTranslator<"funder">>;

const text = (key: string, header: string): ReportColumn => ({ key, header, type: "text" });
const number = (key: string, header: string): ReportColumn => ({ key, header, type: "number" });
const percent = (key: string, header: string): ReportColumn => ({ key, header, type: "percent" });
const date = (key: string, header: string): ReportColumn => ({ key, header, type: "date" });

/** A share (0..1) as a number of percent with one decimal, as report columns hold them. */
const asPercent = (share: number | null): number | null => (share === null ? null : Math.round(share * 1000) / 10);

/** A level as the page writes it: one decimal, or the page's sign for "no value". */
const levelText = (level: number | null, noValue: string) => (level === null ? noValue : level.toFixed(1));

function portfolioSection(rows: readonly PortfolioRow[], t: Words, noValue: string): ReportSectionContent {
  return {
    key: "portfolio",
    title: t("export.portfolioSheet"),
    columns: [
      text("taskForce", t("taskForceColumn")),
      text("access", t("accessColumn")),
      text("areas", t("stageColumn")),
      text("round", t("export.roundColumn")),
      number("requirementsMet", t("progressColumn")),
      number("requirementsApplicable", t("export.requirementsApplicableColumn")),
      percent("requirementsShare", t("export.requirementsShareColumn")),
      number("reportsGenerated", t("reportingColumn")),
      number("reportingPeriodsEnded", t("export.periodsEndedColumn")),
      number("reportsOverdue", t("export.reportsOverdueColumn")),
      text("contributionsPeriod", t("export.contributionsPeriodColumn")),
      number("organizationsReported", t("export.organizationsReportedColumn")),
      number("organizationsExpected", t("export.organizationsExpectedColumn")),
      percent("reportingRate", t("export.reportingRateColumn")),
      number("openGaps", t("openGapsColumn")),
      date("lastFullMeeting", t("lastFullMeetingColumn")),
      date("nextReportDue", t("nextDueColumn")),
      date("dataUpdated", t("freshnessColumn")),
    ],
    rows: rows.map((row): Record<string, ReportCell> => {
      const contributions = row.contributions;
      const reported = contributions !== null && contributions.expected > 0;
      return {
        taskForce: row.name,
        access: row.programs.length > 0 ? row.programs.join("; ") : t("byInvitation"),
        areas: row.areas.length > 0 ? row.areas.map((area) => t("areaLevel", { key: area.key, name: area.name, level: levelText(area.level, noValue) })).join("; ") : t("noRound"),
        round: row.lastRound?.title ?? null,
        requirementsMet: row.progress.met,
        requirementsApplicable: row.progress.total - row.progress.notApplicable,
        requirementsShare: asPercent(row.progress.share),
        reportsGenerated: row.reporting.reported,
        reportingPeriodsEnded: row.reporting.ended,
        reportsOverdue: row.reporting.overdue,
        contributionsPeriod: contributions?.period ?? null,
        organizationsReported: reported ? contributions.submitted : null,
        organizationsExpected: contributions?.expected ?? null,
        reportingRate: reported ? asPercent(contributions.reportingRate) : null,
        openGaps: row.openGaps,
        lastFullMeeting: row.lastFullMeetingOn,
        nextReportDue: row.nextDue?.dueOn ?? null,
        dataUpdated: row.updatedAt ? dateInZone(row.updatedAt, row.timeZone) : null,
      };
    }),
    totals: [],
  };
}

/** The table of the roadmap-level chart: each task force's areas in its latest closed round and the one before. */
function areaLevelsSection(rows: readonly PortfolioRow[], t: Words): ReportSectionContent {
  return {
    key: "areaLevels",
    title: t("charts.levelsCaption"),
    sheetName: t("export.levelsSheet"),
    columns: [
      text("taskForce", t("taskForceColumn")),
      text("area", t("charts.areaColumn")),
      text("round", t("export.roundColumn")),
      number("level", t("export.levelColumn")),
      text("previousRound", t("export.previousRoundColumn")),
      number("previousLevel", t("export.previousLevelColumn")),
    ],
    rows: rows.flatMap((row) =>
      row.areas.map((area) => ({
        taskForce: row.name,
        area: t("charts.areaName", { key: area.key, name: area.name }),
        round: row.lastRound?.title ?? null,
        level: area.level,
        previousRound: row.previousRound?.title ?? null,
        previousLevel: area.previous,
      })),
    ),
    totals: [],
  };
}

/** The table of the contributions-reporting chart: each task force's last ended periods. */
function contributionReportingSection(rows: readonly PortfolioRow[], t: Words): ReportSectionContent {
  return {
    key: "contributionReporting",
    title: t("charts.completenessCaption"),
    sheetName: t("export.completenessSheet"),
    columns: [
      text("taskForce", t("taskForceColumn")),
      text("period", t("charts.periodColumn")),
      date("periodStart", t("export.periodStartColumn")),
      date("periodEnd", t("export.periodEndColumn")),
      number("organizationsExpected", t("export.organizationsExpectedColumn")),
      number("organizationsReported", t("export.organizationsReportedColumn")),
      percent("reportingRate", t("export.reportingRateColumn")),
    ],
    rows: rows.flatMap((row) =>
      row.contributionPeriods.map((period) => ({
        taskForce: row.name,
        period: period.period,
        periodStart: period.start,
        periodEnd: period.end,
        organizationsExpected: period.expected,
        organizationsReported: period.submitted,
        reportingRate: period.expected > 0 ? asPercent(period.reportingRate) : null,
      })),
    ),
    totals: [],
  };
}

/** The table of the requirements chart: each award's counts on each day it has them. */
function requirementsSection(rows: readonly PortfolioRow[], t: Words): ReportSectionContent {
  return {
    key: "requirements",
    title: t("charts.requirementsCaption"),
    sheetName: t("export.requirementsSheet"),
    columns: [
      text("taskForce", t("taskForceColumn")),
      text("award", t("charts.awardColumn")),
      date("date", t("charts.dateColumn")),
      number("met", t("charts.met")),
      number("inProgress", t("charts.inProgress")),
      number("notStarted", t("charts.notStarted")),
    ],
    rows: rows.flatMap((row) =>
      row.requirementSeries.flatMap((series) => series.points.map((point) => ({ taskForce: row.name, award: series.awardNumber, ...point }))),
    ),
    totals: [],
  };
}

/** The portfolio's tables as the files lay them out: the portfolio table first, then each chart's. */
function portfolioSections(rows: readonly PortfolioRow[], t: Words, noValue: string): ReportSectionContent[] {
  return [portfolioSection(rows, t, noValue), areaLevelsSection(rows, t), contributionReportingSection(rows, t), requirementsSection(rows, t)];
}

/** The portfolio as CSV (its table) or XLSX (its table and each chart's), headed in `locale`. */
export async function exportPortfolio(funder: FunderScope, input: ExportPortfolioInput, now = currentTime()) {
  const locale = funder.locale ?? DEFAULT_LOCALE;
  const rows = await getPortfolio(funder, now);
  const t = serverTranslator("funder", locale);
  const noValue = serverTranslator("charts", locale)("noValue");
  // The task forces keep different zones: the file is named by the day it was made in UTC.
  const fileName = (extension: string) => `funder-portfolio_generated-${now.toISOString().slice(0, 10)}.${extension}`;
  if (input.format === "csv") {
    const csv = `\uFEFF${sectionToCsv(portfolioSection(rows, t, noValue))}`;
    return { fileName: fileName("csv"), contentType: "text/csv; charset=utf-8", base64: Buffer.from(csv).toString("base64") };
  }
  const workbook = await sectionsToXlsx(t("title"), portfolioSections(rows, t, noValue), now);
  return { fileName: fileName("xlsx"), contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", base64: workbook.toString("base64") };
}
