import { getDb, inTransaction, type Database } from "@/server/lib/unitOfWork";
import { auditTrailOf } from "@/server/domains/audit/audit.service";
import { currentTime } from "@/server/lib/clock";
import { calculatorFacts, computeStatuses, withEffectiveStatus, type CalculatorContext, type CalculatorFacts } from "./calculators";
import { effectiveStatus, type ComputedStatus, type RequirementStatus } from "./grants.rules";
import { listGrants, listRequirements, listRequirementsOfTaskForces, type GrantRow, type RequirementRow } from "./grants.queries";
import { insertStatusChanges, listLatestStatusChanges, listStatusInputs, type StatusInput } from "./requirementHistory.queries";
import { backfilledChanges, type StatusChangeSource } from "./requirementHistory.rules";

/*
 * Recording requirement statuses (requirement_status_changes). A row is added whenever the status a
 * requirement shows differs from its latest recorded one, and never twice for one change:
 *   - a coordinator's change records itself in the transaction that makes it: a status set by hand
 *     with who made it, an override set or cleared with who and why (grants.service.ts);
 *   - a computed status changes when the records behind it change, or when a day passes (a report
 *     falls due, an MOU expires), so recordRequirementStatuses compares and records what differs. The
 *     daily jobs run it for every task force, and the award page's history runs it for its award.
 * Every path locks the requirements it records before reading their latest rows (listStatusInputs),
 * so a second recorder waits for the first and then finds nothing left to add; the unique sequence
 * per requirement refuses a duplicate should a path ever skip the lock. A requirement with no row yet
 * (it predates the history, or came in by an import) first gets its past from the audit log
 * (backfilledChanges).
 */

/** A requirement as the recorder sees it: its locked row and the status it shows now. */
interface Observed {
  row: StatusInput;
  status: RequirementStatus;
  /** Its status comes from a calculator (overridden or not). */
  computed: boolean;
}

/** What a recorded row says the change rests on. */
export interface StatusChange {
  source: Exclude<StatusChangeSource, "backfill">;
  who: string | null;
  reason: string | null;
  /** Recorded even when the status shown stays the same (an override names its reason). */
  always?: boolean;
}

function observed(row: StatusInput, computed: ComputedStatus | null): Observed {
  return { row, status: effectiveStatus(row, computed), computed: computed !== null };
}

/** A change nobody made by hand: the calculation moved, or (for a hand-set status) the row was changed outside the app. */
const noticed = (requirement: Observed): StatusChange => ({ source: requirement.computed ? "computed" : "manual", who: null, reason: null });

/**
 * Adds, for each observed requirement (locked by `tx`), a row when its status differs from the
 * latest recorded one, or always when the change says so. With `backfill`, a requirement that has
 * no row yet first gets its past (from the audit log); without, its first row is the change itself
 * (a requirement just created). Returns the number of rows added.
 */
async function append(tx: Database, requirements: readonly Observed[], options: { backfill: boolean; change: (requirement: Observed) => StatusChange }, now: Date) {
  if (requirements.length === 0) return 0;
  const taskForceIds = [...new Set(requirements.map(({ row }) => row.taskForceId))];
  const latest = new Map((await listLatestStatusChanges(tx, taskForceIds, requirements.map(({ row }) => row.id))).map((change) => [change.requirementId, change]));
  const unrecorded = options.backfill ? requirements.filter(({ row }) => !latest.has(row.id)).map(({ row }) => row.id) : [];
  const trails = new Map<string, Awaited<ReturnType<typeof auditTrailOf>>[number][]>();
  for (const entry of unrecorded.length > 0 ? await auditTrailOf(tx, taskForceIds, "grantRequirement", unrecorded) : []) {
    const trail = trails.get(entry.entityId);
    if (trail) trail.push(entry);
    else trails.set(entry.entityId, [entry]);
  }
  const rows: Parameters<typeof insertStatusChanges>[1] = [];
  for (const requirement of requirements) {
    const { row } = requirement;
    let last: { sequence: number; status: RequirementStatus } | null = latest.get(row.id) ?? null;
    const add = (status: RequirementStatus, source: StatusChangeSource, who: string | null, reason: string | null, changedAt: Date) => {
      last = { sequence: (last?.sequence ?? 0) + 1, status };
      rows.push({ taskForceId: row.taskForceId, requirementId: row.id, sequence: last.sequence, status, source, changedByUserId: who, reason, changedAt, recordedAt: now });
    };
    if (!last && options.backfill) {
      const past = backfilledChanges({ createdAt: row.createdAt, status: requirement.status, computed: requirement.computed, overrideReason: row.overrideReason }, trails.get(row.id) ?? []);
      for (const change of past) add(change.status, "backfill", change.who, change.reason, change.changedAt);
    }
    const change = options.change(requirement);
    if (change.always || last?.status !== requirement.status) add(requirement.status, change.source, change.who, change.reason, now);
  }
  await insertStatusChanges(tx, rows);
  return rows.length;
}

