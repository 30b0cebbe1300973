import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { createTranslator } from "next-intl";
import messages from "@/app/i18n/messages/en.json";
import { callerFor } from "@/server/testing/factories";
import type { SessionUser } from "@/server/trpc/context";
import { SERVICE_TYPES, SERVICES_TOTAL, TABLE_COLUMNS } from "@/server/domains/contributions/contributions.measures";
import type { SaveReportInput } from "@/server/domains/contributions/contributions.schemas";
import { parsePeriod, periodContaining, previousPeriod } from "@/server/domains/contributions/periods";
import type { Shown } from "@/server/domains/privacy/suppression";
import { reportToXlsx, sectionToCsv } from "@/server/domains/reports/reports.export";
import { handleReportExport } from "@/server/domains/reports/reports.http";
import { PDF_MARGINS } from "@/server/domains/reports/reports.pdf";
import type { ReportColumn, ReportComparisonRole, ReportSectionContent } from "@/db/schema";
import { auditIntervals, describeLeak, type Equation, type Target } from "./intervalAudit";
import { contentOf, findText, readPdf, tableIn } from "./pdfText";

/*
 * The attacker of issue 13: a funder who keeps everything they can obtain about a task force — the
 * contributions overview, the dashboard's contributions summary, every period's table and its CSV and XLSX
 * export, a progress report for every reporting period of every award (and its CSV, XLSX and PDF,
 * with the previous period's figures and the changes beside the period's own), the
 * portfolio and dashboard figures (the portfolio's CSV and XLSX and the site-visit summary too) — at several moments, and writes it all down as equations over the
 * hidden cells: one per organization, period and victim-related measure (a new cell whenever a
 * correction changes the number). The structure of each figure (which organizations' reports it
 * adds up) is assumed known, as interval auditing does; only values are hidden. Ground truth comes
 * from the coordinator's unsuppressed tables.
 *
 * A figure published as of an earlier moment (a view that says when its figures were published)
 * adds up the reports as they stood then; anything else adds up the reports as they stand now.
 */

const SINGLE_MEASURES = ["potentialVictimsIdentified", "confirmedVictimsIdentified", "referralsMade", "referralsReceived"] as const;
const SERVICE_KEYS = SERVICE_TYPES.map((type) => `services.${type}`);
export const VICTIM_KEYS: readonly string[] = [...SINGLE_MEASURES, ...SERVICE_KEYS];
/** The cells a shown key adds up: the services total is every type. */
const cellsOfKey = (key: string): readonly string[] => (key === SERVICES_TOTAL ? SERVICE_KEYS : [key]);
const VICTIM_COLUMN_KEYS = new Set([...VICTIM_KEYS, SERVICES_TOTAL]);

const t = createTranslator({ locale: "en", messages });
const SUPPRESSED_TEXT = new Set([t("suppression.suppressed"), t("contributions.file.suppressed")]);
/** Row labels of the report's victim-counts section, back to the keys they stand for. */
const REPORT_ROW_KEYS = new Map<string, string>([
  ...SINGLE_MEASURES.map((measure) => [t(`contributions.measures.${measure}`), measure] as const),
  ...SERVICE_TYPES.map((type) => [t("reports.victimCounts.service", { type: t(`contributions.serviceTypes.${type}`) }), `services.${type}`] as const),
  [t("contributions.measures.servicesTotal"), SERVICES_TOTAL],
]);
const CSV_COLUMN_KEYS = new Map(TABLE_COLUMNS.filter((column) => VICTIM_COLUMN_KEYS.has(column.key)).map((column) => [column.csv, column.key]));

/** organization id → key → cell (variable id) of the reports counted at one moment, per period. */
type Cells = Map<string, Map<string, Map<string, number>>>;
interface State {
  at: number;
  cells: Cells;
}

type Seen = Shown | number | string | null | undefined;

export interface AttackWorld {
  name: string;
  taskForceSlug: string;
  coordinator: SessionUser;
  funder: SessionUser;
  threshold: number;
}

