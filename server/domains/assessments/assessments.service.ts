import { getDb, inTransaction, type Database } from "@/server/lib/unitOfWork";
import type { FrameworkContent } from "@/db/schema";
import { can } from "@/server/auth/permissions";
import { DomainError } from "@/server/errors";
import { todayOfScope, type TaskForceScope } from "@/server/trpc/context";
import { auditedBy, changedFields, recordAudit } from "@/server/domains/audit/audit.service";
import { findCurrentFrameworkVersionOfTaskForce, findFrameworkVersion } from "@/server/domains/frameworks";
import { noticeRoundChange } from "./assessments.notices";
import { countAnswered, findSubmission } from "./responses.queries";
import { filterEligibleRespondents, findRound, findRoundSummary, insertRound, listAskedPeople, listEligibleRespondents, listInviteeIds, listRoundSummaries, replaceInvitees, updateRoundRow, type RoundRow } from "./assessments.queries";
import type { CreateRoundInput, ExtendRoundInput, ReopenRoundInput, RoundInput, UpdateRoundInput } from "./assessments.schemas";
import { currentTime } from "@/server/lib/clock";
import { dateInZone } from "@/server/lib/dates";

/*
 * Assessment rounds: a coordinator drafts a round, opens it, may extend it, closes it, and may
 * reopen it with a reason. The status changes only by these explicit actions; opensOn and closesOn
 * are the announced dates (shown and used by reminders), a round does not open or close by itself.
 *
 * Responses: each asked person saves one element at a time (autosave) and submits explicitly.
 * Only submitted responses count in the consensus. A submitted response may still be revised while
 * the round is open: each save updates the rating's updatedAt and is counted at once, submittedAt
 * keeps the first submission, and the revision is written to the audit log. Draft saves before
 * submitting are the person's own work in progress and are not audited (they would flood the log).
 */

/* ---------- framework elements (versions never change, so their element lists are cached) ---------- */

export interface FrameworkElementRef {
  areaKey: string;
  key: string;
}

interface VersionElements {
  content: FrameworkContent;
  keys: Set<string>;
  elements: FrameworkElementRef[];
}

const versionCache = new Map<string, VersionElements>();

export function elementsOf(content: FrameworkContent): VersionElements {
  const elements = content.areas.flatMap((area) => area.elements.map((element) => ({ areaKey: area.key, key: element.key })));
  return { content, keys: new Set(elements.map((element) => element.key)), elements };
}

export async function versionElements(db: Database, versionId: string): Promise<VersionElements> {
  const cached = versionCache.get(versionId);
  if (cached) return cached;
  const version = await findFrameworkVersion(db, versionId);
  if (!version) throw new Error(`framework version ${versionId} of a round is missing`);
  const result = elementsOf(version.content);
  if (versionCache.size > 100) versionCache.clear();
  versionCache.set(versionId, result);
  return result;
}

export function assertElement(elements: VersionElements, elementKey: string) {
  if (!elements.keys.has(elementKey)) throw new DomainError("INVALID", "unknownElement", { elementKey }, "elementKey");
}

/* ---------- rounds ---------- */

export async function loadRound(db: Database, scope: TaskForceScope, roundId: string, lock?: "share" | "update"): Promise<RoundRow> {
  const round = await findRound(db, scope.taskForceId, roundId, lock);
  if (!round) throw new DomainError("NOT_FOUND", "roundNotFound");
  return round;
}

export async function listRounds(scope: TaskForceScope) {
  return listRoundSummaries(await getDb(), scope.taskForceId);
}

