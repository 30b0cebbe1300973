import { insertNotifications } from "@/server/domains/notifications";
import { getDb, transaction, type Database } from "@/db/client";
import type { FrameworkContent } from "@/db/schema";
import { serverTranslator } from "@/server/lib/translate";
import { can } from "@/server/auth/permissions";
import { DomainError } from "@/server/errors";
import { isEmailConfigured, sendMail } from "@/server/mail/mailer";
import { appBaseUrl } from "@/server/env";
import { todayOfScope, type TaskForceScope } from "@/server/trpc/context";
import { auditedBy, changedFields, recordAudit } from "@/server/domains/audit/audit.service";
import { findCurrentFrameworkVersionOfTaskForce, findFrameworkVersion } from "@/server/domains/frameworks";
import {
  compareElement,
  elementResult,
  meanOfResults,
  type ElementComparison,
  type ElementResult,
  type Movement,
  type RespondentRating,
} from "./consensus";
import { elementView, MIN_RATING_GROUP_DEFAULT, MIN_RATING_GROUP_FLOOR, MIN_RATING_GROUP_MAX, mayShowCounts, medianOfCounts, type AnswerCounts } from "./ratingPrivacy";
import {
  countAnswered,
  deleteAgreedStage,
  deleteTarget,
  filterEligibleRespondents,
  findAgreedStage,
  findResponseOf,
  findRound,
  findRoundSummary,
  findSubmission,
  findTarget,
  insertRound,
  insertSubmissionIfMissing,
  listAgreedStages,
  listAskedPeople,
  listClosedRoundAnswerCounts,
  listMinRatingGroups,
  listInviteeIds,
  listResponsesOf,
  listRoundsWithContent,
  listRoundSummaries,
  listSubmissionProgress,
  listSubmittedRatings,
  listTargets,
  markSubmitted,
  replaceInvitees,
  updateMinRatingGroup,
  updateRoundRow,
  upsertAgreedStage,
  upsertResponse,
  upsertTarget,
  type RoundRow,
} from "./assessments.queries";
import type {
  CompareRoundsInput,
  CreateRoundInput,
  ExtendRoundInput,
  RecordAgreedStageInput,
  ReopenRoundInput,
  RoundInput,
  SaveDraftInput,
  SetMinRatingGroupInput,
  SetTargetInput,
  UpdateRoundInput,
} from "./assessments.schemas";
import { currentTime } from "@/server/lib/clock";

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

function elementsOf(content: FrameworkContent): VersionElements {
  const elements = content.areas.flatMap((area) => area.elements.map((element) => ({ areaKey: area.key, key: element.key })));
  return { content, keys: new Set(elements.map((element) => element.key)), elements };
}

async function versionElements(db: Database, versionId: string): Promise<VersionElements> {
  const cached = versionCache.get(versionId);
  if (cached) return cached;
  const version = await findFrameworkVersion(db, versionId);
  if (!version) throw new Error(`framework version ${versionId} of a round is missing`);
  const result = elementsOf(version.content);
  if (versionCache.size > 100) versionCache.clear();
  versionCache.set(versionId, result);
  return result;
}

function assertElement(elements: VersionElements, elementKey: string) {
  if (!elements.keys.has(elementKey)) throw new DomainError("INVALID", "unknownElement", { elementKey }, "elementKey");
}

/* ---------- rounds ---------- */

async function loadRound(db: Database, scope: TaskForceScope, roundId: string, lock?: "share" | "update"): Promise<RoundRow> {
  const round = await findRound(db, scope.taskForceId, roundId, lock);
  if (!round) throw new DomainError("NOT_FOUND", "roundNotFound");
  return round;
}

export async function listRounds(scope: TaskForceScope) {
  return listRoundSummaries(await getDb(), scope.taskForceId);
}