export interface AuditResult {
  report: string;
  leaks: number;
  equations: number;
  protectedCells: number;
  linearPrograms: number;
  views: string[];
}

export class FunderAttacker {
  private readonly values: number[] = [];
  private readonly labels: string[] = [];
  private readonly latestCell = new Map<string, number>();
  private readonly states: State[] = [];
  private readonly equations: Equation[] = [];
  private readonly hiddenFigures = new Map<string, Target>();
  private readonly views = new Set<string>();
  /** Per period, when the figures a funder sees of it were published (when views say so). */
  private published = new Map<string, number | null | undefined>();
  private periods: string[] = [];

  constructor(private readonly world: AttackWorld) {}

  private get slug() {
    return { taskForceSlug: this.world.taskForceSlug };
  }

  /** The periods the overview spans: every period the data sets of these tests report on. */
  async periodKeys(): Promise<string[]> {
    if (this.periods.length === 0) this.periods = (await callerFor(this.world.coordinator).contribution.overview(this.slug)).periods;
    return this.periods;
  }

  /** Ground truth after a change: the coordinator's unsuppressed numbers of every submitted report. */
  async recordTruth(): Promise<void> {
    const at = Date.now();
    const coordinator = callerFor(this.world.coordinator);
    const cells: Cells = new Map();
    for (const period of await this.periodKeys()) {
      const table = await coordinator.contribution.period({ ...this.slug, period });
      const ofPeriod = new Map<string, Map<string, number>>();
      for (const row of table.rows) {
        if (row.kind !== "organization" || row.status !== "submitted" || !row.organizationId) continue;
        const ofOrganization = new Map<string, number>();
        for (const key of VICTIM_KEYS) {
          const cell = row.cells[key];
          if (!cell || cell.suppressed) throw new Error(`audit: the coordinator's table hides ${key} of ${row.name}`);
          const id = `${row.organizationId}|${period}|${key}`;
          let variable = this.latestCell.get(id);
          if (variable === undefined || this.values[variable] !== cell.value) {
            const edition = variable === undefined ? "" : " (corrected)";
            variable = this.values.push(cell.value) - 1;
            this.labels.push(`${row.name} · ${period} · ${key}${edition}`);
            this.latestCell.set(id, variable);
          }
          ofOrganization.set(key, variable);
        }
        ofPeriod.set(row.organizationId, ofOrganization);
      }
      cells.set(period, ofPeriod);
    }
    this.states.push({ at, cells });
  }

  /**
   * The reports a figure of `period` adds up: as published (if the view said when), else as now;
   * none when the view says the period is not published (its figures count for nothing yet).
   */
  private stateFor(period: string): State | null {
    const publishedAt = this.published.get(period);
    const now = this.states.at(-1);
    if (!now) throw new Error("audit: record the truth before observing");
    if (publishedAt === undefined) return now;
    if (publishedAt === null) return null;
    return this.states.filter((state) => state.at <= publishedAt).at(-1) ?? (this.states[0] as State);
  }

  private termsOf(periods: readonly string[], key: string): number[] {
    const terms: number[] = [];
    for (const period of periods) {
      for (const organization of this.stateFor(period)?.cells.get(period)?.values() ?? []) {
        for (const cell of cellsOfKey(key)) terms.push(organization.get(cell)!);
      }
    }
    return terms;
  }

  /** One figure as the funder saw it: an equation when shown, a cell to protect when suppressed. */
  private see(source: string, seen: Seen, periods: readonly string[], key: string) {
    if (seen === null || seen === undefined) return;
    const terms = this.termsOf(periods, key);
    const value = shownValue(source, seen);
    if (value !== null) {
      this.equations.push({ terms, value, source });
      return;
    }
    const trueValue = terms.reduce((sum, id) => sum + (this.values[id] ?? 0), 0);
    if (trueValue < 1 || trueValue > this.world.threshold) return;
    const formKey = [...terms].sort((a, b) => a - b).join(",");
    if (!this.hiddenFigures.has(formKey)) {
      this.hiddenFigures.set(formKey, { label: `${this.world.name} · suppressed figure ${source.replace(/^\S+ /, "")}`, terms, trueValue });
    }
  }

