import type { Database } from "@/server/lib/unitOfWork";
import { sumMatchInputsByPeriod } from "@/server/domains/contributions";
import { matchValue, toDollars, type ContributionSettings } from "@/server/domains/contributions/contributions.rules";
import { settingsOfTaskForces } from "@/server/domains/contributions/contributions.service";
import { addMonths, effectiveStatus, endedPeriods, reportingPeriods, type ComputedStatus, type ReportingCadence, type RequirementStatus } from "./grants.rules";
import { listReportedPeriodEnds } from "./grants.queries";
import {
  countActiveOrganizationsByDiscipline,
  countGapsTracked,
  countHeldMeetingsByDay,
  countProtocolsByReview,
  countRoundsByClosingDay,
  listActiveLeads,
  listMousBetweenLeads,
  sumSubmittedMeasuresByPeriod,
} from "./calculators.queries";
import { matchProgress, matchStatus, matchTargetCents, matchWindow, type MatchProgress } from "./match.rules";

/*
 * Requirements whose status the platform can work out from its own records. Each calculator is one
 * entry: a key (stored on the requirement as computed_key) and a function of what the task force's
 * records hold (calculatorFacts), the award and today's date in the task force's zone. The UI shows the result as "computed: …" with
 * its explanation, and a coordinator can override it with a reason. Explanations are catalog keys
 * under `requirements.computed`.
 */

export interface CalculatorContext {
  taskForceId: string;
  grant: { id: string; periodStart: string; periodEnd: string; reportingCadence: ReportingCadence; matchTarget: number | null };
  today: string;
}

/** Rows of one task force, in the order the query gave them. */
function groupByTaskForce<T extends { taskForceId: string }>(rows: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(row.taskForceId);
    if (group) group.push(row);
    else groups.set(row.taskForceId, [row]);
  }
  return groups;
}

/**
 * What the calculators read, for all the task forces of one call: each kind of record is one query,
 * run when a calculator first asks for it and shared by every award after that. The number of
 * queries is therefore the same for one award as for many, and for one task force as for a
 * portfolio. Make a new one per request; it holds what it loaded.
 */
export function calculatorFacts(db: Database, taskForceIds: readonly string[]) {
  const ids = [...new Set(taskForceIds)];
  const perTaskForce = <T extends { taskForceId: string }>(query: () => Promise<T[]>) => {
    let loaded: Promise<Map<string, T[]>> | undefined;
    return async (taskForceId: string): Promise<T[]> => {
      loaded ??= query().then(groupByTaskForce);
      return (await loaded).get(taskForceId) ?? [];
    };
  };
  let settings: Promise<(taskForceId: string) => ContributionSettings> | undefined;
  return {
    activeLeads: perTaskForce(() => listActiveLeads(db, ids)),
    mousBetweenLeads: perTaskForce(() => listMousBetweenLeads(db, ids)),
    activeOrganizationsByDiscipline: perTaskForce(() => countActiveOrganizationsByDiscipline(db, ids)),
    protocolsByReview: perTaskForce(() => countProtocolsByReview(db, ids)),
    roundsByClosingDay: perTaskForce(() => countRoundsByClosingDay(db, ids)),
    submittedMeasuresByPeriod: perTaskForce(() => sumSubmittedMeasuresByPeriod(db, ids, ["trainingsDelivered", "consultantPaidHours"])),
    heldMeetingsByDay: perTaskForce(() => countHeldMeetingsByDay(db, ids, ["training", "full_task_force"])),
    gapsTracked: perTaskForce(() => countGapsTracked(db, ids)),
    reportedPeriodEnds: perTaskForce(() => listReportedPeriodEnds(db, ids)),
    matchInputsByPeriod: perTaskForce(() => sumMatchInputsByPeriod(db, ids)),
    contributionSettings: async (taskForceId: string) => (await (settings ??= settingsOfTaskForces(db, ids)))(taskForceId),
  };
}

