import { getDb, inTransaction, type Database } from "@/server/lib/unitOfWork";
import { can } from "@/server/auth/permissions";
import { DomainError } from "@/server/errors";
import { todayOfScope, type TaskForceScope } from "@/server/trpc/context";
import { auditedBy, changedFields, recordAudit } from "@/server/domains/audit/audit.service";
import { listActionItems } from "@/server/domains/actionItems";
import { dueState } from "@/server/lib/due";
import { listOrganizations } from "@/server/domains/organizations";
import { noticeMeeting } from "./meetings.notices";
import { attendanceRate, disciplinesPresent, instantToZonedTime, isValidTimeZone, undecidedItems, zonedTimeToInstant } from "./meetings.rules";
import { findCommittee, listCommitteeIdsOf } from "@/server/domains/committees";
import { findMeeting, findPreviousMeeting, insertAgendaItems, insertMeeting, listActivePeople, listAgendaItems, listAttendance, listCarriedInto, listDecidedAgendaItemIds, listDecisions, listMeetings, listMinuteComments, listOpenActionsOfMeeting, nextAgendaPosition, updateMeetingRow, type MeetingRow } from "./meetings.queries";
import type { CreateMeetingInput, ListDecisionsInput, ListMeetingsInput, MeetingInput, UpdateMeetingInput } from "./meetings.schemas";
import { currentTime } from "@/server/lib/clock";
import { addDays } from "@/server/lib/dates";

/*
 * Meetings, their agenda, attendance, minutes and decisions. Who may do what depends on the record
 * as well as the role, so it is decided here (the permission map only lets the right roles in):
 * - coordinators (meeting.manageAll) manage every meeting; a committee's chair person manages that
 *   committee's meetings (meeting.manage + chair);
 * - members see full task-force meetings and those of committees they sit on or chair;
 * - funders see only meetings whose minutes were approved and shared with them, and of those the
 *   shell, agenda, minutes and decisions (no attendance list, comments or action items);
 * - viewers read every meeting and approved minutes; draft minutes are for members and managers.
 * Approved minutes freeze the meeting record: agenda, minutes, attendance and new decisions are refused.
 */

/** How many of the latest full task-force meetings a core discipline must be missing from to raise the alert. */
export const CORE_ABSENCE_WINDOW = 3;


export const managesAllMeetings = (scope: TaskForceScope) => can(scope.role, "meeting.manageAll");

type Visible = Pick<MeetingRow, "committeeId" | "committeeChairUserId" | "minutesStatus" | "minutesSharedWithFunders">;

/** What the caller may do with one meeting; `committeeIds` are the committees they sit on or chair. */
export function meetingRights(scope: TaskForceScope, meeting: Visible, committeeIds: ReadonlySet<string>) {
  const all = managesAllMeetings(scope);
  const chairs = meeting.committeeId !== null && meeting.committeeChairUserId === scope.userId && can(scope.role, "meeting.manage");
  const manage = all || chairs;
  const sharedWithFunders = meeting.minutesStatus === "approved" && meeting.minutesSharedWithFunders;
  const read =
    manage ||
    scope.role === "viewer" ||
    (scope.role === "funder" && sharedWithFunders) ||
    (scope.role === "member" && (meeting.committeeId === null || committeeIds.has(meeting.committeeId)));
  const draft = meeting.minutesStatus === "draft";
  const member = can(scope.role, "meeting.attend");
  return {
    read,
    manage: manage && draft,
    /** Status changes of decisions and meeting-level actions stay possible after approval. */
    manageLater: manage,
    approve: can(scope.role, "meeting.approveMinutes") && draft,
    share: can(scope.role, "meeting.approveMinutes") && !draft,
    attendOwn: read && member && draft,
    comment: read && can(scope.role, "meeting.comment") && draft,
    seeMinutes: read && (!draft || manage || can(scope.role, "meeting.comment")),
    seeAttendance: read && scope.role !== "funder",
    seeActions: read && can(scope.role, "action.read"),
  };
}
export type MeetingRights = ReturnType<typeof meetingRights>;