  /**
   * A change between two periods' figures of `key` as the funder saw it: when shown, an equation
   * over both periods' cells (this one's less the previous one's). A suppressed change hides
   * nothing of its own (it is no count): the figures on either side are protected where they are seen.
   */
  private seeChange(source: string, seen: Seen, periods: readonly string[], previousPeriods: readonly string[], key: string) {
    if (seen === null || seen === undefined) return;
    const value = shownValue(source, seen);
    if (value !== null) this.equations.push({ terms: this.termsOf(periods, key), minus: this.termsOf(previousPeriods, key), value, source });
  }

  /**
   * The victim-related counts of a progress report in one of its forms (page, CSV or XLSX: a heading,
   * then rows), found by their headings: this period's count, and beside it the previous period's,
   * the change and the change in percent (issue 20). `before` is the previous period's quarters,
   * null in an award's first period, which must show none of them.
   */
  private seeReport(name: string, table: readonly (readonly unknown[])[], section: ReportSectionContent, within: readonly string[], before: readonly string[] | null) {
    const [heading = [], ...body] = table;
    const at = (column: ReportColumn | undefined) => (column ? heading.indexOf(column.header) : -1);
    const count = at(section.columns.find((column) => column.key === "count"));
    const compared = (role: ReportComparisonRole) => at(section.columns.find((column) => column.comparison?.of === "count" && column.comparison.role === role));
    const [previous, change, percent] = [compared("previous"), compared("change"), compared("changePercent")];
    if (count < 0) throw new Error(`audit: ${name} has no count column`);
    for (const row of body) {
      const key = REPORT_ROW_KEYS.get(String(row[0]));
      if (!key) continue;
      this.see(`${name}: ${key}`, asSeen(row[count]), within, key);
      const read = (index: number) => (index < 0 ? undefined : asSeen(row[index]));
      const [previousSeen, changeSeen, percentSeen] = [read(previous), read(change), read(percent)];
      if (before === null) {
        if ([previousSeen, changeSeen, percentSeen].some((seen) => seen !== undefined)) throw new Error(`audit: ${name} shows a previous figure of ${key} in an award's first period`);
        continue;
      }
      this.see(`${name}: ${key}, previous period`, previousSeen, before, key);
      this.seeChange(`${name}: ${key}, change`, changeSeen, within, before, key);
      // A change in percent is no linear figure, but it says nothing the two figures and the change do
      // not, so long as it is shown only beside them.
      const shown = (seen: Seen, what: string) => seen !== undefined && shownValue(`${name}: ${key}, ${what}`, seen) !== null;
      if (shown(percentSeen, "change in percent") && !(shown(changeSeen, "change") && shown(previousSeen, "previous period"))) {
        throw new Error(`audit: ${name} shows a change in percent of ${key} without both figures and the change`);
      }
    }
  }

  private publicationOf(holder: unknown): number | null | undefined {
    if (!holder || typeof holder !== "object" || !("publication" in holder)) return undefined;
    const publication = (holder as { publication: { publishedAt: Date | string } | null }).publication;
    return publication ? new Date(publication.publishedAt).getTime() : null;
  }

