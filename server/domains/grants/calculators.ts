import type { Database } from "@/db/client";
import { addMonths, endedPeriods, reportingPeriods, type ComputedStatus, type ReportingCadence } from "./grants.rules";
import {
  countActiveOrganizationsByDiscipline,
  countGapsTracked,
  countHeldMeetings,
  countProtocols,
  countRoundsClosedBetween,
  findReportForPeriod,
  listActiveLeads,
  listMousBetweenLeads,
  sumSubmittedMeasure,
} from "./calculators.queries";

/*
 * Requirements whose status the platform can work out from its own records. Each calculator is one
 * entry: a key (stored on the requirement as computed_key) and a function of the task force, the
 * award and today's date in the task force's zone. The UI shows the result as "computed: …" with
 * its explanation, and a coordinator can override it with a reason. Explanations are catalog keys
 * under `requirements.computed`.
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

/** "Regular" full task-force meetings: quarterly, i.e. four held in the last 12 months. */
export const MEETINGS_PER_YEAR = 4;

/** The reporting period today falls in (the award's first or last one outside the award). */
function currentPeriod(grant: CalculatorContext["grant"], today: string) {
  const periods = reportingPeriods(grant);
  return periods.find((period) => period.start <= today && today <= period.end) ?? (today < grant.periodStart ? periods[0] : periods.at(-1))!;
}

/** Whether the active leads pair law enforcement with victim services (co-leads count for either side). */
function leadsPaired(leads: readonly { role: string }[]) {
  const coLeads = leads.filter((lead) => lead.role === "co_lead").length;
  const lawEnforcement = leads.some((lead) => lead.role === "lead_law_enforcement");
  const victimServices = leads.some((lead) => lead.role === "lead_victim_services");
  return leads.length >= 2 && (lawEnforcement || coLeads > 0) && (victimServices || coLeads > 0);
}