async function committeeIdsOf(db: Database, scope: TaskForceScope) {
  return scope.role === "member" ? listCommitteeIdsOf(db, scope.taskForceId, scope.userId) : new Set<string>();
}

/** The meeting with the caller's rights; one they may not see is reported as not found (existence is not revealed). */
export async function loadMeeting(db: Database, scope: TaskForceScope, meetingId: string, lock?: "update") {
  const meeting = await findMeeting(db, scope.taskForceId, meetingId, lock);
  if (!meeting) throw new DomainError("NOT_FOUND", "meetingNotFound");
  const rights = meetingRights(scope, meeting, await committeeIdsOf(db, scope));
  if (!rights.read) throw new DomainError("NOT_FOUND", "meetingNotFound");
  return { meeting, rights };
}

export function assertDraft(meeting: Pick<MeetingRow, "minutesStatus">, field?: string) {
  if (meeting.minutesStatus === "approved") throw new DomainError("CONFLICT", "minutesApprovedReadOnly", {}, field);
}

export async function loadManagedMeeting(db: Database, scope: TaskForceScope, meetingId: string, field?: string) {
  const loaded = await loadMeeting(db, scope, meetingId, "update");
  assertDraft(loaded.meeting, field);
  if (!loaded.rights.manage) throw new DomainError("FORBIDDEN", "meetingNotManaged");
  return loaded;
}

/* ---------- times ---------- */

function assertTimeZone(timeZone: string) {
  if (!isValidTimeZone(timeZone)) throw new DomainError("INVALID", "invalidTimeZone", { timeZone }, "timeZone");
}

/** Turns the form's wall-clock times into instants and refuses an end that is not after the start. */
function meetingTimes(startsAt: string, endsAt: string, timeZone: string) {
  assertTimeZone(timeZone);
  const start = zonedTimeToInstant(startsAt, timeZone);
  if (!start) throw new DomainError("INVALID", "invalidDateTime", {}, "startsAt");
  const end = zonedTimeToInstant(endsAt, timeZone);
  if (!end) throw new DomainError("INVALID", "invalidDateTime", {}, "endsAt");
  if (end.getTime() <= start.getTime()) throw new DomainError("INVALID", "meetingEndsBeforeStart", {}, "endsAt");
  return { startsAt: start, endsAt: end };
}

/* ---------- bodies: who may hold a meeting of which ---------- */

async function checkBody(db: Database, scope: TaskForceScope, type: CreateMeetingInput["type"], committeeId: string | null) {
  if (type === "full_task_force" && committeeId) throw new DomainError("INVALID", "fullMeetingHasNoCommittee", {}, "committeeId");
  if (type === "committee" && !committeeId) throw new DomainError("INVALID", "committeeRequired", {}, "committeeId");
  if (!committeeId) {
    if (!managesAllMeetings(scope)) throw new DomainError("FORBIDDEN", "meetingNotManaged");
    return null;
  }
  const committee = await findCommittee(db, scope.taskForceId, committeeId);
  if (!committee) throw new DomainError("INVALID", "unknownCommittee", {}, "committeeId");
  const chairs = committee.chairUserId === scope.userId && can(scope.role, "meeting.manage");
  if (!managesAllMeetings(scope) && !chairs) throw new DomainError("FORBIDDEN", "meetingNotManaged");
  return committee;
}

/* ---------- reading ---------- */

export async function listMeetingsOf(scope: TaskForceScope, input: ListMeetingsInput) {
  const db = await getDb();
  const [rows, committeeIds] = await Promise.all([listMeetings(db, scope.taskForceId, input), committeeIdsOf(db, scope)]);
  return {
    timeZone: scope.timeZone,
    canCreate: managesAllMeetings(scope) || (can(scope.role, "meeting.manage") && committeeIds.size > 0),
    meetings: rows.flatMap((meeting) => {
      const rights = meetingRights(scope, meeting, committeeIds);
      return rights.read ? [{ ...meeting, canManage: rights.manage }] : [];
    }),
  };
}