export async function getRound(scope: TaskForceScope, input: RoundInput) {
  const db = await getDb();
  const summary = await findRoundSummary(db, scope.taskForceId, input.roundId, scope.locale);
  if (!summary) throw new DomainError("NOT_FOUND", "roundNotFound");
  const { content, untranslatedTexts, wordingNote, frameworkName, frameworkVersion, ...round } = summary;
  const elements = elementsOf(content);
  const canRespond = can(scope.role, "assessment.respond");
  const asked = canRespond && (await listAskedPeople(db, scope.taskForceId, round, scope.userId)).length > 0;
  const submission = asked ? await findSubmission(db, scope.taskForceId, round.id, scope.userId) : null;
  return {
    round: {
      ...round,
      // The task force's calendar date of the closing, to set beside its planned dates (also calendar dates there).
      closedOn: round.closedAt ? dateInZone(round.closedAt, scope.timeZone) : null,
    },
    framework: { versionId: round.frameworkVersionId, name: frameworkName, version: frameworkVersion, wordingNote, content, untranslatedTexts },
    elementCount: elements.elements.length,
    me: {
      asked,
      canRespondNow: asked && round.status === "open",
      startedAt: submission?.startedAt ?? null,
      submittedAt: submission?.submittedAt ?? null,
      answeredCount: submission ? await countAnswered(db, scope.taskForceId, round.id, scope.userId, [...elements.keys]) : 0,
    },
    /** The people chosen, for editing a draft; only for those who manage rounds. */
    chosenUserIds:
      round.audience === "chosen" && can(scope.role, "assessment.manage") ? await listInviteeIds(db, scope.taskForceId, round.id) : [],
  };
}

/** The people a coordinator may choose for a round: exactly those chosenRespondents accepts. */
export async function listRespondentChoices(scope: TaskForceScope) {
  return listEligibleRespondents(await getDb(), scope.taskForceId);
}

/** The chosen people, deduplicated, each an active coordinator or member of this task force. */
async function chosenRespondents(tx: Database, scope: TaskForceScope, input: Pick<CreateRoundInput, "audience" | "userIds">) {
  if (input.audience === "all") return [];
  const userIds = [...new Set(input.userIds)];
  const eligible = await filterEligibleRespondents(tx, scope.taskForceId, userIds);
  if (eligible.length !== userIds.length) throw new DomainError("INVALID", "respondentNotEligible", {}, "userIds");
  return userIds.sort();
}

function assertNotPast(closesOn: string, today: string) {
  if (closesOn < today) throw new DomainError("INVALID", "closesOnPast", { today }, "closesOn");
}

export function createRound(scope: TaskForceScope, input: CreateRoundInput, now = currentTime()) {
  return inTransaction(async (tx) => {
    assertNotPast(input.closesOn, todayOfScope(scope, now));
    const version = await findCurrentFrameworkVersionOfTaskForce(tx, scope.taskForceId);
    if (!version) throw new DomainError("CONFLICT", "noFramework");
    const userIds = await chosenRespondents(tx, scope, input);
    const values = { title: input.title, audience: input.audience, opensOn: input.opensOn, closesOn: input.closesOn };
    const { id } = await insertRound(tx, {
      ...values,
      taskForceId: scope.taskForceId,
      frameworkVersionId: version.id,
      createdByUserId: scope.userId,
    });
    await replaceInvitees(tx, scope.taskForceId, id, userIds);
    await recordAudit(tx, auditedBy(scope), {
      entity: "assessmentRound",
      entityId: id,
      action: "create",
      changes: changedFields(null, { ...values, frameworkVersionId: version.id, chosenUserIds: userIds }),
    });
    return { id };
  });
}

export function updateRound(scope: TaskForceScope, input: UpdateRoundInput, now = currentTime()) {
  return inTransaction(async (tx) => {
    const round = await loadRound(tx, scope, input.roundId, "update");
    if (round.status !== "draft") throw new DomainError("CONFLICT", "roundNotDraft", { status: round.status });
    assertNotPast(input.closesOn, todayOfScope(scope, now));
    const userIds = await chosenRespondents(tx, scope, input);
    const beforeIds = await listInviteeIds(tx, scope.taskForceId, round.id);
    const after = { title: input.title, audience: input.audience, opensOn: input.opensOn, closesOn: input.closesOn };
    await updateRoundRow(tx, scope.taskForceId, round.id, after);
    await replaceInvitees(tx, scope.taskForceId, round.id, userIds);
    await recordAudit(tx, auditedBy(scope), {
      entity: "assessmentRound",
      entityId: round.id,
      action: "update",
      changes: changedFields({ ...round, chosenUserIds: beforeIds.sort() }, { ...after, chosenUserIds: userIds }),
    });
  });
}