/**
 * The recorder of one award's requirements within the transaction of a change to them. Its
 * calculations share `facts`, so recording before and after a change reads the other records once.
 */
export function awardStatusRecorder(tx: Database, facts: CalculatorFacts, context: CalculatorContext, now: Date) {
  const observe = async (which: { requirementIds: readonly string[] } | { grantId: string }) => {
    const rows = await listStatusInputs(tx, [context.taskForceId], which);
    const computed = await computeStatuses(facts, context, rows.map((row) => row.computedKey));
    return rows.map((row) => observed(row, row.computedKey ? (computed.get(row.computedKey) ?? null) : null));
  };
  return {
    /** The first status of requirements just created. */
    created: async (requirementIds: readonly string[], who: string) =>
      append(tx, await observe({ requirementIds }), { backfill: false, change: (requirement) => ({ ...noticed(requirement), who }) }, now),
    /**
     * Brings the award's record up to date (all its requirements, or the given ones): before a
     * change, so that a requirement without history keeps its past and a computed change not yet
     * recorded is not credited to the coordinator; and after a change that moves computed statuses
     * (the award's dates).
     */
    catchUp: async (which: { requirementIds: readonly string[] } | { grantId: string }) => append(tx, await observe(which), { backfill: true, change: noticed }, now),
    /** A coordinator's change just made, with who (and why, for an override). */
    changed: async (requirementIds: readonly string[], change: StatusChange) => append(tx, await observe({ requirementIds }), { backfill: true, change: () => change }, now),
  };
}

/**
 * Records the requirements whose status differs from their latest recorded one, of the awards
 * given with their requirements as read without a lock: only those that differ are then locked,
 * read again (a coordinator may have changed and recorded one meanwhile) and recorded, in one
 * transaction. So a run that finds nothing new writes nothing, and running it again adds nothing.
 */
async function recordDiffering(
  db: Database,
  todayOf: ReadonlyMap<string, string>,
  grants: readonly GrantRow[],
  requirements: readonly RequirementRow[],
  latest: readonly { requirementId: string; status: RequirementStatus }[],
  now: Date,
) {
  const taskForceIds = [...todayOf.keys()];
  const facts = calculatorFacts(db, taskForceIds);
  const recorded = new Map(latest.map((change) => [change.requirementId, change.status]));
  const computedOf = new Map<string, ComputedStatus | null>();
  const differing: string[] = [];
  for (const grant of grants) {
    const context = { taskForceId: grant.taskForceId, grant, today: todayOf.get(grant.taskForceId) ?? "" };
    for (const requirement of await withEffectiveStatus(facts, context, requirements.filter((row) => row.grantId === grant.id))) {
      computedOf.set(requirement.id, requirement.computed);
      if (recorded.get(requirement.id) !== requirement.effectiveStatus) differing.push(requirement.id);
    }
  }
  if (differing.length === 0) return 0;
  return inTransaction(async (tx) => {
    const rows = await listStatusInputs(tx, taskForceIds, { requirementIds: differing });
    return append(tx, rows.map((row) => observed(row, computedOf.get(row.id) ?? null)), { backfill: true, change: noticed }, now);
  });
}

/**
 * Records the status of every requirement of the task forces' awards where it differs from the
 * latest recorded one (computed changes, and the past of requirements not recorded yet): the daily
 * jobs' step. A fixed number of queries whatever the number of awards. Returns the number of rows added.
 */
export async function recordRequirementStatuses(taskForces: readonly { id: string; today: string }[], now = currentTime()): Promise<number> {
  const ids = taskForces.map((taskForce) => taskForce.id);
  if (ids.length === 0) return 0;
  const db = await getDb();
  const [grants, requirements, latest] = await Promise.all([listGrants(db, ids), listRequirementsOfTaskForces(db, ids), listLatestStatusChanges(db, ids)]);
  return recordDiffering(db, new Map(taskForces.map((taskForce) => [taskForce.id, taskForce.today])), grants, requirements, latest, now);
}

/** The same for one award, before its history is read, so that the history reaches today. */
export async function recordAwardStatuses(taskForce: { id: string; today: string }, grant: GrantRow, now = currentTime()): Promise<number> {
  const db = await getDb();
  const requirements = await listRequirements(db, taskForce.id, [grant.id]);
  const latest = await listLatestStatusChanges(db, [taskForce.id], requirements.map((row) => row.id));
  return recordDiffering(db, new Map([[taskForce.id, taskForce.today]]), [grant], requirements, latest, now);
}