export type CalculatorFacts = ReturnType<typeof calculatorFacts>;

export type RequirementCalculator = (facts: CalculatorFacts, context: CalculatorContext) => Promise<ComputedStatus>;

const sum = <T>(rows: readonly T[], value: (row: T) => number) => rows.reduce((total, row) => total + value(row), 0);

/** Rounds of the task force: how many closed within [from, until], how many closed, how many in all. */
async function roundCounts(facts: CalculatorFacts, taskForceId: string, from: string, until: string) {
  const rows = await facts.roundsByClosingDay(taskForceId);
  const closed = rows.filter((row) => row.status === "closed");
  return {
    closedInWindow: sum(
      closed.filter((row) => row.closedOn !== null && from <= row.closedOn && row.closedOn <= until),
      (row) => row.rounds,
    ),
    closed: sum(closed, (row) => row.rounds),
    all: sum(rows, (row) => row.rounds),
  };
}

/** Sum of a measure over the submitted reports whose period starts within [from, to]. */
async function submittedMeasure(facts: CalculatorFacts, taskForceId: string, measure: "trainingsDelivered" | "consultantPaidHours", from: string, to: string) {
  const rows = await facts.submittedMeasuresByPeriod(taskForceId);
  return sum(
    rows.filter((row) => row.measure === measure && from <= row.periodStart && row.periodStart <= to),
    (row) => row.total,
  );
}

/** Held meetings of a type whose day (in the meeting's zone) falls within [from, to]. */
async function heldMeetings(facts: CalculatorFacts, taskForceId: string, type: "training" | "full_task_force", from: string, to: string) {
  const rows = await facts.heldMeetingsByDay(taskForceId);
  return sum(
    rows.filter((row) => row.type === type && from <= row.day && row.day <= to),
    (row) => row.meetings,
  );
}

/**
 * The award's local match to date (match.rules.ts), or null when it has no match target: the
 * contributions of its window at the task force's current hourly rates. Every award of the call
 * shares the facts' one load of contributions and rates.
 */