  /** Everything a funder can read, at one moment (`moment` names it in the findings). */
  async observe(moment: string): Promise<void> {
    const funder = callerFor(this.world.funder);
    const range = (periods: readonly string[]) => (periods.length > 1 ? `${periods[0]}..${periods.at(-1)}` : (periods[0] ?? ""));

    // Period tables and their exports first: they say when each period's figures were published.
    const periods = await this.periodKeys();
    const tables = new Map<string, Awaited<ReturnType<typeof funder.contribution.period>>>();
    for (const period of periods) {
      const table = await funder.contribution.period({ ...this.slug, period });
      tables.set(period, table);
      this.published.set(period, this.publicationOf(table));
    }
    for (const [period, table] of tables) {
      const all = table.rows.find((row) => row.kind === "all");
      for (const key of VICTIM_COLUMN_KEYS) this.see(`${moment} period page ${period}: ${key}`, all?.cells[key], [period], key);
      this.views.add("contribution.period");
      for (const format of ["csv", "xlsx"] as const) {
        const file = await funder.contribution.export({ ...this.slug, period, format });
        const rows = format === "csv" ? csvRows(Buffer.from(file.base64, "base64").toString("utf8")) : await xlsxRows(file.base64, 0);
        const [header, ...body] = rows;
        const allRow = body.find((row) => row[0] === t("contributions.file.allOrganizations"));
        header?.forEach((name, index) => {
          const key = CSV_COLUMN_KEYS.get(String(name));
          if (key) this.see(`${moment} ${format.toUpperCase()} export ${period}: ${key}`, asSeen(allRow?.[index]), [period], key);
        });
        this.views.add(`contribution.export (${format})`);
      }
    }

    // The dashboard's widget: money and completeness counts only. A victim-related figure appearing
    // in it would be a view this attacker cannot write equations for, so it is refused outright.
    const summary = await funder.contribution.summary(this.slug);
    const summaryKeys = [...Object.keys(summary.current), ...Object.keys(summary.lastEnded ?? {})];
    const victimKeys = summaryKeys.filter((key) => VICTIM_COLUMN_KEYS.has(key) || key.startsWith("services"));
    if (victimKeys.length > 0) throw new Error(`the dashboard's contributions summary shows victim-related figures: ${victimKeys.join(", ")}`);
    this.views.add("contribution.summary (the dashboard's contributions widget)");

    const overview = await funder.contribution.overview(this.slug);
    this.views.add("contribution.overview");
    overview.completeness.forEach((row) => {
      const publishedAt = this.publicationOf(row);
      if (publishedAt !== undefined) this.published.set(row.period, publishedAt);
    });
    const keys = overview.periods;
    const { services, identified, referrals } = overview.victimCounts;
    for (const [name, table] of Object.entries({ services, identified, referrals })) {
      for (const row of table.rows) {
        const key = name === "services" ? `services.${row.key}` : row.key;
        row.cells.forEach((cell, index) => this.see(`${moment} overview ${name}: ${key} ${keys[index]}`, cell, [keys[index]!], key));
        this.see(`${moment} overview ${name}: ${key} total ${range(keys)}`, row.total, keys, key);
      }
      table.columnTotals?.forEach((cell, index) => this.see(`${moment} overview ${name}: total of ${keys[index]}`, cell, [keys[index]!], SERVICES_TOTAL));
      this.see(`${moment} overview ${name}: grand total ${range(keys)}`, table.grandTotal, keys, SERVICES_TOTAL);
    }

    // A progress report for every reporting period of every award, generated by the funder.
    const options = await funder.report.options(this.slug);
    for (const grant of options.grants) {
      for (const period of grant.periods) {
        const { id } = await funder.report.generate({ ...this.slug, grantId: grant.id, periodEnd: period.end });
        const report = await funder.report.get({ ...this.slug, reportId: id });
        const within = quartersWithin(period.start, period.end);
        const comparedWith = report.content.comparedWith;
        if (comparedWith === undefined) throw new Error("audit: a report made now says what it is compared with");
        const before = comparedWith && quartersWithin(comparedWith.start, comparedWith.end);
        const section = report.content.sections.find((candidate) => candidate.key === "victimCounts");
        if (!section) throw new Error("audit: the report has no victim-counts section");
        const name = `${moment} report ${period.start}..${period.end}`;
        const page = [section.columns.map((column) => column.header), ...section.rows.map((row) => section.columns.map((column) => row[column.key]))];
        this.seeReport(name, page, section, within, before);
        this.seeReport(`${name} CSV`, csvRows(sectionToCsv(section)), section, within, before);
        const sheetIndex = report.content.sections.indexOf(section);
        this.seeReport(`${name} XLSX`, await xlsxRows((await reportToXlsx(report.content, report.generatedAt)).toString("base64"), sheetIndex), section, within, before);
        this.seeReport(`${name} PDF`, await this.pdfRows(id, section, report.content.sections[sheetIndex + 1]?.title), section, within, before);
        this.views.add("report.generate + report.get (and its CSV, XLSX and PDF), with the previous period's figures and the changes");
      }
    }

    // The portfolio and the other dashboard figures a funder reads carry no victim-related counts at all.
    const portfolioFile = async (format: "csv" | "xlsx") => (await funder.funder.export({ format })).base64;
    const others = {
      "funder.portfolio": await funder.funder.portfolio(),
      "funder.summary (the site-visit summary)": await funder.funder.summary(this.slug),
      "funder.export (XLSX, every sheet)": await xlsxSheets(await portfolioFile("xlsx")),
      "funder.export (CSV)": csvRows(Buffer.from(await portfolioFile("csv"), "base64").toString("utf8")),
      "grant.progress": await funder.grant.progress(this.slug),
      "dashboard.gaps": await funder.dashboard.gaps(this.slug),
    };
    for (const [view, value] of Object.entries(others)) {
      const text = JSON.stringify(value);
      const found = [...VICTIM_COLUMN_KEYS, "victim"].find((key) => text.toLowerCase().includes(key.toLowerCase()));
      if (found) throw new Error(`audit: ${view} shows a victim-related figure (${found})`);
      this.views.add(view);
    }
  }