/** How far ahead a person's tasks look for meetings: today and the six days after it. */
const WEEK_DAYS = 7;

/**
 * The scheduled meetings the caller may read from the start of the task force's today to the end
 * of the sixth day after it, soonest first (the "meetings this week" of their tasks).
 */
export async function listMeetingsThisWeek(scope: TaskForceScope, now = currentTime()) {
  const db = await getDb();
  const today = todayOfScope(scope, now);
  const startsFrom = zonedTimeToInstant(`${today}T00:00`, scope.timeZone)!;
  const startsBefore = zonedTimeToInstant(`${addDays(today, WEEK_DAYS)}T00:00`, scope.timeZone)!;
  const [rows, committeeIds] = await Promise.all([
    listMeetings(db, scope.taskForceId, { status: "scheduled", startsFrom, startsBefore }),
    committeeIdsOf(db, scope),
  ]);
  return rows
    .filter((meeting) => meetingRights(scope, meeting, committeeIds).read)
    .map(({ id, title, startsAt, endsAt, timeZone, location, committeeName }) => ({ id, title, startsAt, endsAt, timeZone, location, committeeName }))
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}

export async function getMeeting(scope: TaskForceScope, input: MeetingInput, now = currentTime()) {
  const db = await getDb();
  const { meeting, rights } = await loadMeeting(db, scope, input.meetingId);
  const today = todayOfScope(scope, now);
  const [agenda, attendanceRows, decisionRows, comments, actions, people, organizations] = await Promise.all([
    listAgendaItems(db, scope.taskForceId, meeting.id),
    rights.seeAttendance ? listAttendance(db, scope.taskForceId, meeting.id) : Promise.resolve([]),
    listDecisions(db, scope.taskForceId, { meetingId: meeting.id }),
    rights.seeMinutes && rights.seeAttendance ? listMinuteComments(db, scope.taskForceId, meeting.id) : Promise.resolve([]),
    rights.seeActions ? listActionItems(db, scope.taskForceId, { meetingId: meeting.id }, today) : Promise.resolve([]),
    rights.manageLater ? listActivePeople(db, scope.taskForceId) : Promise.resolve([]),
    rights.manageLater ? listOrganizations(db, scope.taskForceId) : Promise.resolve([]),
  ]);
  const ownAttendance = attendanceRows.find((row) => row.userId === scope.userId) ?? null;
  return {
    meeting: {
      ...meeting,
      localStartsAt: instantToZonedTime(meeting.startsAt, meeting.timeZone),
      localEndsAt: instantToZonedTime(meeting.endsAt, meeting.timeZone),
    },
    rights,
    agenda: agenda.map((item) => ({ ...item, minutes: rights.seeMinutes ? (item.minutes ?? "") : null })),
    attendance: attendanceRows,
    ownAttendance: ownAttendance ? ownAttendance.status : null,
    disciplinesPresent: disciplinesPresent(attendanceRows),
    attendanceRate: attendanceRate(attendanceRows.map((row) => row.status)),
    decisions: rights.seeMinutes ? decisionRows : [],
    comments,
    actionItems: actions.map((item) => ({ ...item, dueState: dueState(item.dueOn, today, item.status === "done") })),
    today,
    // Forms need the people (for attendance and assignees) only when the caller may use them.
    // Those whose role takes part in meetings are expected on the attendance roster; funders and
    // viewers only when a record of them exists.
    people: people.map((person) => ({ ...person, expectedAtMeetings: can(person.role, "meeting.attend") })),
    organizations: organizations.map((organization) => ({ id: organization.id, name: organization.name })),
  };
}

