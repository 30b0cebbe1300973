import { getDb, type Database } from "@/server/lib/unitOfWork";
import { smallCellThreshold } from "@/server/env";
import type { TaskForceScope } from "@/server/trpc/context";
import { shownOf, sumShown, SUPPRESSED, type Shown } from "@/server/domains/privacy/suppression";
import { currentTime } from "@/server/lib/clock";
import { columnKey, HOUR_MEASURES, SERVICE_TYPES, SERVICES_TOTAL, TRAINING_SECTORS } from "./contributions.measures";
import { listReportingOrganizationsOfPeriods, listReportsOfPeriods, sumSubmittedInKind, sumSubmittedTotals, sumSubmittedValues, type ReportRow } from "./contributions.queries";
import { completenessOf, hoursValueCents, type ContributionSettings } from "./contributions.rules";
import { calendarOf, settingsOf, settingsOfTaskForces } from "./contributions.service";
import { publicationInfo, publicationsOf } from "./contributions.publications";
import { accessOf, addInto, sumsOf, thresholdFor, type Sums } from "./contributions.views";
import { dueOnOf, hasEnded, recentPeriods, type Period } from "./periods";

/*
 * Contributions over recent periods: the overview of the contributions page (completeness, the
 * value charts, the victim-related tables, each shaped for the caller's access) and the summary
 * the dashboard shows (this period's value, the last ended period's completeness), both from the
 * same loading and the same arithmetic, so the two never disagree.
 */

/** The current period and the ones before it: a year and a half of quarters, a year of months. */
const OVERVIEW_PERIODS = { quarter: 6, month: 12 } as const;

/** The ended periods the funder portfolio charts: a year of quarters, or of months. */
const PORTFOLIO_PERIODS = { quarter: 4, month: 12 } as const;

/**
 * What the overview and the summary both start from: the periods, who was expected in each (they
 * differ as organizations join and leave), the periods' reports, and every organization expected
 * in some period of them (in name order: the rows come sorted).
 */
async function loadOverviewBasis(db: Database, scope: TaskForceScope, now: Date) {
  const { today } = calendarOf(scope, now);
  const settings = await settingsOf(db, scope.taskForceId);
  const periods = recentPeriods(today, settings.periodLength, OVERVIEW_PERIODS[settings.periodLength]);
  const keys = periods.map((period) => period.key);
  const [expectedRows, reports] = await Promise.all([listReportingOrganizationsOfPeriods(db, [scope.taskForceId], periods), listReportsOfPeriods(db, [scope.taskForceId], keys)]);
  const organizations = [...new Map(expectedRows.map((row) => [row.id, { id: row.id, name: row.name }])).values()];
  return { today, settings, periods, keys, expectedRows, reports, organizations };
}

type ExpectedRow = Awaited<ReturnType<typeof listReportingOrganizationsOfPeriods>>[number];

/** Who was expected in the period, their reports, and the completeness counts. */
function periodCompleteness(period: Period, expectedRows: readonly ExpectedRow[], reports: readonly ReportRow[]) {
  const expected = expectedRows.filter((row) => row.periodKey === period.key);
  const expectedIds = new Set(expected.map((organization) => organization.id));
  const ofPeriod = reports.filter((report) => report.period === period.key && expectedIds.has(report.organizationId));
  return { expected, ofPeriod, counts: completenessOf({ expected: expected.length, statuses: ofPeriod }) };
}

/** The value of contributions by type, in cents, from a period's sums. */
function valueByTypeOf(total: Sums, settings: ContributionSettings) {
  return {
    staffTime: hoursValueCents(total.get("staffHours") ?? 0, settings.staffHourlyRateCents),
    consultantTime: hoursValueCents(total.get("consultantPaidHours") ?? 0, settings.consultantHourlyRateCents),
    inKind: total.get("inKindValue") ?? 0,
  };
}

/** When the figures last changed: the latest submission among the reports (the dashboard's freshness). */
function lastSubmittedAt(reports: readonly ReportRow[]) {
  const submittedTimes = reports.flatMap((report) => (report.status === "submitted" && report.submittedAt ? [report.submittedAt.getTime()] : []));
  return submittedTimes.length ? new Date(Math.max(...submittedTimes)) : null;
}

/**
 * The overview's submitted sums: per period, every figure over the organizations given (added up
 * in the database); per period and organization, only what values contributions (staff and
 * consultant hours, in-kind cents), and only when `perOrganization`.
 */
