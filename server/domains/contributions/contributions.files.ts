import ExcelJS from "exceljs";
import { getDb, inTransaction } from "@/server/lib/unitOfWork";
import { currencyNumberFormat, DEFAULT_LOCALE, serverTranslator } from "@/server/lib/translate";
import { PROGRAM_CURRENCY } from "@/db/vocabulary/grants";
import { can } from "@/server/auth/permissions";
import { DomainError } from "@/server/errors";
import type { TaskForceScope } from "@/server/trpc/context";
import type { Shown } from "@/server/domains/privacy/suppression";
import { TABLE_COLUMNS, type TableColumn } from "./contributions.measures";
import { listReportingOrganizations, listReportsOfPeriods } from "./contributions.queries";
import { parseContributionsCsv, TEMPLATE_COLUMNS, toCsv, type CsvProblem } from "./contributions.csv";
import type { ExportInput, ImportCsvInput, PeriodInput } from "./contributions.schemas";
import { calendarOf, periodOrRefuse, settingsOf, writeReport } from "./contributions.service";
import { getPeriodTable, type PeriodTable, type TableRow } from "./contributions.views";
import { hasEnded, type Period } from "./periods";
import { currentTime } from "@/server/lib/clock";

/*
 * Files of a period's contributions: the import template, the CSV import (all rows or none), and the
 * CSV/XLSX export of exactly the table the screen shows (getPeriodTable), suppression included.
 * Files travel as text (CSV) or base64 (XLSX) through tRPC, so the same permission resolution
 * applies; the download route handlers only call these procedures.
 */

/** The file's words, in the language of the person who asked for it. */
type Labels = ReturnType<typeof serverTranslator<"contributions.file">>;

export interface ContributionFile {
  fileName: string;
  contentType: string;
  /** The file's bytes as base64. */
  base64: string;
}

const slugPart = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");

function fileName(scope: TaskForceScope, period: string, kind: string, extension: string, today: string) {
  return `${slugPart(scope.taskForceSlug)}-contributions-${period}-${kind}-${today}.${extension}`;
}

/** The organizations a caller may import for in a period: every reporting one (coordinators) or their own (members). */
async function importableOrganizations(scope: TaskForceScope, period: Period) {
  const organizations = await listReportingOrganizations(await getDb(), [scope.taskForceId], period);
  return can(scope.role, "contribution.manage") ? organizations : organizations.filter((organization) => organization.id === scope.organizationId);
}

export async function contributionsTemplate(scope: TaskForceScope, input: PeriodInput, now = currentTime()): Promise<ContributionFile> {
  const { today } = calendarOf(scope, now);
  const period = periodOrRefuse(input.period, today);
  const organizations = await importableOrganizations(scope, period);
  const csv = toCsv([TEMPLATE_COLUMNS, ...organizations.map((organization) => [organization.name, ...TEMPLATE_COLUMNS.slice(1).map(() => null)])]);
  return { fileName: fileName(scope, period.key, "template", "csv", today), contentType: "text/csv; charset=utf-8", base64: Buffer.from(csv).toString("base64") };
}

export interface ImportProblem extends Omit<CsvProblem, "value" | "key"> {
  key: CsvProblem["key"] | "importUnknownOrganization" | "importOtherOrganization" | "importAlreadySubmitted";
  values: Record<string, string>;
}

/**
 * Imports one period's contributions from CSV: every row is checked first (format, organization,
 * permission, not yet submitted); any problem and nothing is imported. Imported reports are
 * submitted, with the late flag as for a submission by hand.
 */
export async function importContributionsCsv(scope: TaskForceScope, input: ImportCsvInput, now = currentTime()) {
  const parsed = parseContributionsCsv(input.csv);
  const problems: ImportProblem[] = parsed.problems.map(({ value, ...problem }): ImportProblem => ({ ...problem, values: value === undefined ? {} : { value } }));
  if (problems.length) return { imported: 0, problems };
  return inTransaction(async (tx) => {
    const { today } = calendarOf(scope, now);
    const period = periodOrRefuse(input.period, today);
    if (!hasEnded(period, today)) throw new DomainError("INVALID", "contributionPeriodNotEnded", { period: period.key, end: period.end }, "period");
    const settings = await settingsOf(tx, scope.taskForceId);
    const [organizations, reports] = await Promise.all([listReportingOrganizations(tx, [scope.taskForceId], period), listReportsOfPeriods(tx, [scope.taskForceId], [period.key])]);
    const byName = new Map(organizations.map((organization) => [organization.name.trim().toLowerCase(), organization]));
    const submitted = new Set(reports.filter((report) => report.status === "submitted").map((report) => report.organizationId));
    const manages = can(scope.role, "contribution.manage");
    const targets: { organizationId: string; row: (typeof parsed.rows)[number] }[] = [];
    for (const row of parsed.rows) {
      const organization = byName.get(row.organization.toLowerCase());
      const problem = (key: ImportProblem["key"]) => problems.push({ line: row.line, column: "organization", key, values: { value: row.organization } });
      if (!organization) problem("importUnknownOrganization");
      else if (!manages && organization.id !== scope.organizationId) problem("importOtherOrganization");
      else if (submitted.has(organization.id)) problem("importAlreadySubmitted");
      else targets.push({ organizationId: organization.id, row });
    }
    if (problems.length) return { imported: 0, problems };
    for (const target of targets) {
      await writeReport(
        tx,
        scope,
        { period, organizationId: target.organizationId, version: null, today, dueDays: settings.dueDays },
        target.row.content,
        { submit: true, action: "import" },
        now,
      );
    }
    return { imported: targets.length, problems };
  });
}

