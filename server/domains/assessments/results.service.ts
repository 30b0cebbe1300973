import { getDb, inTransaction, type Database } from "@/server/lib/unitOfWork";
import { can } from "@/server/auth/permissions";
import { DomainError } from "@/server/errors";
import type { TaskForceScope } from "@/server/trpc/context";
import { auditedBy, changedFields, recordAudit } from "@/server/domains/audit/audit.service";
import { findCurrentFrameworkVersionOfTaskForce } from "@/server/domains/frameworks";
import { meanOfResults, type RespondentRating } from "./consensus";
import { elementView, MIN_RATING_GROUP_DEFAULT, MIN_RATING_GROUP_FLOOR, MIN_RATING_GROUP_MAX } from "./ratingPrivacy";
import { deleteAgreedStage, deleteTarget, findAgreedStage, findTarget, listAgreedStages, listMinRatingGroups, listSubmittedRatings, listTargets, updateMinRatingGroup, upsertAgreedStage, upsertTarget } from "./results.queries";
import { findRoundSummary } from "./assessments.queries";
import type { ConsensusInput, ElementRatingsInput, RecordAgreedStageInput, SetMinRatingGroupInput, SetTargetInput } from "./assessments.schemas";
import { currentTime } from "@/server/lib/clock";
import { assertElement, elementsOf, loadRound, versionElements } from "./assessments.service";

/*
 * A round's results: the consensus per element (as each role may see it, small groups withheld:
 * ratingPrivacy.ts), the stages the task force agrees on, its targets, and the smallest group of
 * ratings it shows.
 */

/* ---------- consensus, agreed stages, targets ---------- */

/** Which individual ratings the caller may see: every one (coordinators), their own (members), none. */
export type IndividualRatingsAccess = "all" | "own" | "none";

function individualAccess(scope: TaskForceScope): IndividualRatingsAccess {
  if (can(scope.role, "assessment.readIndividual")) return "all";
  if (can(scope.role, "assessment.respond")) return "own";
  return "none";
}

/**
 * The smallest group whose rating statistics the caller may see, or null when they may read every
 * rating (coordinators). Everyone else (members, viewers, funders) gets the task force's setting.
 */
export async function ratingGroupLimitOf(db: Database, scope: TaskForceScope): Promise<number | null> {
  if (can(scope.role, "assessment.readIndividual")) return null;
  return (await minRatingGroupsOf(db, [scope.taskForceId]))(scope.taskForceId);
}

export async function minRatingGroupsOf(db: Database, taskForceIds: readonly string[]) {
  const rows = await listMinRatingGroups(db, taskForceIds);
  const byId = new Map(rows.map((row) => [row.taskForceId, row.minRatingGroup]));
  return (taskForceId: string) => byId.get(taskForceId) ?? MIN_RATING_GROUP_DEFAULT;
}

type SubmittedRating = Awaited<ReturnType<typeof listSubmittedRatings>>[number];

/** One rating as a reader allowed to see it is shown it: who, from which organization, what and why. */
function individualRating(row: SubmittedRating, scope: TaskForceScope) {
  return {
    respondentUserId: row.respondentUserId,
    respondentName: row.respondentName,
    organizationName: row.organizationName,
    discipline: row.discipline,
    answer: row.answer,
    stage: row.stage,
    rationale: row.rationale,
    evidence: row.evidence,
    evidenceLinks: row.evidenceLinks,
    updatedAt: row.updatedAt,
    isMine: row.respondentUserId === scope.userId,
  };
}

/**
 * Every rating of one element of a round, for those who may read individual ratings (the procedure
 * requires assessment.readIndividual): what the results page shows when a coordinator opens an
 * element's ratings, as getConsensus would have included them.
 */
export async function getElementRatings(scope: TaskForceScope, input: ElementRatingsInput) {
  if (individualAccess(scope) !== "all") throw new DomainError("FORBIDDEN", "forbidden");
  const db = await getDb();
  const round = await loadRound(db, scope, input.roundId);
  assertElement(await versionElements(db, round.frameworkVersionId), input.elementKey);
  const rows = await listSubmittedRatings(db, scope.taskForceId, [round.id], input.elementKey);
  return rows.map((row) => individualRating(row, scope));
}

export async function getConsensus(scope: TaskForceScope, input: ConsensusInput) {
  const db = await getDb();
  const summary = await findRoundSummary(db, scope.taskForceId, input.roundId, scope.locale);
  if (!summary) throw new DomainError("NOT_FOUND", "roundNotFound");
  const { content, ...round } = summary;
  const access = individualAccess(scope);
  const [rows, agreed, targets, minGroup] = await Promise.all([
    listSubmittedRatings(db, scope.taskForceId, [round.id]),
    listAgreedStages(db, [scope.taskForceId], [round.id]),
    listTargets(db, scope.taskForceId),
    ratingGroupLimitOf(db, scope),
  ]);
  const ratingsBy = groupBy(rows, (row) => row.elementKey);
  const agreedBy = new Map(agreed.map((row) => [row.elementKey, row]));
  const targetBy = new Map(targets.map((row) => [row.elementKey, row]));

  const areas = content.areas.map((area) => {
    const elements = area.elements.map((element) => {
      const elementRows = ratingsBy.get(element.key) ?? [];
      const ratings = elementRows.map(toRespondentRating);
      const agreedRow = agreedBy.get(element.key);
      const view = elementView(ratings, agreedRow?.stage ?? null, minGroup);
      const targetRow = targetBy.get(element.key);
      const own = () => elementRows.filter((row) => row.respondentUserId === scope.userId);
      const visible = access === "all" ? (input.withRatings === false ? own() : elementRows) : access === "own" ? own() : [];
      return {
        key: element.key,
        name: element.name,
        answerCount: view.answerCount,
        stats: view.stats,
        byDiscipline: view.byDiscipline,
        agreed: agreedRow
          ? { stage: agreedRow.stage, note: agreedRow.note, recordedAt: agreedRow.recordedAt, recordedByName: agreedRow.recordedByName }
          : null,
        result: view.result,
        target: targetRow ? { stage: targetRow.stage, note: targetRow.note } : null,
        ratings: visible.map((row) => individualRating(row, scope)),
      };
    });
    return { key: area.key, name: area.name, result: meanOfResults(elements.map((element) => element.result.stage)), elements };
  });
  return {
    round: {
      id: round.id,
      title: round.title,
      status: round.status,
      opensOn: round.opensOn,
      closesOn: round.closesOn,
      frameworkName: round.frameworkName,
      frameworkVersion: round.frameworkVersion,
    },
    respondentCount: new Set(rows.map((row) => row.respondentUserId)).size,
    individualRatings: access,
    /** Null when the caller sees every group; else the smallest group whose statistics they are shown. */
    minRatingGroup: minGroup,
    areas,
  };
}