  /**
   * The victim-counts table of a report's PDF, downloaded as the funder's link does, read as its
   * text: the section's heading, then each row of a known measure with its cells, the figures as
   * numbers again ("1,234" is 1234, "+12" is 12, "30%" is 30) and "—" blank.
   */
  private async pdfRows(reportId: string, section: ReportSectionContent, nextTitle: string | undefined): Promise<unknown[][]> {
    const { taskForceSlug } = this.world;
    const request = new Request(`http://localhost/tf/${taskForceSlug}/grants/reports/${reportId}/export?format=pdf`);
    const response = await handleReportExport(request, this.world.funder, taskForceSlug, reportId);
    if (response.status !== 200) throw new Error(`audit: the funder's PDF of report ${reportId} answered ${response.status}`);
    const pieces = contentOf(await readPdf(new Uint8Array(await response.arrayBuffer())), PDF_MARGINS.top, PDF_MARGINS.bottom);
    const start = findText(pieces, section.title)?.end;
    if (start === undefined) throw new Error(`audit: the PDF has no section "${section.title}"`);
    const end = nextTitle === undefined ? pieces.length : (findText(pieces, nextTitle, start)?.start ?? pieces.length);
    const table = tableIn(pieces.slice(start, end), section.columns.map((column) => column.header), [...REPORT_ROW_KEYS.keys()]);
    // A reading that finds fewer rows than the report has would see less than the funder does.
    if (table.length - 1 !== section.rows.length) throw new Error(`audit: read ${table.length - 1} rows of "${section.title}" in the PDF, the report has ${section.rows.length}`);
    const noValue = t("reports.noValue");
    const figure = (text: string) => (text === noValue ? "" : SUPPRESSED_TEXT.has(text) ? text : text.replace(/[,+%]/g, ""));
    return table.map((row, index) => (index === 0 ? row : [row[0], ...row.slice(1).map(figure)]));
  }