/* ---------- export ---------- */

function rowLabel(row: TableRow, labels: Labels): string {
  if (row.kind === "organization") return row.name ?? "";
  return labels(row.kind === "all" ? "allOrganizations" : "otherOrganizations");
}

/** A cell as a spreadsheet value: numbers as numbers (money in dollars), "suppressed" as text. */
function cellValue(column: TableColumn, cell: Shown | undefined, labels: Labels): number | string | null {
  if (!cell) return null;
  if (cell.suppressed) return labels("suppressed");
  return column.kind === "money" ? cell.value / 100 : cell.value;
}

const META_COLUMNS = ["organization", "status", "late", "submitted_at", "organizations_reporting"] as const;

function exportRows(table: PeriodTable, labels: Labels) {
  const header = [...META_COLUMNS, ...TABLE_COLUMNS.map((column) => column.csv), "in_kind_description"];
  const rows = table.rows.map((row) => ({
    label: rowLabel(row, labels),
    status: row.status ? labels(`status.${row.status}`) : null,
    late: row.late === null ? null : labels(row.late ? "yes" : "no"),
    submittedAt: row.submittedAt,
    reporting: row.reporting,
    cells: TABLE_COLUMNS.map((column) => cellValue(column, row.cells[column.key], labels)),
    descriptions: row.inKindDescriptions,
  }));
  return { header, rows };
}

/** The period's table as the screen shows it, as CSV or XLSX; its words (not its column codes) in the caller's language. */
export async function exportContributions(scope: TaskForceScope, input: ExportInput, now = currentTime()): Promise<ContributionFile> {
  const locale = scope.locale ?? DEFAULT_LOCALE;
  const table = await getPeriodTable(scope, { period: input.period }, now);
  const today = calendarOf(scope, now).today;
  const labels = serverTranslator("contributions.file", locale);
  const { header, rows } = exportRows(table, labels);
  const name = (extension: string) => fileName(scope, table.period.key, table.suppressed ? "suppressed" : table.access, extension, today);
  if (input.format === "csv") {
    const csv = toCsv([
      header,
      ...rows.map((row) => [row.label, row.status, row.late, row.submittedAt?.toISOString() ?? null, row.reporting, ...row.cells, row.descriptions]),
    ]);
    return { fileName: name("csv"), contentType: "text/csv; charset=utf-8", base64: Buffer.from(csv).toString("base64") };
  }
  const workbook = new ExcelJS.Workbook();
  workbook.created = now;
  const sheet = workbook.addWorksheet(labels("sheetName", { period: table.period.key }));
  sheet.addRow(header);
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow([row.label, row.status, row.late, row.submittedAt, row.reporting, ...row.cells, row.descriptions]);
  sheet.getColumn(4).numFmt = "yyyy-mm-dd hh:mm";
  TABLE_COLUMNS.forEach((column, index) => {
    if (column.kind === "money") sheet.getColumn(META_COLUMNS.length + index + 1).numFmt = currencyNumberFormat(PROGRAM_CURRENCY, locale);
  });
  sheet.views = [{ state: "frozen", xSplit: 1, ySplit: 1 }];
  const about = workbook.addWorksheet(labels("aboutSheet"));
  about.addRows([
    [labels("aboutTaskForce"), table.taskForceName],
    [labels("aboutPeriod"), table.period.key],
    [labels("aboutPeriodStart"), new Date(`${table.period.start}T00:00:00Z`)],
    [labels("aboutPeriodEnd"), new Date(`${table.period.end}T00:00:00Z`)],
    [labels("aboutGenerated"), now],
    [labels("aboutSubmittedOnly")],
    ...(table.suppressed ? [[labels("aboutSuppressed", { threshold: table.threshold })]] : []),
  ]);
  about.getCell("B3").numFmt = "yyyy-mm-dd";
  about.getCell("B4").numFmt = "yyyy-mm-dd";
  about.getCell("B5").numFmt = "yyyy-mm-dd hh:mm";
  about.getColumn(1).width = 40;
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  return { fileName: name("xlsx"), contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", base64: buffer.toString("base64") };
}