export function toRespondentRating(row: { respondentUserId: string; answer: RespondentRating["answer"]; stage: number | null; discipline: string | null }): RespondentRating {
  return { respondentId: row.respondentUserId, answer: row.answer, stage: row.stage, discipline: row.discipline };
}

export function groupBy<T, K>(rows: readonly T[], keyOf: (row: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}

/** Records (or, with stage null, removes) the stage agreed for an element, in an open or closed round. */
export function recordAgreedStage(scope: TaskForceScope, input: RecordAgreedStageInput, now = currentTime()) {
  return inTransaction(async (tx) => {
    const round = await loadRound(tx, scope, input.roundId, "share");
    if (round.status === "draft") throw new DomainError("CONFLICT", "roundIsDraft");
    assertElement(await versionElements(tx, round.frameworkVersionId), input.elementKey);
    const before = await findAgreedStage(tx, scope.taskForceId, round.id, input.elementKey);
    const entityId = `${round.id}:${input.elementKey}`;
    if (input.stage === null) {
      if (!before) return;
      await deleteAgreedStage(tx, scope.taskForceId, round.id, input.elementKey);
      await recordAudit(tx, auditedBy(scope), { entity: "agreedStage", entityId, action: "delete", changes: changedFields<Record<string, unknown>>(before, { stage: null, note: null }) });
      return;
    }
    const after = { stage: input.stage, note: input.note };
    await upsertAgreedStage(tx, {
      ...after,
      taskForceId: scope.taskForceId,
      roundId: round.id,
      elementKey: input.elementKey,
      recordedByUserId: scope.userId,
      recordedAt: now,
    });
    await recordAudit(tx, auditedBy(scope), { entity: "agreedStage", entityId, action: before ? "update" : "create", changes: changedFields(before, after) });
  });
}

/** Sets (or, with stage null, removes) the task force's target stage for an element of its current framework. */
export function setTarget(scope: TaskForceScope, input: SetTargetInput, now = currentTime()) {
  return inTransaction(async (tx) => {
    const version = await findCurrentFrameworkVersionOfTaskForce(tx, scope.taskForceId);
    if (!version) throw new DomainError("CONFLICT", "noFramework");
    assertElement(elementsOf(version.content), input.elementKey);
    const before = await findTarget(tx, scope.taskForceId, input.elementKey);
    if (input.stage === null) {
      if (!before) return;
      await deleteTarget(tx, scope.taskForceId, input.elementKey);
      await recordAudit(tx, auditedBy(scope), {
        entity: "elementTarget",
        entityId: input.elementKey,
        action: "delete",
        changes: changedFields<Record<string, unknown>>(before, { stage: null, note: null }),
      });
      return;
    }
    const after = { stage: input.stage, note: input.note };
    await upsertTarget(tx, { ...after, taskForceId: scope.taskForceId, elementKey: input.elementKey, updatedByUserId: scope.userId, updatedAt: now });
    await recordAudit(tx, auditedBy(scope), {
      entity: "elementTarget",
      entityId: input.elementKey,
      action: before ? "update" : "create",
      changes: changedFields(before, after),
    });
  });
}

/** The task force's smallest group of respondents whose rating statistics others may see. */
export async function getRatingPrivacy(scope: TaskForceScope) {
  const minRatingGroup = (await minRatingGroupsOf(await getDb(), [scope.taskForceId]))(scope.taskForceId);
  return { minRatingGroup, floor: MIN_RATING_GROUP_FLOOR, max: MIN_RATING_GROUP_MAX, seesEveryGroup: can(scope.role, "assessment.readIndividual") };
}

export function setMinRatingGroup(scope: TaskForceScope, input: SetMinRatingGroupInput) {
  return inTransaction(async (tx) => {
    const before = (await minRatingGroupsOf(tx, [scope.taskForceId]))(scope.taskForceId);
    if (before === input.minRatingGroup) return;
    await updateMinRatingGroup(tx, scope.taskForceId, input.minRatingGroup);
    await recordAudit(tx, auditedBy(scope), {
      entity: "taskForce",
      entityId: scope.taskForceId,
      action: "update",
      changes: { minRatingGroup: { from: before, to: input.minRatingGroup } },
    });
  });
}

export async function listTargetsOf(scope: TaskForceScope) {
  return listTargets(await getDb(), scope.taskForceId);
}
