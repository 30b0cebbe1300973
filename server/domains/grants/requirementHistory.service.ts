import { getDb, type Database } from "@/server/lib/unitOfWork";
import { can } from "@/server/auth/permissions";
import { DomainError } from "@/server/errors";
import { todayOfScope, type TaskForceScope } from "@/server/trpc/context";
import { currentTime } from "@/server/lib/clock";
import { requirementProgress, type ReportingCadence } from "./grants.rules";
import { listGrants } from "./grants.queries";
import { loadGrant } from "./grants.service";
import { listStatusChangesOfGrant, listStatusChangesOfTaskForces } from "./requirementHistory.queries";
import {
  changeDays,
  historyDates,
  onLocalDays,
  progressOn,
  progressSummary,
  reconstructedOn,
  statusesAsOf,
  type DatedChange,
  type StatusChangeSource,
} from "./requirementHistory.rules";
import { recordAwardStatuses } from "./statusRecorder";
import type { GrantInput, RequirementsAsOfInput } from "./grants.schemas";

/*
 * Requirement statuses over an award's life, read from what statusRecorder.ts recorded. Whoever may
 * see the award (grant.read) sees its history: statuses are not victim counts, so a funder reads them
 * as on the award page, and, as there, learns why an override was made but not who made a change
 * (grant.readInternal), as with reports of record.
 */

type RecordedChange = DatedChange & { source: StatusChangeSource; recordedAt: Date };

/** An award's counts by status at each reporting period's end and today, on each day of a change, and the sentence that sums them up. */
function progressSeries(award: { periodStart: string; periodEnd: string; reportingCadence: ReportingCadence }, changes: readonly RecordedChange[], today: string, timeZone: string) {
  const dates = historyDates(award, today);
  const points = progressOn(
    changes,
    dates.map((date) => date.date),
  ).map((point, index) => ({ ...dates[index]!, progress: point.progress }));
  return {
    points,
    byChangeDay: progressOn(changes, changeDays(changes, today)),
    summary: progressSummary(points),
    reconstructedOn: reconstructedOn(changes, timeZone),
  };
}

/**
 * The award's requirements met, in progress and not started over its life. Records first what has
 * changed and not been recorded yet (statusRecorder.ts), so the history reaches today's statuses.
 */
export async function getRequirementHistory(scope: TaskForceScope, input: GrantInput, now = currentTime()) {
  const db = await getDb();
  const grant = await loadGrant(db, scope, input.grantId);
  const today = todayOfScope(scope, now);
  await recordAwardStatuses({ id: scope.taskForceId, today }, grant, now);
  const changes = onLocalDays(await listStatusChangesOfGrant(db, scope.taskForceId, grant.id), scope.timeZone);
  return { today, ...progressSeries(grant, changes, today, scope.timeZone) };
}

/**
 * Each requirement of the award as it stood at the end of `date` in the task force's zone, with the
 * change it rested on; requirements that did not exist yet are left out. Today's statuses are
 * recorded first, as for the history; a date after today is refused (nothing is known of it).
 */
export async function getRequirementsAsOf(scope: TaskForceScope, input: RequirementsAsOfInput, now = currentTime()) {
  const db = await getDb();
  const grant = await loadGrant(db, scope, input.grantId);
  const today = todayOfScope(scope, now);
  if (input.date > today) throw new DomainError("INVALID", "asOfInFuture", { today }, "date");
  if (input.date === today) await recordAwardStatuses({ id: scope.taskForceId, today }, grant, now);
  const changes = onLocalDays(await listStatusChangesOfGrant(db, scope.taskForceId, grant.id), scope.timeZone);
  const asOf = [...statusesAsOf(changes, input.date).values()];
  const internal = can(scope.role, "grant.readInternal");
  // The rows come in the award's requirement order, so the map keeps it.
  return {
    date: input.date,
    today,
    progress: requirementProgress(asOf.map((change) => change.status)),
    requirements: asOf.map((change) => ({
      requirementId: change.requirementId,
      title: change.title,
      status: change.status,
      source: change.source,
      changedAt: change.changedAt,
      reason: change.reason,
      changedByName: internal ? change.changedByName : null,
    })),
  };
}

/**
 * Requirement counts over time of every award of the given task forces at once (for a portfolio,
 * e.g. a funder's "requirements met over time per award"): per award, the counts at each reporting
 * period's end and today, on each day of a change, and the summary. Two queries whatever the number
 * of awards (one for the awards, one for every recorded change). It reads what is recorded, which
 * the daily jobs keep current; it records nothing itself.
 */
export async function requirementProgressOverTime(db: Database, taskForces: readonly { id: string; timeZone: string; today: string }[]) {
  const ids = taskForces.map((taskForce) => taskForce.id);
  if (ids.length === 0) return [];
  const [grants, changes] = await Promise.all([listGrants(db, ids), listStatusChangesOfTaskForces(db, ids)]);
  const changesOf = new Map<string, (typeof changes)[number][]>();
  for (const change of changes) {
    const ofGrant = changesOf.get(change.grantId);
    if (ofGrant) ofGrant.push(change);
    else changesOf.set(change.grantId, [change]);
  }
  const taskForceOf = new Map(taskForces.map((taskForce) => [taskForce.id, taskForce]));
  return grants.flatMap((grant) => {
    const taskForce = taskForceOf.get(grant.taskForceId);
    if (!taskForce) return [];
    const dated = onLocalDays(changesOf.get(grant.id) ?? [], taskForce.timeZone);
    return [{ taskForceId: grant.taskForceId, grantId: grant.id, awardNumber: grant.awardNumber, ...progressSeries(grant, dated, taskForce.today, taskForce.timeZone) }];
  });
}