async function loadOverviewSums(db: Database, taskForceId: string, periods: string[], organizations: readonly { id: string }[], perOrganization: boolean) {
  const organizationIds = organizations.map((organization) => organization.id);
  const [totalRows, hourRows, inKindRows] = await Promise.all([
    sumSubmittedTotals(db, taskForceId, periods, organizationIds),
    perOrganization ? sumSubmittedValues(db, taskForceId, periods, [...HOUR_MEASURES]) : Promise.resolve([]),
    sumSubmittedInKind(db, taskForceId, periods),
  ]);
  const totals = new Map<string, Sums>(periods.map((period) => [period, new Map()]));
  for (const row of totalRows) totals.get(row.period)?.set(columnKey(row.measure, row.dimension), row.value);
  const valuedByOrganization = new Map<string, Map<string, Sums>>();
  const of = (period: string, organizationId: string) => sumsOf(valuedByOrganization, period, organizationId);
  for (const row of hourRows) of(row.period, row.organizationId).set(columnKey(row.measure, row.dimension), row.value);
  const expected = new Set(organizationIds);
  for (const row of inKindRows) {
    if (!expected.has(row.organizationId)) continue;
    const period = totals.get(row.period);
    period?.set("inKindValue", (period.get("inKindValue") ?? 0) + row.cents);
    if (perOrganization) of(row.period, row.organizationId).set("inKindValue", row.cents);
  }
  return { totals, valuedByOrganization };
}

/**
 * A victim-related table over periods (rows × periods) with row totals and, when asked, column and
 * grand totals. `cellOf(row, period)` gives each cell: live for insiders, as published for
 * outsiders. A total over periods adds up the periods that have figures (published ones, for
 * outsiders) and is shown only when each of its parts is.
 */
function periodTable(
  rowKeys: readonly string[],
  periods: readonly string[],
  cellOf: (key: string, period: string) => Shown | null,
  columnTotalOf: ((period: string) => Shown | null) | null,
) {
  const total = (parts: (Shown | null)[]) => {
    const present = parts.filter((part): part is Shown => part !== null);
    return present.length === 0 ? SUPPRESSED : sumShown(present);
  };
  const rows = rowKeys.map((key) => {
    const parts = periods.map((period) => cellOf(key, period));
    return { key, cells: parts.map((part) => part ?? SUPPRESSED), total: total(parts) };
  });
  const columnParts = columnTotalOf ? periods.map((period) => columnTotalOf(period)) : null;
  return {
    rows,
    columnTotals: columnParts ? columnParts.map((part) => part ?? SUPPRESSED) : null,
    grandTotal: columnParts ? total(columnParts) : null,
  };
}

/**
 * The periods overview: completeness per period, the chart series and the victim-related tables,
 * each shaped for the caller's access. Organization names appear only for coordinators (all) and,
 * for their own organization, members.
 */
export async function getOverview(scope: TaskForceScope, now = currentTime()) {
  const db = await getDb();
  const access = accessOf(scope);
  const threshold = thresholdFor(scope);
  const { today, settings, periods, keys, expectedRows, reports, organizations } = await loadOverviewBasis(db, scope, now);
  const [sums, publications] = await Promise.all([
    loadOverviewSums(db, scope.taskForceId, keys, organizations, access !== "aggregate"),
    publicationsOf(db, scope.taskForceId, periods, today, now, { settings, reports }),
  ]);

  const completeness = periods.map((period: Period) => {
    const { expected, ofPeriod, counts } = periodCompleteness(period, expectedRows, reports);
    const statusOf = new Map(ofPeriod.map((report) => [report.organizationId, report]));
    return {
      period: period.key,
      start: period.start,
      end: period.end,
      dueOn: dueOnOf(period, settings.dueDays),
      ended: hasEnded(period, today),
      ...counts,
      organizations:
        access === "all"
          ? expected.map((organization) => {
              const report = statusOf.get(organization.id);
              return { id: organization.id, name: organization.name, status: report?.status ?? ("missing" as const), late: report?.late ?? false };
            })
          : null,
    };
  });

  const valueOf = (total: Sums) => valueByTypeOf(total, settings);
  const totals = sums.totals;
  const valueByType = keys.map((key) => ({ period: key, ...valueOf(totals.get(key) ?? new Map()) }));

  const groups =
    access === "all"
      ? organizations.map((organization) => ({ key: organization.id, name: organization.name, members: [organization] }))
      : access === "own"
        ? [
            { key: "own", name: organizations.find((organization) => organization.id === scope.organizationId)?.name ?? null, members: organizations.filter((organization) => organization.id === scope.organizationId) },
            { key: "others", name: null, members: organizations.filter((organization) => organization.id !== scope.organizationId) },
          ]
        : null;
  const valueByOrganization = groups?.map((group) => ({
    key: group.key,
    name: group.name,
    values: keys.map((key) => {
      const total: Sums = new Map();
      for (const organization of group.members) addInto(total, sums.valuedByOrganization.get(key)?.get(organization.id));
      const value = valueOf(total);
      return { period: key, total: value.staffTime + value.consultantTime + value.inKind };
    }),
  }));

  const allPeriods: Sums = new Map();
  for (const total of totals.values()) addInto(allPeriods, total);
  const peopleTrainedBySector = TRAINING_SECTORS.map((sector) => ({ sector, count: allPeriods.get(columnKey("peopleTrained", sector)) ?? 0 })).filter(
    (row) => row.count > 0,
  );

  // Victim-related counts: live for insiders; for outsiders as published, a period without a
  // publication counting for nothing (its cells show as suppressed).
  const live = (key: string, period: string): Shown => {
    const total = totals.get(period) ?? new Map<string, number>();
    const value = key === SERVICES_TOTAL ? SERVICE_TYPES.reduce((sum, type) => sum + (total.get(columnKey("services", type)) ?? 0), 0) : (total.get(key) ?? 0);
    return { suppressed: false, value };
  };
  const cellOf = (key: string, period: string): Shown | null => {
    if (threshold === 0) return live(key, period);
    const publication = publications.get(period);
    return publication ? shownOf(publication.figures, key) : null;
  };
  // A service type is listed when some period has a figure for it other than a shown 0.
  const serviceKeys = SERVICE_TYPES.map((type) => columnKey("services", type)).filter((key) =>
    keys.some((period) => {
      const cell = cellOf(key, period);
      return cell !== null && (cell.suppressed || cell.value > 0);
    }),
  );
  const servicesTable = periodTable(serviceKeys, keys, cellOf, (period) => cellOf(SERVICES_TOTAL, period));
  const services = { ...servicesTable, rows: servicesTable.rows.map((row) => ({ ...row, key: row.key.slice("services.".length) })) };
  const identified = periodTable(["potentialVictimsIdentified", "confirmedVictimsIdentified"], keys, cellOf, null);
  const referrals = periodTable(["referralsMade", "referralsReceived"], keys, cellOf, null);

  return {
    today,
    updatedAt: lastSubmittedAt(reports),
    periodLength: settings.periodLength,
    periods: keys,
    access,
    suppressed: threshold > 0,
    threshold: smallCellThreshold(),
    completeness: completeness.map((row) => ({ ...row, publication: publicationInfo(publications.get(row.period)) })),
    valueByType,
    valueByOrganization: valueByOrganization ?? null,
    peopleTrainedBySector,
    victimCounts: { services, identified, referrals },
  };
}

