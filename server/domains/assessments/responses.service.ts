import { insertNotifications } from "@/server/domains/notifications";
import { getDb, inTransaction, type Database } from "@/server/lib/unitOfWork";
import { localeOf, serverTranslator } from "@/server/lib/translate";
import { can } from "@/server/auth/permissions";
import { DomainError } from "@/server/errors";
import { isEmailConfigured, sendMail } from "@/server/mail/mailer";
import { appBaseUrl } from "@/server/env";
import { todayOfScope, type TaskForceScope } from "@/server/trpc/context";
import { auditedBy, changedFields, recordAudit } from "@/server/domains/audit/audit.service";
import { countAnswered, findResponseOf, findSubmission, insertSubmissionIfMissing, listResponsesOf, listSubmissionProgress, markSubmitted, upsertResponse } from "./responses.queries";
import { listAskedPeople, listRoundsWithContent, type RoundRow } from "./assessments.queries";
import type { RoundInput, SaveDraftInput } from "./assessments.schemas";
import { currentTime } from "@/server/lib/clock";
import { assertElement, elementsOf, loadRound, versionElements } from "./assessments.service";

/*
 * Answering a round: each asked person saves one element at a time (autosave) and submits
 * explicitly; the coordinator follows progress by organization and discipline and reminds those
 * who have not submitted. See assessments.service.ts for the rules a round follows.
 */

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
 * The open rounds that ask the caller and that they have not submitted, soonest closing first, with
 * how far they got: the "rounds to answer" of their tasks. Rounds are few at a time (usually one).
 */
export async function listRoundsToAnswer(scope: TaskForceScope) {
  if (!can(scope.role, "assessment.respond")) return [];
  const db = await getDb();
  const rounds = await listRoundsWithContent(db, [scope.taskForceId], { status: "open", locale: scope.locale });
  const toAnswer = await Promise.all(
    rounds.map(async ({ content, ...round }) => {
      const [asked] = await listAskedPeople(db, scope.taskForceId, round, scope.userId);
      if (!asked) return null;
      const submission = await findSubmission(db, scope.taskForceId, round.id, scope.userId);
      if (submission?.submittedAt) return null;
      const elements = elementsOf(content);
      const answeredCount = submission ? await countAnswered(db, scope.taskForceId, round.id, scope.userId, [...elements.keys]) : 0;
      return { id: round.id, title: round.title, closesOn: round.closesOn, elementCount: elements.elements.length, answeredCount };
    }),
  );
  return toAnswer.filter((round) => round !== null);
}

/**
 * Saves the caller's rating of one element (called by autosave on every change). Idempotent: the
 * same input twice leaves one row with the same values. The first save starts the response and
 * keeps the organization and discipline the person answers for.
 */
export function saveDraft(scope: TaskForceScope, input: SaveDraftInput, now = currentTime()) {
  return inTransaction(async (tx) => {
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
  return inTransaction(async (tx) => {
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
  const { reminded, round, skipped } = await inTransaction(async (tx) => {
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
      if (await trySendReminder(person, scope.taskForceName, round, scope.taskForceSlug)) emailed += 1;
    }
  }
  return { notified: reminded.length, alreadyRemindedToday: skipped, emailed };
}

async function trySendReminder(person: { email: string; locale: string | null }, taskForceName: string, round: RoundRow, slug: string): Promise<boolean> {
  const t = serverTranslator("email.assessmentReminder", localeOf(person));
  const link = `${appBaseUrl()}/tf/${slug}/assessments/${round.id}/respond`;
  try {
    await sendMail({
      to: person.email,
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