export function openRound(scope: TaskForceScope, input: RoundInput, now = currentTime()) {
  return inTransaction(async (tx) => {
    const round = await loadRound(tx, scope, input.roundId, "update");
    if (round.status !== "draft") throw new DomainError("CONFLICT", "roundNotDraft", { status: round.status });
    if (round.closesOn < todayOfScope(scope, now)) throw new DomainError("CONFLICT", "closesOnPast", {}, "closesOn");
    await updateRoundRow(tx, scope.taskForceId, round.id, { status: "open", openedAt: now });
    await recordAudit(tx, auditedBy(scope), {
      entity: "assessmentRound",
      entityId: round.id,
      action: "open",
      changes: { status: { from: "draft", to: "open" } },
    });
    await noticeRoundChange(tx, scope, round, "assessmentOpened");
  });
}

export function closeRound(scope: TaskForceScope, input: RoundInput, now = currentTime()) {
  return inTransaction(async (tx) => {
    const round = await loadRound(tx, scope, input.roundId, "update");
    if (round.status !== "open") throw new DomainError("CONFLICT", "roundNotOpen", { status: round.status });
    await updateRoundRow(tx, scope.taskForceId, round.id, { status: "closed", closedAt: now });
    await recordAudit(tx, auditedBy(scope), {
      entity: "assessmentRound",
      entityId: round.id,
      action: "close",
      changes: { status: { from: "open", to: "closed" } },
    });
  });
}

/** A later closing date for an open round. A closed round is reopened instead (an explicit, audited act). */
export function extendRound(scope: TaskForceScope, input: ExtendRoundInput, now = currentTime()) {
  return inTransaction(async (tx) => {
    const round = await loadRound(tx, scope, input.roundId, "update");
    if (round.status !== "open") throw new DomainError("CONFLICT", "roundNotOpen", { status: round.status });
    if (input.closesOn < round.closesOn) {
      throw new DomainError("INVALID", "extendNotEarlier", { closesOn: round.closesOn }, "closesOn");
    }
    assertNotPast(input.closesOn, todayOfScope(scope, now));
    await updateRoundRow(tx, scope.taskForceId, round.id, { closesOn: input.closesOn });
    await recordAudit(tx, auditedBy(scope), {
      entity: "assessmentRound",
      entityId: round.id,
      action: "extend",
      changes: { closesOn: { from: round.closesOn, to: input.closesOn } },
    });
    if (input.closesOn !== round.closesOn) await noticeRoundChange(tx, scope, { ...round, closesOn: input.closesOn }, "assessmentExtended");
  });
}

export function reopenRound(scope: TaskForceScope, input: ReopenRoundInput, now = currentTime()) {
  return inTransaction(async (tx) => {
    const round = await loadRound(tx, scope, input.roundId, "update");
    if (round.status !== "closed") throw new DomainError("CONFLICT", "roundNotClosed", { status: round.status });
    const closesOn = input.closesOn ?? round.closesOn;
    assertNotPast(closesOn, todayOfScope(scope, now));
    if (closesOn < round.opensOn) throw new DomainError("INVALID", "closesBeforeOpens", {}, "closesOn");
    await updateRoundRow(tx, scope.taskForceId, round.id, { status: "open", closedAt: null, closesOn });
    await recordAudit(tx, auditedBy(scope), {
      entity: "assessmentRound",
      entityId: round.id,
      action: "reopen",
      changes: {
        status: { from: "closed", to: "open" },
        reason: { from: null, to: input.reason },
        ...(closesOn !== round.closesOn ? { closesOn: { from: round.closesOn, to: closesOn } } : {}),
      },
    });
    // Open again: for those who have not submitted, there is more time.
    await noticeRoundChange(tx, scope, { ...round, closesOn }, "assessmentExtended");
  });
}