export async function getRound(scope: TaskForceScope, input: RoundInput) {
  const db = await getDb();
  const summary = await findRoundSummary(db, scope.taskForceId, input.roundId);
  if (!summary) throw new DomainError("NOT_FOUND", "roundNotFound");
  const { content, wordingNote, frameworkName, frameworkVersion, ...round } = summary;
  const elements = elementsOf(content);
  const canRespond = can(scope.role, "assessment.respond");
  const asked = canRespond && (await listAskedPeople(db, scope.taskForceId, round, scope.userId)).length > 0;
  const submission = asked ? await findSubmission(db, scope.taskForceId, round.id, scope.userId) : null;
  return {
    round,
    framework: { versionId: round.frameworkVersionId, name: frameworkName, version: frameworkVersion, wordingNote, content },
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
  return transaction(async (tx) => {
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
  return transaction(async (tx) => {
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
  return transaction(async (tx) => {
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
  });
}

export function closeRound(scope: TaskForceScope, input: RoundInput, now = currentTime()) {
  return transaction(async (tx) => {
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
  return transaction(async (tx) => {
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
  });
}

export function reopenRound(scope: TaskForceScope, input: ReopenRoundInput, now = currentTime()) {
  return transaction(async (tx) => {
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
  });
}

/* ---------- responding ---------- */

/** The caller as asked in the round (with current organization and discipline), or FORBIDDEN. */
async function askedCaller(db: Database, scope: TaskForceScope, round: RoundRow) {
  const [person] = await listAskedPeople(db, scope.taskForceId, round, scope.userId);
  if (!person) throw new DomainError("FORBIDDEN", "notAskedInRound");
  return person;
}

function assertOpen(round: RoundRow) {
  if (round.status !== "open") throw new DomainError("CONFLICT", "roundNotOpen", { status: round.status });
}

export async function getMyResponse(scope: TaskForceScope, input: RoundInput) {
  const db = await getDb();
  const round = await loadRound(db, scope, input.roundId);
  await askedCaller(db, scope, round);
  const elements = await versionElements(db, round.frameworkVersionId);
  const submission = await findSubmission(db, scope.taskForceId, round.id, scope.userId);
  const ratings = await listResponsesOf(db, scope.taskForceId, round.id, scope.userId);
  return {
    round: { id: round.id, title: round.title, status: round.status, opensOn: round.opensOn, closesOn: round.closesOn },
    canEdit: round.status === "open",
    elementCount: elements.elements.length,
    answeredCount: ratings.filter((rating) => elements.keys.has(rating.elementKey)).length,
    startedAt: submission?.startedAt ?? null,
    submittedAt: submission?.submittedAt ?? null,
    ratings,
  };
}

/**
 * Saves the caller's rating of one element (called by autosave on every change). Idempotent: the
 * same input twice leaves one row with the same values. The first save starts the response and
 * keeps the organization and discipline the person answers for.
 */
export function saveDraft(scope: TaskForceScope, input: SaveDraftInput, now = currentTime()) {
  return transaction(async (tx) => {
    const round = await loadRound(tx, scope, input.roundId, "share");
    assertOpen(round);
    const person = await askedCaller(tx, scope, round);
    const elements = await versionElements(tx, round.frameworkVersionId);
    assertElement(elements, input.elementKey);

    let submission = await findSubmission(tx, scope.taskForceId, round.id, scope.userId);
    if (!submission) {
      await insertSubmissionIfMissing(tx, {
        taskForceId: scope.taskForceId,
        roundId: round.id,
        respondentUserId: scope.userId,
        organizationId: person.organizationId,
        discipline: person.discipline,
        startedAt: now,
      });
      submission = await findSubmission(tx, scope.taskForceId, round.id, scope.userId);
    }
    const rating = {
      answer: input.answer,
      stage: input.answer === "stage" ? (input.stage ?? null) : null,
      rationale: input.rationale,
      evidence: input.evidence,
      evidenceLinks: input.evidenceLinks,
    };
    const before = submission?.submittedAt ? await findResponseOf(tx, scope.taskForceId, round.id, scope.userId, input.elementKey) : null;
    await upsertResponse(tx, {
      ...rating,
      taskForceId: scope.taskForceId,
      roundId: round.id,
      respondentUserId: scope.userId,
      elementKey: input.elementKey,
      updatedAt: now,
    });
    if (submission?.submittedAt) {
      const changes = changedFields(before, rating);
      if (Object.keys(changes).length > 0) {
        await recordAudit(tx, auditedBy(scope), {
          entity: "assessmentResponse",
          entityId: round.id,
          action: "revise",
          changes: { elementKey: { from: input.elementKey, to: input.elementKey }, ...changes },
        });
      }
    }
    return {
      elementKey: input.elementKey,
      savedAt: now,
      answeredCount: await countAnswered(tx, scope.taskForceId, round.id, scope.userId, [...elements.keys]),
      elementCount: elements.elements.length,
      submittedAt: submission?.submittedAt ?? null,
    };
  });
}

/** Submits the caller's response once every element is answered (a stage, don't know or not applicable). */
export function submitResponse(scope: TaskForceScope, input: RoundInput, now = currentTime()) {
  return transaction(async (tx) => {
    const round = await loadRound(tx, scope, input.roundId, "share");
    assertOpen(round);
    await askedCaller(tx, scope, round);
    const elements = await versionElements(tx, round.frameworkVersionId);
    const submission = await findSubmission(tx, scope.taskForceId, round.id, scope.userId);
    const total = elements.elements.length;
    const answered = submission ? await countAnswered(tx, scope.taskForceId, round.id, scope.userId, [...elements.keys]) : 0;
    if (answered < total) throw new DomainError("INVALID", "responsesMissing", { missing: total - answered, total });
    if (submission?.submittedAt) return { submittedAt: submission.submittedAt, answeredCount: answered, elementCount: total };
    await markSubmitted(tx, scope.taskForceId, round.id, scope.userId, now);
    await recordAudit(tx, auditedBy(scope), {
      entity: "assessmentResponse",
      entityId: round.id,
      action: "submit",
      changes: { submittedAt: { from: null, to: now } },
    });
    return { submittedAt: now, answeredCount: answered, elementCount: total };
  });
}

/* ---------- progress and reminders ---------- */

type ProgressStatus = "notStarted" | "started" | "submitted";

interface GroupCounts {
  asked: number;
  started: number;
  submitted: number;
}

function tally<K, G extends object>(map: Map<K, GroupCounts & G>, key: K, seed: () => G, person: { asked: boolean; status: ProgressStatus }) {
  let group = map.get(key);
  if (!group) {
    group = { ...seed(), asked: 0, started: 0, submitted: 0 };
    map.set(key, group);
  }
  if (person.asked) group.asked += 1;
  if (person.status !== "notStarted") group.started += 1;
  if (person.status === "submitted") group.submitted += 1;
}

export async function getProgress(scope: TaskForceScope, input: RoundInput) {
  const db = await getDb();
  const round = await loadRound(db, scope, input.roundId);
  const elements = await versionElements(db, round.frameworkVersionId);
  const [asked, started] = await Promise.all([
    listAskedPeople(db, scope.taskForceId, round),
    listSubmissionProgress(db, scope.taskForceId, round.id),
  ]);
  const startedBy = new Map(started.map((row) => [row.userId, row]));
  const askedIds = new Set(asked.map((person) => person.userId));
  const respondents = [
    ...asked.map((person) => {
      const progress = startedBy.get(person.userId);
      return {
        userId: person.userId,
        name: person.name,
        // Once started, the organization and discipline they answer for; before, their current ones.
        organizationId: progress ? progress.organizationId : person.organizationId,
        organizationName: progress ? progress.organizationName : person.organizationName,
        discipline: progress ? progress.discipline : person.discipline,
        asked: true,
        status: (progress?.submittedAt ? "submitted" : progress ? "started" : "notStarted") as ProgressStatus,
        startedAt: progress?.startedAt ?? null,
        submittedAt: progress?.submittedAt ?? null,
        answeredCount: progress?.answeredCount ?? 0,
        lastSavedAt: progress?.lastSavedAt ?? null,
      };
    }),
    // People who responded but are no longer asked (left the task force, or changed role).
    ...started
      .filter((row) => !askedIds.has(row.userId))
      .map((row) => ({
        userId: row.userId,
        name: row.name,
        organizationId: row.organizationId,
        organizationName: row.organizationName,
        discipline: row.discipline,
        asked: false,
        status: (row.submittedAt ? "submitted" : "started") as ProgressStatus,
        startedAt: row.startedAt,
        submittedAt: row.submittedAt,
        answeredCount: row.answeredCount,
        lastSavedAt: row.lastSavedAt,
      })),
  ].sort((a, b) => a.name.localeCompare(b.name));

  const byOrganization = new Map<string | null, GroupCounts & { organizationId: string | null; organizationName: string | null }>();
  const byDiscipline = new Map<string | null, GroupCounts & { discipline: string | null }>();
  for (const person of respondents) {
    tally(byOrganization, person.organizationId, () => ({ organizationId: person.organizationId, organizationName: person.organizationName }), person);
    tally(byDiscipline, person.discipline, () => ({ discipline: person.discipline }), person);
  }
  return {
    round: { id: round.id, title: round.title, status: round.status, opensOn: round.opensOn, closesOn: round.closesOn },
    elementCount: elements.elements.length,
    askedCount: asked.length,
    startedCount: respondents.filter((person) => person.status !== "notStarted").length,
    submittedCount: respondents.filter((person) => person.status === "submitted").length,
    respondents,
    byOrganization: [...byOrganization.values()].sort((a, b) => (a.organizationName ?? "\uffff").localeCompare(b.organizationName ?? "\uffff")),
    byDiscipline: [...byDiscipline.values()].sort((a, b) => (a.discipline ?? "\uffff").localeCompare(b.discipline ?? "\uffff")),
    notSubmitted: respondents.filter((person) => person.asked && person.status !== "submitted").map(({ userId, name }) => ({ userId, name })),
  };
}

/**
 * Reminds everyone asked who has not submitted: an in-app notice always, an email too when SMTP is
 * configured. The dedupe key holds one reminder per round, person and (task-force local) day, so
 * pressing the button twice, or a job running twice, reminds nobody twice.
 */
export async function sendReminders(scope: TaskForceScope, input: RoundInput, now = currentTime()) {
  const { reminded, round, skipped } = await transaction(async (tx) => {
    const round = await loadRound(tx, scope, input.roundId);
    assertOpen(round);
    const today = todayOfScope(scope, now);
    const asked = await listAskedPeople(tx, scope.taskForceId, round);
    const progress = await listSubmissionProgress(tx, scope.taskForceId, round.id);
    const submitted = new Set(progress.filter((row) => row.submittedAt).map((row) => row.userId));
    const pending = asked.filter((person) => !submitted.has(person.userId));
    const inserted = await insertNotifications(
      tx,
      pending.map((person) => ({
        taskForceId: scope.taskForceId,
        userId: person.userId,
        kind: "assessmentReminder",
        values: { roundTitle: round.title, closesOn: round.closesOn },
        link: `/tf/${scope.taskForceSlug}/assessments/${round.id}/respond`,
        dedupeKey: `assessment-reminder:${round.id}:${person.userId}:${today}`,
      })),
    );
    const newly = new Set(inserted.map((row) => row.userId));
    if (newly.size > 0) {
      await recordAudit(tx, auditedBy(scope), {
        entity: "assessmentRound",
        entityId: round.id,
        action: "remind",
        changes: { reminded: { from: null, to: newly.size } },
      });
    }
    return { round, reminded: pending.filter((person) => newly.has(person.userId)), skipped: pending.length - newly.size };
  });
  let emailed = 0;
  if (isEmailConfigured()) {
    for (const person of reminded) {
      if (await trySendReminder(person.email, scope.taskForceName, round, scope.taskForceSlug)) emailed += 1;
    }
  }
  return { notified: reminded.length, alreadyRemindedToday: skipped, emailed };
}

async function trySendReminder(email: string, taskForceName: string, round: RoundRow, slug: string): Promise<boolean> {
  const t = serverTranslator("email.assessmentReminder");
  const link = `${appBaseUrl()}/tf/${slug}/assessments/${round.id}/respond`;
  try {
    await sendMail({
      to: email,
      subject: t("subject", { round: round.title }),
      text: t("body", { round: round.title, taskForce: taskForceName, closesOn: round.closesOn, link }),
    });
    return true;
  } catch (error) {
    // The in-app notice stands; a failed email is not worth failing the request for.
    console.error("Sending an assessment reminder failed:", error instanceof Error ? error.message : error);
    return false;
  }
}

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
async function ratingGroupLimitOf(db: Database, scope: TaskForceScope): Promise<number | null> {
  if (can(scope.role, "assessment.readIndividual")) return null;
  return (await minRatingGroupsOf(db, [scope.taskForceId]))(scope.taskForceId);
}

async function minRatingGroupsOf(db: Database, taskForceIds: readonly string[]) {
  const rows = await listMinRatingGroups(db, taskForceIds);
  const byId = new Map(rows.map((row) => [row.taskForceId, row.minRatingGroup]));
  return (taskForceId: string) => byId.get(taskForceId) ?? MIN_RATING_GROUP_DEFAULT;
}

export async function getConsensus(scope: TaskForceScope, input: RoundInput) {
  const db = await getDb();
  const summary = await findRoundSummary(db, scope.taskForceId, input.roundId);
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
      const visible = access === "all" ? elementRows : access === "own" ? elementRows.filter((row) => row.respondentUserId === scope.userId) : [];
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
        ratings: visible.map((row) => ({
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
        })),
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

function toRespondentRating(row: { respondentUserId: string; answer: RespondentRating["answer"]; stage: number | null; discipline: string | null }): RespondentRating {
  return { respondentId: row.respondentUserId, answer: row.answer, stage: row.stage, discipline: row.discipline };
}

function groupBy<T, K>(rows: readonly T[], keyOf: (row: T) => K): Map<K, T[]> {
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
  return transaction(async (tx) => {
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
  return transaction(async (tx) => {
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
  return transaction(async (tx) => {
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

/* ---------- comparison and trend ---------- */

interface ComparedElement extends ElementComparison {
  key: string;
  name: string;
}

export async function compareRounds(scope: TaskForceScope, input: CompareRoundsInput) {
  const db = await getDb();
  const ids = [...new Set([input.roundA, input.roundB])];
  const [rounds, rows, agreed, minGroup] = await Promise.all([
    listRoundsWithContent(db, [scope.taskForceId], { ids }),
    listSubmittedRatings(db, scope.taskForceId, ids),
    listAgreedStages(db, [scope.taskForceId], ids),
    ratingGroupLimitOf(db, scope),
  ]);
  const roundA = rounds.find((round) => round.id === input.roundA);
  const roundB = rounds.find((round) => round.id === input.roundB);
  if (!roundA || !roundB) throw new DomainError("NOT_FOUND", "roundNotFound");

  const ratings = groupBy(rows, (row) => `${row.roundId}|${row.elementKey}`);
  const agreedStage = new Map(agreed.map((row) => [`${row.roundId}|${row.elementKey}`, row.stage]));
  const respondentsOf = (roundId: string) => new Set(rows.filter((row) => row.roundId === roundId).map((row) => row.respondentUserId));
  const inA = respondentsOf(roundA.id);

  // B's structure first (the later round), then anything only A had, so nothing silently disappears.
  const areaOrder: { key: string; name: string; elements: { key: string; name: string }[] }[] = roundB.content.areas.map((area) => ({
    key: area.key,
    name: area.name,
    elements: area.elements.map(({ key, name }) => ({ key, name })),
  }));
  const seen = new Set(areaOrder.flatMap((area) => area.elements.map((element) => element.key)));
  for (const area of roundA.content.areas) {
    const missing = area.elements.filter((element) => !seen.has(element.key)).map(({ key, name }) => ({ key, name }));
    if (missing.length === 0) continue;
    const target = areaOrder.find((candidate) => candidate.key === area.key);
    if (target) target.elements.push(...missing);
    else areaOrder.push({ key: area.key, name: area.name, elements: missing });
  }

  const movementCounts: Record<Movement, number> = { up: 0, down: 0, unchanged: 0, notComparable: 0 };
  const areas = areaOrder.map((area) => {
    const elements: ComparedElement[] = area.elements.map((element) => {
      const comparison = compareElement({
        ratingsA: (ratings.get(`${roundA.id}|${element.key}`) ?? []).map(toRespondentRating),
        ratingsB: (ratings.get(`${roundB.id}|${element.key}`) ?? []).map(toRespondentRating),
        agreedA: agreedStage.get(`${roundA.id}|${element.key}`) ?? null,
        agreedB: agreedStage.get(`${roundB.id}|${element.key}`) ?? null,
        sameRespondentsOnly: input.sameRespondentsOnly,
        minGroup,
      });
      movementCounts[comparison.movement] += 1;
      return { key: element.key, name: element.name, ...comparison };
    });
    return {
      key: area.key,
      name: area.name,
      resultA: meanOfResults(elements.map((element) => element.a.stage)),
      resultB: meanOfResults(elements.map((element) => element.b.stage)),
      elements,
    };
  });
  const summaryOf = (round: typeof roundA) => ({ id: round.id, title: round.title, status: round.status, opensOn: round.opensOn, closesOn: round.closesOn });
  return {
    roundA: summaryOf(roundA),
    roundB: summaryOf(roundB),
    sameRespondentsOnly: input.sameRespondentsOnly,
    respondentsInBoth: [...respondentsOf(roundB.id)].filter((id) => inA.has(id)).length,
    movementCounts,
    areas,
  };
}

/**
 * Each area's level per closed round, oldest first: the mean of its element results (agreed stage,
 * else median) that the caller may see. Four queries whatever the number of rounds: rounds, answer
 * counts (aggregated in SQL), agreed stages, the task force's minimum rating group. Areas are
 * matched by key; names come from the latest round's framework.
 */
export async function getTrend(scope: TaskForceScope) {
  return areaTrendOf(await getDb(), scope.taskForceId, !can(scope.role, "assessment.readIndividual"));
}

/**
 * getTrend for a task force the caller was already checked for (a report section). `restricted`:
 * results only of groups that may be shown to someone who may not read individual ratings — always
 * true for anything that leaves the task force (reports, the funder portfolio).
 */
export async function areaTrendOf(db: Database, taskForceId: string, restricted: boolean) {
  return (await areaTrendsOf(db, [taskForceId], restricted))(taskForceId);
}

/**
 * The trends of task forces the caller was already checked for (the funder portfolio spans
 * several): the same queries for any number of them. Returns each task force's trend by id.
 */
export async function areaTrendsOf(db: Database, taskForceIds: readonly string[], restricted: boolean) {
  const [rounds, counts, agreed, minGroupOf] = await Promise.all([
    listRoundsWithContent(db, taskForceIds, { status: "closed" }),
    listClosedRoundAnswerCounts(db, taskForceIds),
    listAgreedStages(db, taskForceIds),
    minRatingGroupsOf(db, taskForceIds),
  ]);
  return (taskForceId: string) => {
    const own = <T extends { taskForceId: string }>(rows: readonly T[]) => rows.filter((row) => row.taskForceId === taskForceId);
    const medians = elementMedians(own(counts), restricted ? minGroupOf(taskForceId) : null);
    return areaTrendFrom(own(rounds), medians, own(agreed));
  };
}

/** The median per closed round and element of the caller's task force, withheld as getTrend would (a gap's progress). */
export async function closedRoundMediansFor(db: Database, scope: TaskForceScope) {
  const [counts, minGroup] = await Promise.all([listClosedRoundAnswerCounts(db, [scope.taskForceId]), ratingGroupLimitOf(db, scope)]);
  return elementMedians(counts, minGroup);
}

/** Answer-count rows (one per round, element and answer) as counts per round and element. */
export function answerCountsByElement(rows: readonly { roundId: string; elementKey: string; answer: RespondentRating["answer"]; stage: number | null; count: number }[]) {
  const byElement = new Map<string, { roundId: string; elementKey: string; counts: { stages: number[]; dontKnow: number; notApplicable: number } }>();
  for (const row of rows) {
    const key = `${row.roundId}|${row.elementKey}`;
    let entry = byElement.get(key);
    if (!entry) {
      entry = { roundId: row.roundId, elementKey: row.elementKey, counts: { stages: [0, 0, 0, 0, 0], dontKnow: 0, notApplicable: 0 } };
      byElement.set(key, entry);
    }
    if (row.answer === "stage" && row.stage !== null && row.stage >= 1 && row.stage <= 5) entry.counts.stages[row.stage - 1] = (entry.counts.stages[row.stage - 1] ?? 0) + row.count;
    else if (row.answer === "dont_know") entry.counts.dontKnow += row.count;
    else if (row.answer === "not_applicable") entry.counts.notApplicable += row.count;
  }
  return [...byElement.values()];
}

/**
 * The median per round and element, with `withheld` set where the group may not be shown to the
 * caller (minGroup not null; ratingPrivacy.ts rules 1 and 2).
 */
export function elementMedians(rows: Parameters<typeof answerCountsByElement>[0], minGroup: number | null) {
  return answerCountsByElement(rows).map(({ roundId, elementKey, counts }: { roundId: string; elementKey: string; counts: AnswerCounts }) => ({
    roundId,
    elementKey,
    median: medianOfCounts(counts),
    withheld: minGroup !== null && !mayShowCounts(counts, minGroup),
  }));
}

function areaTrendFrom(
  rounds: readonly { id: string; title: string; opensOn: string; closesOn: string; closedAt: Date | null; content: FrameworkContent }[],
  medians: readonly { roundId: string; elementKey: string; median: number | null; withheld: boolean }[],
  agreed: readonly { roundId: string; elementKey: string; stage: number }[],
) {
  const medianOf = new Map(medians.map((row) => [`${row.roundId}|${row.elementKey}`, row]));
  const agreedOf = new Map(agreed.map((row) => [`${row.roundId}|${row.elementKey}`, row.stage]));

  const areaNames = new Map<string, string>();
  for (const round of rounds) for (const area of round.content.areas) areaNames.set(area.key, area.name);

  const areas = [...areaNames.entries()].map(([key, name]) => ({
    key,
    name,
    points: rounds.map((round) => {
      const area = round.content.areas.find((candidate) => candidate.key === key);
      const results: ElementResult[] = (area?.elements ?? []).map((element) => {
        const id = `${round.id}|${element.key}`;
        const median = medianOf.get(id);
        return elementResult(agreedOf.get(id) ?? null, { median: median?.median ?? null }, median?.withheld ?? false);
      });
      return {
        roundId: round.id,
        mean: meanOfResults(results.map((result) => result.stage)),
        elementsWithResult: results.filter((result) => result.stage !== null).length,
      };
    }),
  }));
  return {
    rounds: rounds.map((round) => ({ id: round.id, title: round.title, opensOn: round.opensOn, closesOn: round.closesOn, closedAt: round.closedAt })),
    areas,
  };
}