export async function matchToDate(facts: CalculatorFacts, taskForceId: string, grant: CalculatorContext["grant"], today: string): Promise<MatchProgress | null> {
  const targetCents = matchTargetCents(grant.matchTarget);
  if (targetCents === null) return null;
  const [periods, rates] = await Promise.all([facts.matchInputsByPeriod(taskForceId), facts.contributionSettings(taskForceId)]);
  const window = matchWindow(grant, today);
  return matchProgress(matchValue(periods, rates, window), rates, targetCents, window);
}

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
  "lead-pair": async (facts, { taskForceId }) => {
    const leads = await facts.activeLeads(taskForceId);
    const names = leads.map((lead) => lead.name).join(", ");
    if (leadsPaired(leads)) return computed("met", "leadPairMet", { names });
    if (leads.length > 0) return computed("in_progress", "leadPairOne", { names });
    return computed("not_started", "leadPairNone", {});
  },
  /** A signed MOU between the active leads that is in effect today (effective ≤ today ≤ expiry). */
  "lead-mou": async (facts, { taskForceId, today }) => {
    const leads = await facts.activeLeads(taskForceId);
    if (!leadsPaired(leads)) return computed("not_started", "leadMouNoLeads", {});
    const candidates = await facts.mousBetweenLeads(taskForceId);
    const signed = candidates.filter((mou) => mou.status === "signed");
    const current = signed.find((mou) => (mou.effectiveOn ?? mou.signedOn ?? today) <= today && (mou.expiresOn === null || today <= mou.expiresOn));
    if (current?.expiresOn) return computed("met", "leadMouCurrent", { title: current.title, expiresOn: current.expiresOn });
    if (current) return computed("met", "leadMouCurrentOpenEnded", { title: current.title });
    if (signed.length > 0) return computed("in_progress", "leadMouNotCurrent", { title: signed[0]!.title });
    if (candidates.length > 0) return computed("in_progress", "leadMouUnsigned", { title: candidates[0]!.title });
    return computed("not_started", "leadMouNone", {});
  },
  /** A community assessment: a closed assessment round within the award's first 18 months. */
  "start-up": async (facts, { taskForceId, grant, today }) => {
    const deadline = addMonths(grant.periodStart, START_UP_MONTHS);
    const rounds = await roundCounts(facts, taskForceId, grant.periodStart, deadline);
    if (rounds.closedInWindow > 0) return computed("met", "startUpMet", { count: rounds.closedInWindow, deadline });
    if (today > deadline) return computed("not_started", "startUpMissed", { deadline });
    if (rounds.all > 0) return computed("in_progress", "startUpRoundUnderway", { deadline });
    return computed("not_started", "startUpNoRound", { deadline });
  },
  /** Prosecution (local or the US Attorney's Office) among the active member organizations (membership status). */
  "core-partners": async (facts, { taskForceId }) => {
    const rows = await facts.activeOrganizationsByDiscipline(taskForceId);
    const prosecution = rows.find((row) => row.discipline === "prosecution")?.organizations ?? 0;
    const all = rows.reduce((sum, row) => sum + row.organizations, 0);
    if (prosecution > 0) return computed("met", "corePartnersMet", { prosecution, disciplines: rows.length });
    if (all > 0) return computed("in_progress", "corePartnersNoProsecution", { disciplines: rows.length });
    return computed("not_started", "corePartnersNone", {});
  },
  /** Adopted protocols (adopted or under review), none past its review date. */
  protocols: async (facts, { taskForceId, today }) => {
    const rows = await facts.protocolsByReview(taskForceId);
    const adopted = rows.filter((row) => row.status !== "draft");
    const counts = {
      adopted: sum(adopted, (row) => row.protocols),
      overdue: sum(
        adopted.filter((row) => row.nextReviewOn !== null && row.nextReviewOn < today),
        (row) => row.protocols,
      ),
      drafts: sum(
        rows.filter((row) => row.status === "draft"),
        (row) => row.protocols,
      ),
    };
    if (counts.adopted > 0 && counts.overdue === 0) return computed("met", "protocolsMet", { adopted: counts.adopted });
    if (counts.overdue > 0) return computed("in_progress", "protocolsOverdue", { adopted: counts.adopted, overdue: counts.overdue });
    if (counts.drafts > 0) return computed("in_progress", "protocolsDrafts", { drafts: counts.drafts });
    return computed("not_started", "protocolsNone", {});
  },
  /** Trainings delivered in the current reporting period, per submitted contribution reports. */
  training: async (facts, { taskForceId, grant, today }) => {
    const period = currentPeriod(grant, today);
    const trainings = await submittedMeasure(facts, taskForceId, "trainingsDelivered", period.start, period.end);
    const values = { trainings, start: period.start, end: period.end };
    return trainings > 0 ? computed("met", "trainingMet", values) : computed("not_started", "trainingNone", values);
  },
  /** An active survivor-leader organization, or paid consultant hours (lived experience) this period. */
  "lived-experience": async (facts, { taskForceId, grant, today }) => {
    const period = currentPeriod(grant, today);
    const [byDiscipline, hours] = await Promise.all([
      facts.activeOrganizationsByDiscipline(taskForceId),
      submittedMeasure(facts, taskForceId, "consultantPaidHours", period.start, period.end),
    ]);
    const organizations = byDiscipline.find((row) => row.discipline === "survivorLeaders")?.organizations ?? 0;
    const values = { organizations, hours, start: period.start, end: period.end };
    return organizations > 0 || hours > 0 ? computed("met", "livedExperienceMet", values) : computed("not_started", "livedExperienceNone", values);
  },
  /** A held meeting of type training within the award period so far. */
  onboarding: async (facts, { taskForceId, grant, today }) => {
    const until = today < grant.periodEnd ? today : grant.periodEnd;
    const held = await heldMeetings(facts, taskForceId, "training", grant.periodStart, until);
    return held > 0 ? computed("met", "onboardingMet", { meetings: held }) : computed("not_started", "onboardingNone", {});
  },
  /** Regular full task-force meetings: quarterly, counted over the last 12 months. */
  "meeting-frequency": async (facts, { taskForceId, today }) => {
    const from = addMonths(today, -12);
    const held = await heldMeetings(facts, taskForceId, "full_task_force", from, today);
    const values = { meetings: held, expected: MEETINGS_PER_YEAR, from };
    if (held >= MEETINGS_PER_YEAR) return computed("met", "meetingFrequencyMet", values);
    return held > 0 ? computed("in_progress", "meetingFrequencyLow", values) : computed("not_started", "meetingFrequencyNone", values);
  },
  /** Data used: at least one closed assessment round, and the gaps it showed are tracked. */
  "data-use": async (facts, { taskForceId, grant, today }) => {
    const [rounds, [tracked]] = await Promise.all([roundCounts(facts, taskForceId, grant.periodStart, today), facts.gapsTracked(taskForceId)]);
    const values = { rounds: rounds.closed, gaps: tracked?.gaps ?? 0 };
    if (values.rounds > 0 && values.gaps > 0) return computed("met", "dataUseMet", values);
    if (values.rounds > 0 || values.gaps > 0) return computed("in_progress", "dataUsePartly", values);
    return computed("not_started", "dataUseNone", values);
  },
  /**
   * The local match: the award's match to date against its match target. An award without a target
   * requires no match (the award form says to leave it empty then), so the requirement does not apply.
   */
  "local-match": async (facts, { taskForceId, grant, today }) => {
    const match = await matchToDate(facts, taskForceId, grant, today);
    if (!match) return computed("not_applicable", "localMatchNoTarget", {});
    const values = { matched: toDollars(match.totalCents), target: toDollars(match.targetCents), share: match.share, from: match.from };
    const status = matchStatus(match);
    return computed(status, { met: "localMatchMet", in_progress: "localMatchUnderway", not_started: "localMatchNone" }[status], values);
  },
  /** A report generated for the last reporting period that has ended. */
  "semiannual-report": async (facts, { taskForceId, grant, today }) => {
    const last = endedPeriods(reportingPeriods(grant), today).at(-1);
    if (!last) return computed("in_progress", "reportNoPeriodEnded", {});
    const reported = (await facts.reportedPeriodEnds(taskForceId)).some((row) => row.grantId === grant.id && row.periodEnd === last.end);
    const values = { start: last.start, end: last.end, dueOn: last.dueOn };
    if (reported) return computed("met", "reportGenerated", values);
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
 * requirement) and in parallel, on facts shared with the other awards of the call. Keys without a
 * registered calculator are left out.
 */
export async function computeStatuses(facts: CalculatorFacts, context: CalculatorContext, keys: Iterable<string | null>): Promise<Map<string, ComputedStatus>> {
  const distinct = [...new Set([...keys].filter((key): key is string => requirementCalculator(key) !== null))];
  const results = await Promise.all(distinct.map(async (key) => [key, await requirementCalculator(key)!(facts, context)] as const));
  return new Map(results);
}

/** Requirements with the status they show: override, else computed, else set by hand. */
export async function withEffectiveStatus<Row extends { computedKey: string | null; status: RequirementStatus; overrideStatus: RequirementStatus | null }>(
  facts: CalculatorFacts,
  context: CalculatorContext,
  rows: readonly Row[],
) {
  const computed = await computeStatuses(facts, context, rows.map((row) => row.computedKey));
  return rows.map((row) => {
    const result: ComputedStatus | null = row.computedKey ? (computed.get(row.computedKey) ?? null) : null;
    return { ...row, computed: result, effectiveStatus: effectiveStatus(row, result) };
  });
}