  /** Solves for every protected cell: each organization's small counts and every suppressed figure. */
  async audit(): Promise<AuditResult> {
    const threshold = this.world.threshold;
    const targets: Target[] = [
      ...this.values.flatMap((value, id) => (value >= 1 && value <= threshold ? [{ label: `${this.world.name} · ${this.labels[id]}`, terms: [id], trueValue: value }] : [])),
      ...this.hiddenFigures.values(),
    ];
    const { leaks, linearPrograms } = await auditIntervals({ equations: this.equations, targets, threshold });
    const summary = `${this.world.name}: ${this.equations.length} figures seen as equations over ${this.values.length} hidden cells, ${targets.length} protected cells, ${linearPrograms} linear programs (HiGHS), ${leaks.length} leaks`;
    return {
      report: [summary, ...leaks.map((leak) => describeLeak(leak, threshold))].join("\n"),
      leaks: leaks.length,
      equations: this.equations.length,
      protectedCells: targets.length,
      linearPrograms,
      views: [...this.views],
    };
  }

  /* ---------- changes made by the task force between two looks ---------- */

  /** Submits an organization's report (a draft, a missing one, or one returned for correction), changed by `edit`. */
  async submit(organizationId: string, period: string, edit: (content: Omit<SaveReportInput, "period" | "organizationId" | "version">) => void = () => {}) {
    // A change lands at least a millisecond after anything published before it, so that a
    // publication's time tells which state of the reports it counts.
    await new Promise((resolve) => setTimeout(resolve, 2));
    const coordinator = callerFor(this.world.coordinator);
    const form = await coordinator.contribution.report({ ...this.slug, period, organizationId });
    const content = structuredClone(form.content);
    edit(content);
    await coordinator.contribution.submit({ ...this.slug, ...content, period, organizationId, version: form.report?.version ?? null });
  }

  /** A coordinator returns a submitted report and it comes back corrected by `edit`. */
  async correct(organizationId: string, period: string, edit: (content: Omit<SaveReportInput, "period" | "organizationId" | "version">) => void) {
    const coordinator = callerFor(this.world.coordinator);
    const form = await coordinator.contribution.report({ ...this.slug, period, organizationId });
    if (!form.report) throw new Error("audit: nothing to correct");
    await coordinator.contribution.returnForCorrection({ ...this.slug, reportId: form.report.id, version: form.report.version, reason: "Please check the counts (audit test)." });
    await this.submit(organizationId, period, edit);
  }
}

/** The quarters wholly within a reporting period (the report's rule for contribution periods). */
function quartersWithin(start: string, end: string): string[] {
  const keys: string[] = [];
  for (let quarter = periodContaining(end, "quarter"); quarter.end >= start; quarter = previousPeriod(quarter)) {
    if (quarter.start >= start && quarter.end <= end) keys.unshift(quarter.key);
  }
  return keys.filter((key) => parsePeriod(key) !== null);
}

/** A figure's value when shown; null when suppressed. */
function shownValue(source: string, seen: Seen): number | null {
  const suppressed = typeof seen === "string" ? SUPPRESSED_TEXT.has(seen) : typeof seen === "object" && seen !== null && seen.suppressed;
  if (suppressed) return null;
  const value = typeof seen === "number" ? seen : typeof seen === "object" && seen !== null && !seen.suppressed ? seen.value : Number(seen);
  if (!Number.isFinite(value)) throw new Error(`audit: ${source} shows ${String(seen)}`);
  return value;
}

function asSeen(value: unknown): Seen {
  if (value === null || value === undefined || value === "") return undefined;
  if (typeof value === "number") return value;
  const text = String(value);
  return SUPPRESSED_TEXT.has(text) ? text : Number(text);
}

function csvRows(text: string): string[][] {
  return parse(text.replace(/^\uFEFF/, ""), { relax_column_count: true }) as string[][];
}

/** Every sheet of an XLSX file as rows of cell values. */
async function xlsxSheets(base64: string): Promise<unknown[][][]> {
  const bytes = Buffer.from(base64, "base64");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return workbook.worksheets.map((sheet) => {
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    return rows;
  });
}

async function xlsxRows(base64: string, sheetIndex: number): Promise<unknown[][]> {
  return (await xlsxSheets(base64))[sheetIndex] ?? [];
}