/**
 * The dashboard's figures: the value contributed in the current period and the completeness of
 * the last ended one — counts and money only, the same for every role that may read contributions,
 * and the same numbers the overview shows (a test compares them), without its tables.
 */
export async function getSummary(scope: TaskForceScope, now = currentTime()) {
  const db = await getDb();
  const { today, settings, periods, expectedRows, reports, organizations } = await loadOverviewBasis(db, scope, now);
  const current = periods[periods.length - 1] as Period;
  const lastEnded = [...periods].reverse().find((period) => hasEnded(period, today)) ?? null;
  const sums = await loadOverviewSums(db, scope.taskForceId, [current.key], organizations, false);
  return {
    today,
    updatedAt: lastSubmittedAt(reports),
    current: { period: current.key, ...valueByTypeOf(sums.totals.get(current.key) ?? new Map(), settings) },
    lastEnded: lastEnded ? { period: lastEnded.key, ...periodCompleteness(lastEnded, expectedRows, reports).counts } : null,
  };
}

/**
 * Reporting completeness of each task force's last ended periods (a year of them, oldest first)
 * and when its contributions last changed (the latest submission of those periods or the current
 * one), in the order given — the funder portfolio's figures. Counts of organizations only, worked
 * out as the overview works them out, so a funder reads the same numbers on the task force's
 * contributions page. Task forces reporting on the same periods (usually all: quarters, the same
 * days) share one query of each kind, so the number of queries does not grow with theirs.
 */
export async function recentCompleteness(db: Database, taskForces: readonly { id: string; today: string }[]) {
  const settingsFor = await settingsOfTaskForces(
    db,
    taskForces.map((taskForce) => taskForce.id),
  );
  const plans = taskForces.map((taskForce) => {
    const { periodLength } = settingsFor(taskForce.id);
    // The ended periods and the current one, whose submissions count for freshness.
    const periods = recentPeriods(taskForce.today, periodLength, PORTFOLIO_PERIODS[periodLength] + 1);
    return { taskForceId: taskForce.id, today: taskForce.today, periods, periodKeys: periods.map((period) => period.key).join(" ") };
  });
  const alike = new Map<string, (typeof plans)[number][]>();
  for (const plan of plans) alike.set(plan.periodKeys, [...(alike.get(plan.periodKeys) ?? []), plan]);
  const loads = new Map(
    [...alike.entries()].map(([periodKeys, group]) => {
      const ids = group.map((plan) => plan.taskForceId);
      const { periods } = group[0] as (typeof plans)[number];
      const keys = periods.map((period) => period.key);
      return [periodKeys, Promise.all([listReportingOrganizationsOfPeriods(db, ids, periods), listReportsOfPeriods(db, ids, keys)])] as const;
    }),
  );
  return Promise.all(
    plans.map(async (plan) => {
      const [allExpected, allReports] = (await loads.get(plan.periodKeys)) ?? [[], []];
      const expectedRows = allExpected.filter((row) => row.taskForceId === plan.taskForceId);
      const reports = allReports.filter((report) => report.taskForceId === plan.taskForceId);
      return {
        periods: plan.periods
          .filter((period) => hasEnded(period, plan.today))
          .map((period) => {
            const { expected, submitted, reportingRate } = periodCompleteness(period, expectedRows, reports).counts;
            return { period: period.key, start: period.start, end: period.end, expected, submitted, reportingRate };
          }),
        updatedAt: lastSubmittedAt(reports),
      };
    }),
  );
}