export async function listDecisionsOf(scope: TaskForceScope, input: ListDecisionsInput) {
  const db = await getDb();
  const [rows, meetings, committeeIds] = await Promise.all([
    listDecisions(db, scope.taskForceId, input),
    listMeetings(db, scope.taskForceId, {}),
    committeeIdsOf(db, scope),
  ]);
  // Per meeting the caller may read its decisions (seeMinutes) and may change their status (manageLater),
  // so the cross-meeting list offers the status control exactly where the change would be accepted.
  const rightsByMeeting = new Map(meetings.map((meeting) => [meeting.id, meetingRights(scope, meeting, committeeIds)]));
  return {
    decisions: rows.flatMap((row) => {
      const rights = rightsByMeeting.get(row.meetingId);
      return rights?.seeMinutes ? [{ ...row, canManage: rights.manageLater }] : [];
    }),
  };
}

/* ---------- meetings: changing ---------- */

/** `baseUrl` starts the meeting link in the calendar file its notice carries (server/lib/publicUrl.ts). */
export function createMeeting(scope: TaskForceScope, input: CreateMeetingInput, baseUrl: string, now = currentTime()) {
  return inTransaction(async (tx) => {
    const times = meetingTimes(input.startsAt, input.endsAt, input.timeZone);
    await checkBody(tx, scope, input.type, input.committeeId);
    const { title, type, committeeId, timeZone, location, videoUrl } = input;
    const values = { title, type, committeeId, timeZone, location, videoUrl, ...times };
    const { id, version } = await insertMeeting(tx, {
      ...values,
      taskForceId: scope.taskForceId,
      createdByUserId: scope.userId,
      createdAt: now,
      updatedAt: now,
    });
    await recordAudit(tx, auditedBy(scope), {
      entity: "meeting",
      entityId: id,
      action: "create",
      changes: changedFields(null, { ...values, startsAt: times.startsAt.toISOString(), endsAt: times.endsAt.toISOString() }),
    });
    const carried = input.carryForward ? await carryForwardInto(tx, scope, { id, committeeId, startsAt: times.startsAt }) : null;
    await noticeMeeting(tx, scope, { id, title, committeeId, startsAt: times.startsAt, version }, { kind: "meetingScheduled", baseUrl });
    return { id, version, carried };
  });
}

/** What, when changed, sends the people expected to a meeting to their calendars again. */
const MOVING_FIELDS = ["startsAt", "endsAt", "timeZone", "location", "videoUrl"] as const;

export function updateMeeting(scope: TaskForceScope, input: UpdateMeetingInput, baseUrl: string, now = currentTime()) {
  return inTransaction(async (tx) => {
    const { meeting } = await loadManagedMeeting(tx, scope, input.meetingId);
    if (meeting.version !== input.version) {
      throw new DomainError("CONFLICT", "meetingChangedByOther", { at: meeting.updatedAt.toISOString() });
    }
    const timeZone = input.timeZone ?? meeting.timeZone;
    const times = meetingTimes(
      input.startsAt ?? instantToZonedTime(meeting.startsAt, meeting.timeZone),
      input.endsAt ?? instantToZonedTime(meeting.endsAt, meeting.timeZone),
      timeZone,
    );
    const type = input.type ?? meeting.type;
    if (type !== meeting.type) await checkBody(tx, scope, type, meeting.committeeId);
    const next = {
      title: input.title ?? meeting.title,
      type,
      timeZone,
      location: input.location ?? meeting.location,
      videoUrl: input.videoUrl !== undefined ? input.videoUrl : meeting.videoUrl,
      status: input.status ?? meeting.status,
      startsAt: times.startsAt,
      endsAt: times.endsAt,
    };
    const changes = changedFields<Record<string, unknown>>(
      { ...meeting, startsAt: meeting.startsAt.toISOString(), endsAt: meeting.endsAt.toISOString() },
      { ...next, startsAt: next.startsAt.toISOString(), endsAt: next.endsAt.toISOString() },
    );
    if (Object.keys(changes).length === 0) return { version: meeting.version };
    const version = await updateMeetingRow(tx, scope.taskForceId, meeting.id, input.version, { ...next, updatedAt: now });
    if (version === null) throw new DomainError("CONFLICT", "meetingChangedByOther", { at: meeting.updatedAt.toISOString() });
    await recordAudit(tx, auditedBy(scope), { entity: "meeting", entityId: meeting.id, action: "update", changes });
    // Those expected hear of a cancellation, or of a new time or place while it is still to come.
    const cancelled = "status" in changes && next.status === "cancelled";
    const moved = next.status === "scheduled" && MOVING_FIELDS.some((field) => field in changes);
    const kind = cancelled ? "meetingCancelled" : moved ? "meetingMoved" : null;
    if (kind) await noticeMeeting(tx, scope, { id: meeting.id, title: next.title, committeeId: meeting.committeeId, startsAt: next.startsAt, version }, { kind, baseUrl });
    return { version };
  });
}

