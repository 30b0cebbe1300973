import { getDb } from "@/server/lib/unitOfWork";
import { can } from "@/server/auth/permissions";
import { smallCellThreshold } from "@/server/env";
import type { TaskForceScope } from "@/server/trpc/context";
import { shownOf, type Shown } from "@/server/domains/privacy/suppression";
import { columnKey, MEASURE_COLUMNS, SERVICE_TYPES, SERVICES_TOTAL, TABLE_COLUMNS } from "./contributions.measures";
import { listReportingOrganizations, listReportsOfPeriods, sumSubmittedInKind, sumSubmittedValues } from "./contributions.queries";
import { completenessOf, hoursValueCents, type ContributionSettings } from "./contributions.rules";
import type { PeriodInput } from "./contributions.schemas";
import { calendarOf, periodOrRefuse, settingsOf } from "./contributions.service";
import { publicationInfo, publicationsOf, type Publication } from "./contributions.publications";
import { dueOnOf, hasEnded } from "./periods";
import { currentTime } from "@/server/lib/clock";

/*
 * What each role sees of the ledger (DESIGN.md): coordinators every organization in detail; members
 * their own organization in detail and the others combined; viewers and funders the task force's
 * totals only. Funders (no contribution.readUnsuppressed) get victim-related counts only as
 * published (contributions.publications.ts): once per period, suppressed on the server before
 * anything leaves it, and over several periods only as sums of shown figures
 * (server/domains/privacy/suppression.ts). Everyone else sees live, unsuppressed numbers.
 */

export type ContributionAccess = "all" | "own" | "aggregate";

export function accessOf(scope: TaskForceScope): ContributionAccess {
  if (can(scope.role, "contribution.readDetail")) return "all";
  if (can(scope.role, "contribution.submit") && scope.organizationId) return "own";
  return "aggregate";
}

/** The threshold for this caller: the deployment's for funders, 0 (nothing hidden) for everyone else. */
export function thresholdFor(scope: TaskForceScope): number {
  return can(scope.role, "contribution.readUnsuppressed") ? 0 : smallCellThreshold();
}

/** Victim-related column keys: what an outsider sees only as published. */
const VICTIM_KEYS = TABLE_COLUMNS.filter((column) => column.victimRelated).map((column) => column.key);

export type Sums = Map<string, number>;

/** Adds the submitted numbers of one organization into a group's sums. */
export function addInto(target: Sums, source: Sums | undefined) {
  for (const [key, value] of source ?? []) target.set(key, (target.get(key) ?? 0) + value);
}

/** The cells of one table row from its sums (live numbers; outsiders get victim-related ones as published). */
function cellsOf(sums: Sums, settings: ContributionSettings): Record<string, Shown> {
  const cells: Record<string, Shown> = {};
  const get = (key: string) => sums.get(key) ?? 0;
  for (const column of MEASURE_COLUMNS) cells[columnKey(column.measure, column.dimension)] = { suppressed: false, value: get(columnKey(column.measure, column.dimension)) };
  cells[SERVICES_TOTAL] = { suppressed: false, value: SERVICE_TYPES.reduce((sum, type) => sum + get(columnKey("services", type)), 0) };
  const staff = hoursValueCents(get("staffHours"), settings.staffHourlyRateCents);
  const consultants = hoursValueCents(get("consultantPaidHours"), settings.consultantHourlyRateCents);
  const inKind = get("inKindValue");
  cells.inKindValue = { suppressed: false, value: inKind };
  cells.staffTimeValue = { suppressed: false, value: staff };
  cells.consultantTimeValue = { suppressed: false, value: consultants };
  cells.totalValue = { suppressed: false, value: staff + consultants + inKind };
  return cells;
}

/** A row's cells with the victim-related ones replaced by the period's publication (suppressed when none). */
function asPublished(cells: Record<string, Shown>, publication: Publication | null): Record<string, Shown> {
  const out = { ...cells };
  for (const key of VICTIM_KEYS) out[key] = shownOf(publication?.figures, key);
  return out;
}

/** The sums of one organization in one period, added to `sums` empty the first time. */
export function sumsOf(sums: Map<string, Map<string, Sums>>, period: string, organizationId: string): Sums {
  const byOrganization = sums.get(period) ?? new Map<string, Sums>();
  sums.set(period, byOrganization);
  const organization = byOrganization.get(organizationId) ?? new Map<string, number>();
  byOrganization.set(organizationId, organization);
  return organization;
}