export const REQUIREMENT_CALCULATORS = {
  /** A lead law-enforcement agency and a lead victim service provider (or co-leads), both active. */
  "lead-pair": async (db, { taskForceId }) => {
    const leads = await listActiveLeads(db, taskForceId);
    const names = leads.map((lead) => lead.name).join(", ");
    if (leadsPaired(leads)) return computed("met", "leadPairMet", { names });
    if (leads.length > 0) return computed("in_progress", "leadPairOne", { names });
    return computed("not_started", "leadPairNone", {});
  },
  /** A signed MOU between the active leads that is in effect today (effective ≤ today ≤ expiry). */
  "lead-mou": async (db, { taskForceId, today }) => {
    const leads = await listActiveLeads(db, taskForceId);
    if (!leadsPaired(leads)) return computed("not_started", "leadMouNoLeads", {});
    const candidates = await listMousBetweenLeads(db, taskForceId, leads.map((lead) => lead.id));
    const signed = candidates.filter((mou) => mou.status === "signed");
    const current = signed.find((mou) => (mou.effectiveOn ?? mou.signedOn ?? today) <= today && (mou.expiresOn === null || today <= mou.expiresOn));
    if (current?.expiresOn) return computed("met", "leadMouCurrent", { title: current.title, expiresOn: current.expiresOn });
    if (current) return computed("met", "leadMouCurrentOpenEnded", { title: current.title });
    if (signed.length > 0) return computed("in_progress", "leadMouNotCurrent", { title: signed[0]!.title });
    if (candidates.length > 0) return computed("in_progress", "leadMouUnsigned", { title: candidates[0]!.title });
    return computed("not_started", "leadMouNone", {});
  },
  /** A community assessment: a closed assessment round within the award's first 18 months. */
  "start-up": async (db, { taskForceId, grant, today }) => {
    const deadline = addMonths(grant.periodStart, START_UP_MONTHS);
    const rounds = await countRoundsClosedBetween(db, taskForceId, grant.periodStart, deadline);
    if (rounds.closedInWindow > 0) return computed("met", "startUpMet", { count: rounds.closedInWindow, deadline });
    if (today > deadline) return computed("not_started", "startUpMissed", { deadline });
    if (rounds.all > 0) return computed("in_progress", "startUpRoundUnderway", { deadline });
    return computed("not_started", "startUpNoRound", { deadline });
  },
  /** Prosecution (local or the US Attorney's Office) among the active member organizations (membership status). */
  "core-partners": async (db, { taskForceId }) => {
    const rows = await countActiveOrganizationsByDiscipline(db, taskForceId);
    const prosecution = rows.find((row) => row.discipline === "prosecution")?.organizations ?? 0;
    const all = rows.reduce((sum, row) => sum + row.organizations, 0);
    if (prosecution > 0) return computed("met", "corePartnersMet", { prosecution, disciplines: rows.length });
    if (all > 0) return computed("in_progress", "corePartnersNoProsecution", { disciplines: rows.length });
    return computed("not_started", "corePartnersNone", {});
  },
  /** Adopted protocols (adopted or under review), none past its review date. */
  protocols: async (db, { taskForceId, today }) => {
    const counts = await countProtocols(db, taskForceId, today);
    if (counts.adopted > 0 && counts.overdue === 0) return computed("met", "protocolsMet", { adopted: counts.adopted });
    if (counts.overdue > 0) return computed("in_progress", "protocolsOverdue", { adopted: counts.adopted, overdue: counts.overdue });
    if (counts.drafts > 0) return computed("in_progress", "protocolsDrafts", { drafts: counts.drafts });
    return computed("not_started", "protocolsNone", {});
  },
  /** Trainings delivered in the current reporting period, per submitted contribution reports. */
  training: async (db, { taskForceId, grant, today }) => {
    const period = currentPeriod(grant, today);
    const trainings = await sumSubmittedMeasure(db, taskForceId, "trainingsDelivered", period.start, period.end);
    const values = { trainings, start: period.start, end: period.end };
    return trainings > 0 ? computed("met", "trainingMet", values) : computed("not_started", "trainingNone", values);
  },
  /** An active survivor-leader organization, or paid consultant hours (lived experience) this period. */
  "lived-experience": async (db, { taskForceId, grant, today }) => {
    const period = currentPeriod(grant, today);
    const [byDiscipline, hours] = await Promise.all([
      countActiveOrganizationsByDiscipline(db, taskForceId),
      sumSubmittedMeasure(db, taskForceId, "consultantPaidHours", period.start, period.end),
    ]);
    const organizations = byDiscipline.find((row) => row.discipline === "survivorLeaders")?.organizations ?? 0;
    const values = { organizations, hours, start: period.start, end: period.end };
    return organizations > 0 || hours > 0 ? computed("met", "livedExperienceMet", values) : computed("not_started", "livedExperienceNone", values);
  },
  /** A held meeting of type training within the award period so far. */
  onboarding: async (db, { taskForceId, grant, today }) => {
    const until = today < grant.periodEnd ? today : grant.periodEnd;
    const held = await countHeldMeetings(db, taskForceId, "training", grant.periodStart, until);
    return held > 0 ? computed("met", "onboardingMet", { meetings: held }) : computed("not_started", "onboardingNone", {});
  },
  /** Regular full task-force meetings: quarterly, counted over the last 12 months. */
  "meeting-frequency": async (db, { taskForceId, today }) => {
    const from = addMonths(today, -12);
    const held = await countHeldMeetings(db, taskForceId, "full_task_force", from, today);
    const values = { meetings: held, expected: MEETINGS_PER_YEAR, from };
    if (held >= MEETINGS_PER_YEAR) return computed("met", "meetingFrequencyMet", values);
    return held > 0 ? computed("in_progress", "meetingFrequencyLow", values) : computed("not_started", "meetingFrequencyNone", values);
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