/**
 * Adds to the meeting's agenda the open action items and the undecided items of the previous
 * meeting of the same body (the committee, or the full task force). What was carried already is not
 * added twice, so running it again is harmless.
 */
async function carryForwardInto(tx: Database, scope: TaskForceScope, meeting: { id: string; committeeId: string | null; startsAt: Date }) {
  const previous = await findPreviousMeeting(tx, scope.taskForceId, meeting.committeeId, meeting.startsAt, meeting.id);
  if (!previous) return { previousMeetingId: null, actions: 0, undecided: 0 };
  const [openActions, previousAgenda, decided, already] = await Promise.all([
    listOpenActionsOfMeeting(tx, scope.taskForceId, previous.id),
    listAgendaItems(tx, scope.taskForceId, previous.id),
    listDecidedAgendaItemIds(tx, scope.taskForceId, previous.id),
    listCarriedInto(tx, scope.taskForceId, meeting.id),
  ]);
  const carriedActions = new Set(already.map((row) => row.actionItemId));
  const carriedItems = new Set(already.map((row) => row.agendaItemId));
  const actions = openActions.filter((action) => !carriedActions.has(action.id));
  const undecided = undecidedItems(previousAgenda, decided).filter((item) => !carriedItems.has(item.id));
  let position = await nextAgendaPosition(tx, scope.taskForceId, meeting.id);
  const base = { taskForceId: scope.taskForceId, meetingId: meeting.id };
  await insertAgendaItems(tx, [
    ...actions.map((action) => ({
      ...base,
      position: position++,
      title: action.title,
      presenterUserId: action.assigneeUserId,
      presenterOrganizationId: action.assigneeOrganizationId,
      carriedActionItemId: action.id,
    })),
    ...undecided.map((item) => ({
      ...base,
      position: position++,
      title: item.title,
      presenterUserId: item.presenterUserId,
      presenterOrganizationId: item.presenterOrganizationId,
      minutesAllotted: item.minutesAllotted,
      notes: item.notes,
      needsDecision: true,
      carriedFromAgendaItemId: item.id,
    })),
  ]);
  const result = { previousMeetingId: previous.id, actions: actions.length, undecided: undecided.length };
  await recordAudit(tx, auditedBy(scope), {
    entity: "meeting",
    entityId: meeting.id,
    action: "carryForward",
    changes: { carriedFrom: { from: null, to: previous.id }, actions: { from: null, to: actions.length }, undecided: { from: null, to: undecided.length } },
  });
  return result;
}

export function carryForward(scope: TaskForceScope, input: MeetingInput) {
  return inTransaction(async (tx) => {
    const { meeting } = await loadManagedMeeting(tx, scope, input.meetingId);
    return carryForwardInto(tx, scope, meeting);
  });
}
