import type { Database } from "@/db/client";
import { addMonths, endedPeriods, reportingPeriods, type ComputedStatus, type ReportingCadence } from "./grants.rules";
import { countActiveOrganizationsByDiscipline, countGapsTracked, countRoundsClosedBetween, findReportForPeriod } from "./calculators.queries";

/*
 * Requirements whose status the platform can work out from its own records. Each calculator is one
 * entry: a key (stored on the requirement as computed_key) and a function of the task force, the
 * award and today's date in the task force's zone. The UI shows the result as "computed: …" with
 * its explanation, and a coordinator can override it with a reason. The meetings, organizations
 * and contributions parts add e.g. `lead-mou`, `meeting-frequency` and `training` as entries here.
 * Explanations are catalog keys under `requirements.computed`.
 */

export interface CalculatorContext {
  taskForceId: string;
  grant: { id: string; periodStart: string; periodEnd: string; reportingCadence: ReportingCadence };
  today: string;
}

export type RequirementCalculator = (db: Database, context: CalculatorContext) => Promise<ComputedStatus>;

const computed = (status: ComputedStatus["status"], key: string, values: ComputedStatus["explanation"]["values"]): ComputedStatus => ({
  status,
  explanation: { key, values },
});

/** The start-up phase of an ECM award: the first 18 months. */
export const START_UP_MONTHS = 18;

export const REQUIREMENT_CALCULATORS = {
  /** A community assessment: a closed assessment round within the award's first 18 months. */
  "start-up": async (db, { taskForceId, grant, today }) => {
    const deadline = addMonths(grant.periodStart, START_UP_MONTHS);
    const rounds = await countRoundsClosedBetween(db, taskForceId, grant.periodStart, deadline);
    if (rounds.closedInWindow > 0) return computed("met", "startUpMet", { count: rounds.closedInWindow, deadline });
    if (today > deadline) return computed("not_started", "startUpMissed", { deadline });
    if (rounds.all > 0) return computed("in_progress", "startUpRoundUnderway", { deadline });
    return computed("not_started", "startUpNoRound", { deadline });
  },
  /** Prosecution (local or the US Attorney's Office) among the active member organizations. */
  "core-partners": async (db, { taskForceId }) => {
    const rows = await countActiveOrganizationsByDiscipline(db, taskForceId);
    const prosecution = rows.find((row) => row.discipline === "prosecution")?.organizations ?? 0;
    const all = rows.reduce((sum, row) => sum + row.organizations, 0);
    if (prosecution > 0) return computed("met", "corePartnersMet", { prosecution, disciplines: rows.length });
    if (all > 0) return computed("in_progress", "corePartnersNoProsecution", { disciplines: rows.length });
    return computed("not_started", "corePartnersNone", {});
  },
  /** Data used: at least one closed assessment round, and the gaps it showed are tracked. */
  "data-use": async (db, { taskForceId, grant, today }) => {
    const [rounds, tracked] = await Promise.all([countRoundsClosedBetween(db, taskForceId, grant.periodStart, today), countGapsTracked(db, taskForceId)]);
    const values = { rounds: rounds.closed, gaps: tracked.gaps };
    if (rounds.closed > 0 && tracked.gaps > 0) return computed("met", "dataUseMet", values);
    if (rounds.closed > 0 || tracked.gaps > 0) return computed("in_progress", "dataUsePartly", values);
    return computed("not_started", "dataUseNone", values);
  },
  /** A report generated for the last reporting period that has ended. */
  "semiannual-report": async (db, { taskForceId, grant, today }) => {
    const last = endedPeriods(reportingPeriods(grant), today).at(-1);
    if (!last) return computed("in_progress", "reportNoPeriodEnded", {});
    const report = await findReportForPeriod(db, taskForceId, grant.id, last.end);
    const values = { start: last.start, end: last.end, dueOn: last.dueOn };
    if (report.reports > 0) return computed("met", "reportGenerated", values);
    return today > last.dueOn ? computed("not_started", "reportMissing", values) : computed("in_progress", "reportDue", values);
  },
} satisfies Record<string, RequirementCalculator>;

export type CalculatorKey = keyof typeof REQUIREMENT_CALCULATORS;
export const CALCULATOR_KEYS = Object.keys(REQUIREMENT_CALCULATORS) as CalculatorKey[];

export function requirementCalculator(key: string | null): RequirementCalculator | null {
  return key !== null && Object.hasOwn(REQUIREMENT_CALCULATORS, key) ? REQUIREMENT_CALCULATORS[key as CalculatorKey] : null;
}

/**
 * The computed status of each calculator an award's requirements use, run once per key (not per
 * requirement) and in parallel. Keys without a registered calculator are left out.
 */
export async function computeStatuses(db: Database, context: CalculatorContext, keys: Iterable<string | null>): Promise<Map<string, ComputedStatus>> {
  const distinct = [...new Set([...keys].filter((key): key is string => requirementCalculator(key) !== null))];
  const results = await Promise.all(distinct.map(async (key) => [key, await requirementCalculator(key)!(db, context)] as const));
  return new Map(results);
}