/** Submitted sums per period and organization ("measure" or "measure.dimension", plus in-kind cents). */
async function loadSums(taskForceId: string, periods: string[]) {
  const db = await getDb();
  const [values, inKind] = await Promise.all([sumSubmittedValues(db, taskForceId, periods), sumSubmittedInKind(db, taskForceId, periods)]);
  const sums = new Map<string, Map<string, Sums>>();
  const of = (period: string, organizationId: string) => sumsOf(sums, period, organizationId);
  for (const row of values) of(row.period, row.organizationId).set(columnKey(row.measure, row.dimension), row.value);
  const descriptions = new Map<string, string>();
  for (const row of inKind) {
    of(row.period, row.organizationId).set("inKindValue", row.cents);
    descriptions.set(`${row.period}:${row.organizationId}`, row.descriptions);
  }
  return { sums, descriptions };
}

export type RowKind = "organization" | "others" | "all";

export interface TableRow {
  key: string;
  kind: RowKind;
  organizationId: string | null;
  name: string | null;
  /** Detail rows: the report's status ("missing" without a report). */
  status: "draft" | "submitted" | "returned" | "missing" | null;
  late: boolean | null;
  submittedAt: Date | null;
  inKindDescriptions: string | null;
  /** Organizations whose submitted report the row counts. */
  reporting: number;
  cells: Record<string, Shown>;
}

/**
 * The table of one period — the single query behind the screen table and the CSV/XLSX export.
 * Rows follow the caller's access; numbers count submitted reports only.
 */
export async function getPeriodTable(scope: TaskForceScope, input: PeriodInput, now = currentTime()) {
  const db = await getDb();
  const { today, taskForceName } = calendarOf(scope, now);
  const period = periodOrRefuse(input.period, today);
  const settings = await settingsOf(db, scope.taskForceId);
  const [organizations, reports, { sums, descriptions }] = await Promise.all([
    listReportingOrganizations(db, [scope.taskForceId], period),
    listReportsOfPeriods(db, [scope.taskForceId], [period.key]),
    loadSums(scope.taskForceId, [period.key]),
  ]);
  const access = accessOf(scope);
  const threshold = thresholdFor(scope);
  const publication = (await publicationsOf(db, scope.taskForceId, [period], today, now, { settings, reports })).get(period.key) ?? null;
  const reportOf = new Map(reports.map((report) => [report.organizationId, report]));
  const submitted = organizations.filter((organization) => reportOf.get(organization.id)?.status === "submitted");
  const periodSums = sums.get(period.key);

  const groupRow = (kind: RowKind, members: { id: string }[]): TableRow => {
    const total: Sums = new Map();
    for (const organization of members) addInto(total, periodSums?.get(organization.id));
    return {
      key: kind,
      kind,
      organizationId: null,
      name: null,
      status: null,
      late: null,
      submittedAt: null,
      inKindDescriptions: null,
      reporting: members.filter((member) => reportOf.get(member.id)?.status === "submitted").length,
      cells: threshold > 0 ? asPublished(cellsOf(total, settings), publication) : cellsOf(total, settings),
    };
  };
  const detailRow = (organization: { id: string; name: string }): TableRow => {
    const report = reportOf.get(organization.id);
    const isSubmitted = report?.status === "submitted";
    return {
      key: organization.id,
      kind: "organization",
      organizationId: organization.id,
      name: organization.name,
      status: report?.status ?? "missing",
      late: isSubmitted ? report.late : null,
      submittedAt: report?.submittedAt ?? null,
      inKindDescriptions: isSubmitted ? (descriptions.get(`${period.key}:${organization.id}`) ?? null) : null,
      reporting: isSubmitted ? 1 : 0,
      cells: isSubmitted ? cellsOf(periodSums?.get(organization.id) ?? new Map(), settings) : {},
    };
  };

  const rows: TableRow[] = [];
  if (access === "all") rows.push(...organizations.map(detailRow));
  if (access === "own") {
    const own = organizations.find((organization) => organization.id === scope.organizationId);
    if (own) rows.push(detailRow(own));
    rows.push(groupRow("others", submitted.filter((organization) => organization.id !== scope.organizationId)));
  }
  rows.push(groupRow("all", submitted));

  const expectedIds = new Set(organizations.map((organization) => organization.id));
  const completeness = completenessOf({ expected: organizations.length, statuses: reports.filter((report) => expectedIds.has(report.organizationId)) });
  return {
    taskForceName,
    period: { ...period, dueOn: dueOnOf(period, settings.dueDays), ended: hasEnded(period, today) },
    access,
    suppressed: threshold > 0,
    threshold: smallCellThreshold(),
    /** The version of the period's victim-related counts that outsiders see; null until published. */
    publication: publicationInfo(publication),
    columns: TABLE_COLUMNS,
    rows,
    completeness,
    generatedAt: now,
  };
}

export type PeriodTable = Awaited<ReturnType<typeof getPeriodTable>>;
