import { getDb, transaction, type Database } from "@/db/client";
import { can } from "@/server/auth/permissions";
import { DomainError } from "@/server/errors";
import { todayOfScope, type TaskForceScope } from "@/server/trpc/context";
import { auditedBy, changedFields, recordAudit } from "@/server/domains/audit/audit.service";
import { dueState } from "@/server/domains/gaps/gaps.rules";
import { listActionItems } from "@/server/domains/gaps";
import { insertCheckedActionItem } from "@/server/domains/gaps/gaps.service";
import { findOrganization, listOrganizations } from "@/server/domains/organizations";
import {
  attendanceRate,
  coreDisciplinesAbsent,
  disciplinesPresent,
  instantToZonedTime,
  isAtTheTable,
  isValidTimeZone,
  monthOf,
  moveInOrder,
  quarterOf,
  undecidedItems,
  zonedTimeToInstant,
} from "./meetings.rules";
import {
  deleteAgendaItem,
  deleteAttendance,
  findAgendaItem,
  findCommittee,
  findCoreDisciplines,
  findDecision,
  findMeeting,
  findPreviousMeeting,
  insertAgendaItems,
  insertDecision,
  insertMeeting,
  insertMinuteComment,
  listActivePeople,
  listAgendaItems,
  listAttendance,
  listCarriedInto,
  listCommitteeIdsOf,
  listDecidedAgendaItemIds,
  listDecisions,
  listHeldAttendance,
  listHeldMeetings,
  listMeetings,
  listMinuteComments,
  listOpenActionsOfMeeting,
  listRecentFullMeetingCoverage,
  nextAgendaPosition,
  updateAgendaItemRow,
  updateCoreDisciplines,
  updateDecisionRow,
  updateMeetingRow,
  upsertAttendance,
  upsertMinutes,
  type MeetingRow,
} from "./meetings.queries";
import type {
  AddAgendaItemInput,
  AgendaItemInput,
  ApproveMinutesInput,
  ChangeDecisionStatusInput,
  CommentOnMinutesInput,
  CreateMeetingActionInput,
  CreateMeetingInput,
  ListDecisionsInput,
  ListMeetingsInput,
  MeetingInput,
  MoveAgendaItemInput,
  RecordAttendanceInput,
  RecordDecisionInput,
  RecordOwnAttendanceInput,
  RemoveAttendanceInput,
  SaveMinutesInput,
  SetCoreDisciplinesInput,
  ShareMinutesInput,
  UpdateAgendaItemInput,
  UpdateMeetingInput,
} from "./meetings.schemas";
import { currentTime } from "@/server/lib/clock";

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
async function loadMeeting(db: Database, scope: TaskForceScope, meetingId: string, lock?: "update") {
  const meeting = await findMeeting(db, scope.taskForceId, meetingId, lock);
  if (!meeting) throw new DomainError("NOT_FOUND", "meetingNotFound");
  const rights = meetingRights(scope, meeting, await committeeIdsOf(db, scope));
  if (!rights.read) throw new DomainError("NOT_FOUND", "meetingNotFound");
  return { meeting, rights };
}

function assertDraft(meeting: Pick<MeetingRow, "minutesStatus">, field?: string) {
  if (meeting.minutesStatus === "approved") throw new DomainError("CONFLICT", "minutesApprovedReadOnly", {}, field);
}

async function loadManagedMeeting(db: Database, scope: TaskForceScope, meetingId: string, field?: string) {
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
    people,
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

export function createMeeting(scope: TaskForceScope, input: CreateMeetingInput, now = currentTime()) {
  return transaction(async (tx) => {
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
    return { id, version, carried };
  });
}

export function updateMeeting(scope: TaskForceScope, input: UpdateMeetingInput, now = currentTime()) {
  return transaction(async (tx) => {
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
  return transaction(async (tx) => {
    const { meeting } = await loadManagedMeeting(tx, scope, input.meetingId);
    return carryForwardInto(tx, scope, meeting);
  });
}

/* ---------- agenda ---------- */

async function checkPresenter(db: Database, scope: TaskForceScope, input: { presenterUserId: string | null; presenterOrganizationId: string | null }) {
  if (input.presenterOrganizationId && !(await findOrganization(db, scope.taskForceId, input.presenterOrganizationId))) {
    throw new DomainError("INVALID", "unknownOrganization", {}, "presenterOrganizationId");
  }
  if (input.presenterUserId) {
    const people = await listActivePeople(db, scope.taskForceId);
    if (!people.some((person) => person.userId === input.presenterUserId)) throw new DomainError("INVALID", "unknownPerson", {}, "presenterUserId");
  }
}

export function addAgendaItem(scope: TaskForceScope, input: AddAgendaItemInput) {
  return transaction(async (tx) => {
    const { meeting } = await loadManagedMeeting(tx, scope, input.meetingId);
    await checkPresenter(tx, scope, input);
    const { title, presenterUserId, presenterOrganizationId, minutesAllotted, notes, needsDecision } = input;
    const values = { title, presenterUserId, presenterOrganizationId, minutesAllotted, notes, needsDecision };
    const position = await nextAgendaPosition(tx, scope.taskForceId, meeting.id);
    const [row] = await insertAgendaItems(tx, [{ ...values, taskForceId: scope.taskForceId, meetingId: meeting.id, position }]);
    await recordAudit(tx, auditedBy(scope), { entity: "agendaItem", entityId: row!.id, action: "create", changes: changedFields(null, { ...values, meetingId: meeting.id }) });
    return { id: row!.id };
  });
}

async function loadAgendaItem(db: Database, scope: TaskForceScope, meetingId: string, agendaItemId: string) {
  const item = await findAgendaItem(db, scope.taskForceId, meetingId, agendaItemId);
  if (!item) throw new DomainError("NOT_FOUND", "agendaItemNotFound");
  return item;
}

export function updateAgendaItem(scope: TaskForceScope, input: UpdateAgendaItemInput) {
  return transaction(async (tx) => {
    await loadManagedMeeting(tx, scope, input.meetingId);
    const item = await loadAgendaItem(tx, scope, input.meetingId, input.agendaItemId);
    await checkPresenter(tx, scope, input);
    const { title, presenterUserId, presenterOrganizationId, minutesAllotted, notes, needsDecision } = input;
    const after = { title, presenterUserId, presenterOrganizationId, minutesAllotted, notes, needsDecision };
    const changes = changedFields<Record<string, unknown>>(item, after);
    if (Object.keys(changes).length === 0) return;
    await updateAgendaItemRow(tx, scope.taskForceId, item.id, after);
    await recordAudit(tx, auditedBy(scope), { entity: "agendaItem", entityId: item.id, action: "update", changes });
  });
}

export function removeAgendaItem(scope: TaskForceScope, input: AgendaItemInput) {
  return transaction(async (tx) => {
    await loadManagedMeeting(tx, scope, input.meetingId);
    const item = await loadAgendaItem(tx, scope, input.meetingId, input.agendaItemId);
    await deleteAgendaItem(tx, scope.taskForceId, item.id);
    await recordAudit(tx, auditedBy(scope), { entity: "agendaItem", entityId: item.id, action: "delete", changes: { title: { from: item.title, to: null } } });
  });
}

/** Moves an item one place up or down; positions are rewritten 1..n so they stay dense. */
export function moveAgendaItem(scope: TaskForceScope, input: MoveAgendaItemInput) {
  return transaction(async (tx) => {
    await loadManagedMeeting(tx, scope, input.meetingId);
    const items = await listAgendaItems(tx, scope.taskForceId, input.meetingId);
    const index = items.findIndex((item) => item.id === input.agendaItemId);
    if (index < 0) throw new DomainError("NOT_FOUND", "agendaItemNotFound");
    const moved = moveInOrder(items, index, input.direction);
    for (const [at, item] of moved.entries()) {
      if (item.position !== at + 1) await updateAgendaItemRow(tx, scope.taskForceId, item.id, { position: at + 1 });
    }
    await recordAudit(tx, auditedBy(scope), {
      entity: "agendaItem",
      entityId: input.agendaItemId,
      action: "move",
      changes: { position: { from: index + 1, to: moved.findIndex((item) => item.id === input.agendaItemId) + 1 } },
    });
  });
}

/* ---------- attendance ---------- */

function assertNotCancelled(meeting: Pick<MeetingRow, "status">) {
  if (meeting.status === "cancelled") throw new DomainError("CONFLICT", "meetingCancelled");
}

/**
 * Records attendance rows. A person must be an active member of the task force (outsiders are
 * refused, by name of the field); an organization must be one of its members. The organization's
 * discipline is copied into the record so history stays true when the agency changes later.
 */
async function writeAttendance(
  tx: Database,
  scope: TaskForceScope,
  meetingId: string,
  entries: RecordAttendanceInput["entries"],
  now: Date,
) {
  const people = new Map((await listActivePeople(tx, scope.taskForceId)).map((person) => [person.userId, person]));
  const organizations = new Map((await listOrganizations(tx, scope.taskForceId)).map((organization) => [organization.id, organization]));
  for (const [index, entry] of entries.entries()) {
    let organizationId = entry.organizationId;
    if (entry.userId) {
      const person = people.get(entry.userId);
      if (!person) throw new DomainError("INVALID", "attendeeNotMember", { index: index + 1 }, "userId");
      if (organizationId && person.organizationId && person.organizationId !== organizationId) {
        throw new DomainError("INVALID", "personNotInOrganization", { name: person.name }, "organizationId");
      }
      organizationId = organizationId ?? person.organizationId;
    }
    const organization = organizationId ? organizations.get(organizationId) : null;
    if (organizationId && !organization) throw new DomainError("INVALID", "unknownOrganization", {}, "organizationId");
    const discipline = organization?.primaryDiscipline ?? null;
    const { id, previousStatus } = await upsertAttendance(tx, {
      taskForceId: scope.taskForceId,
      meetingId,
      userId: entry.userId,
      organizationId,
      status: entry.status,
      discipline,
      recordedByUserId: scope.userId,
      recordedAt: now,
    });
    await recordAudit(tx, auditedBy(scope), {
      entity: "attendance",
      entityId: id,
      action: previousStatus ? "update" : "create",
      changes: {
        meetingId: { from: null, to: meetingId },
        ...(entry.userId ? { userId: { from: null, to: entry.userId } } : {}),
        organizationId: { from: null, to: organizationId },
        discipline: { from: null, to: discipline },
        status: { from: previousStatus, to: entry.status },
      },
    });
  }
}

export function recordAttendance(scope: TaskForceScope, input: RecordAttendanceInput, now = currentTime()) {
  return transaction(async (tx) => {
    const { meeting } = await loadManagedMeeting(tx, scope, input.meetingId);
    assertNotCancelled(meeting);
    await writeAttendance(tx, scope, meeting.id, input.entries, now);
  });
}

/** A member records their own attendance (for the organization they belong to). */
export function recordOwnAttendance(scope: TaskForceScope, input: RecordOwnAttendanceInput, now = currentTime()) {
  return transaction(async (tx) => {
    const { meeting, rights } = await loadMeeting(tx, scope, input.meetingId, "update");
    assertDraft(meeting, "status");
    if (!rights.attendOwn) throw new DomainError("FORBIDDEN", "attendanceNotAllowed");
    assertNotCancelled(meeting);
    await writeAttendance(tx, scope, meeting.id, [{ userId: scope.userId, organizationId: scope.organizationId, status: input.status }], now);
  });
}

export function removeAttendance(scope: TaskForceScope, input: RemoveAttendanceInput) {
  return transaction(async (tx) => {
    await loadManagedMeeting(tx, scope, input.meetingId);
    const removed = await deleteAttendance(tx, scope.taskForceId, input.meetingId, input.attendanceId);
    if (!removed) throw new DomainError("NOT_FOUND", "attendanceNotFound");
    await recordAudit(tx, auditedBy(scope), {
      entity: "attendance",
      entityId: removed.id,
      action: "delete",
      changes: { status: { from: removed.status, to: null }, userId: { from: removed.userId, to: null }, organizationId: { from: removed.organizationId, to: null } },
    });
  });
}

/* ---------- minutes ---------- */

export function saveMinutes(scope: TaskForceScope, input: SaveMinutesInput, now = currentTime()) {
  return transaction(async (tx) => {
    await loadManagedMeeting(tx, scope, input.meetingId, "body");
    const item = await loadAgendaItem(tx, scope, input.meetingId, input.agendaItemId);
    const before = (await listAgendaItems(tx, scope.taskForceId, input.meetingId)).find((row) => row.id === item.id)?.minutes ?? "";
    if (before === input.body) return;
    await upsertMinutes(tx, {
      taskForceId: scope.taskForceId,
      meetingId: input.meetingId,
      agendaItemId: item.id,
      body: input.body,
      updatedByUserId: scope.userId,
      updatedAt: now,
    });
    await recordAudit(tx, auditedBy(scope), { entity: "minutes", entityId: item.id, action: "update", changes: { body: { from: before, to: input.body } } });
  });
}

export function approveMinutes(scope: TaskForceScope, input: ApproveMinutesInput, now = currentTime()) {
  return transaction(async (tx) => {
    const { meeting, rights } = await loadMeeting(tx, scope, input.meetingId, "update");
    if (meeting.minutesStatus === "approved") throw new DomainError("CONFLICT", "minutesAlreadyApproved");
    if (!rights.approve) throw new DomainError("FORBIDDEN", "approveNotAllowed");
    if (meeting.status !== "held") throw new DomainError("CONFLICT", "minutesNeedHeldMeeting");
    const after = { minutesStatus: "approved" as const, minutesApprovedAt: now, minutesApprovedByUserId: scope.userId, minutesSharedWithFunders: input.sharedWithFunders };
    const version = await updateMeetingRow(tx, scope.taskForceId, meeting.id, meeting.version, { ...after, updatedAt: now });
    await recordAudit(tx, auditedBy(scope), {
      entity: "meeting",
      entityId: meeting.id,
      action: "approveMinutes",
      changes: {
        minutesStatus: { from: "draft", to: "approved" },
        minutesApprovedAt: { from: null, to: now.toISOString() },
        minutesSharedWithFunders: { from: false, to: input.sharedWithFunders },
      },
    });
    return { version };
  });
}

export function shareMinutes(scope: TaskForceScope, input: ShareMinutesInput, now = currentTime()) {
  return transaction(async (tx) => {
    const { meeting, rights } = await loadMeeting(tx, scope, input.meetingId, "update");
    if (meeting.minutesStatus !== "approved") throw new DomainError("CONFLICT", "onlyApprovedMinutesShared", {}, "sharedWithFunders");
    if (!rights.share) throw new DomainError("FORBIDDEN", "approveNotAllowed");
    if (meeting.minutesSharedWithFunders === input.sharedWithFunders) return { version: meeting.version };
    const version = await updateMeetingRow(tx, scope.taskForceId, meeting.id, meeting.version, { minutesSharedWithFunders: input.sharedWithFunders, updatedAt: now });
    await recordAudit(tx, auditedBy(scope), {
      entity: "meeting",
      entityId: meeting.id,
      action: "shareMinutes",
      changes: { minutesSharedWithFunders: { from: meeting.minutesSharedWithFunders, to: input.sharedWithFunders } },
    });
    return { version };
  });
}

export function commentOnMinutes(scope: TaskForceScope, input: CommentOnMinutesInput, now = currentTime()) {
  return transaction(async (tx) => {
    const { meeting, rights } = await loadMeeting(tx, scope, input.meetingId);
    assertDraft(meeting, "body");
    if (!rights.comment) throw new DomainError("FORBIDDEN", "commentNotAllowed");
    const { id } = await insertMinuteComment(tx, { taskForceId: scope.taskForceId, meetingId: meeting.id, body: input.body, authorUserId: scope.userId, createdAt: now });
    await recordAudit(tx, auditedBy(scope), { entity: "minuteComment", entityId: id, action: "create", changes: { meetingId: { from: null, to: meeting.id }, body: { from: null, to: input.body } } });
    return { id };
  });
}

/* ---------- decisions and actions ---------- */

export function recordDecision(scope: TaskForceScope, input: RecordDecisionInput, now = currentTime()) {
  return transaction(async (tx) => {
    const { meeting } = await loadManagedMeeting(tx, scope, input.meetingId, "text");
    if (input.agendaItemId) await loadAgendaItem(tx, scope, meeting.id, input.agendaItemId);
    const { agendaItemId, text, outcome, status } = input;
    const values = { agendaItemId, text, outcome, status };
    const { id } = await insertDecision(tx, { ...values, taskForceId: scope.taskForceId, meetingId: meeting.id, createdByUserId: scope.userId, createdAt: now, updatedAt: now });
    await recordAudit(tx, auditedBy(scope), { entity: "decision", entityId: id, action: "create", changes: changedFields(null, { ...values, meetingId: meeting.id }) });
    return { id };
  });
}

/** A decision's status follows its life after the meeting (in effect → implemented, superseded), so it stays changeable after approval. */
export function changeDecisionStatus(scope: TaskForceScope, input: ChangeDecisionStatusInput, now = currentTime()) {
  return transaction(async (tx) => {
    const decision = await findDecision(tx, scope.taskForceId, input.decisionId);
    if (!decision) throw new DomainError("NOT_FOUND", "decisionNotFound");
    const { rights } = await loadMeeting(tx, scope, decision.meetingId);
    if (!rights.manageLater) throw new DomainError("FORBIDDEN", "meetingNotManaged");
    if (decision.status === input.status) return;
    await updateDecisionRow(tx, scope.taskForceId, decision.id, { status: input.status, updatedAt: now });
    await recordAudit(tx, auditedBy(scope), { entity: "decision", entityId: decision.id, action: "changeStatus", changes: { status: { from: decision.status, to: input.status } } });
  });
}

/** An action item created in a meeting goes into the one action tracker (the gaps service), linked to the meeting. */
export function createMeetingAction(scope: TaskForceScope, input: CreateMeetingActionInput, now = currentTime()) {
  return transaction(async (tx) => {
    const { meeting, rights } = await loadMeeting(tx, scope, input.meetingId, "update");
    if (!rights.manageLater) throw new DomainError("FORBIDDEN", "meetingNotManaged");
    assertNotCancelled(meeting);
    const { title, assigneeUserId, assigneeOrganizationId, dueOn } = input;
    return insertCheckedActionItem(tx, scope, { title, assigneeUserId, assigneeOrganizationId, dueOn, gapId: null, meetingId: meeting.id }, now);
  });
}

/* ---------- analytics ---------- */

/**
 * Charts and the dashboard's meeting widget are built, for a funder, from the meetings whose
 * minutes were shared with them only: a chart of every meeting would show the title, date and
 * attendance of meetings they may not open (and link to pages that answer 404).
 */
const meetingVisibility = (scope: TaskForceScope) => ({ sharedWithFundersOnly: !can(scope.role, "memberRecords.readUnshared") });

/** Meetings per quarter by type, attendance rate by month, discipline coverage and attendance by organization. */
export async function getMeetingStats(scope: TaskForceScope) {
  const db = await getDb();
  const visibility = meetingVisibility(scope);
  const [held, rows, coreDisciplines] = await Promise.all([
    listHeldMeetings(db, scope.taskForceId, visibility),
    listHeldAttendance(db, scope.taskForceId, visibility),
    findCoreDisciplines(db, scope.taskForceId),
  ]);
  const timeZone = scope.timeZone;
  const byMeeting = new Map<string, typeof rows>();
  for (const row of rows) byMeeting.set(row.meetingId, [...(byMeeting.get(row.meetingId) ?? []), row]);

  const perQuarter = new Map<string, Record<string, number>>();
  const perMonth = new Map<string, (typeof rows)[number]["status"][]>();
  for (const meeting of held) {
    const quarter = quarterOf(meeting.startsAt, timeZone);
    const counts = perQuarter.get(quarter) ?? {};
    counts[meeting.type] = (counts[meeting.type] ?? 0) + 1;
    perQuarter.set(quarter, counts);
    const month = monthOf(meeting.startsAt, timeZone);
    perMonth.set(month, [...(perMonth.get(month) ?? []), ...(byMeeting.get(meeting.id) ?? []).map((row) => row.status)]);
  }

  const coverage = held
    .filter((meeting) => meeting.type === "full_task_force")
    .map((meeting) => ({
      meetingId: meeting.id,
      title: meeting.title,
      startsAt: meeting.startsAt,
      disciplines: disciplinesPresent(byMeeting.get(meeting.id) ?? []),
    }));

  const organizations = new Map<string, { organizationId: string; name: string; present: number; absent: number; excused: number; lastPresentAt: Date | null }>();
  const startOf = new Map(held.map((meeting) => [meeting.id, meeting.startsAt]));
  for (const row of rows) {
    if (!row.organizationId || !row.organizationName) continue;
    const entry = organizations.get(row.organizationId) ?? { organizationId: row.organizationId, name: row.organizationName, present: 0, absent: 0, excused: 0, lastPresentAt: null };
    if (isAtTheTable(row.status)) {
      entry.present += 1;
      const startsAt = startOf.get(row.meetingId) ?? null;
      if (startsAt && (!entry.lastPresentAt || startsAt > entry.lastPresentAt)) entry.lastPresentAt = startsAt;
    } else if (row.status === "absent") entry.absent += 1;
    else entry.excused += 1;
    organizations.set(row.organizationId, entry);
  }

  return {
    timeZone,
    coreDisciplines,
    meetingsPerQuarter: [...perQuarter.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([quarter, counts]) => ({ quarter, counts })),
    attendanceRateByMonth: [...perMonth.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([month, statuses]) => ({ month, rate: attendanceRate(statuses) })),
    coverage,
    attendanceByOrganization: [...organizations.values()].sort((a, b) => b.present - a.present || a.name.localeCompare(b.name)),
  };
}

/**
 * The dashboard's view of the last three held full task-force meetings: each one's attendance rate
 * and disciplines at the table, the rate across them, and the alert for core disciplines missing
 * from every one of them.
 */
export async function getRecentFullMeetings(scope: TaskForceScope) {
  const db = await getDb();
  const [coreDisciplines, recent] = await Promise.all([
    findCoreDisciplines(db, scope.taskForceId),
    listRecentFullMeetingCoverage(db, scope.taskForceId, CORE_ABSENCE_WINDOW, meetingVisibility(scope)),
  ]);
  const meetings = recent.map((meeting) => ({
    id: meeting.id,
    title: meeting.title,
    startsAt: meeting.startsAt,
    presentDisciplines: disciplinesPresent(meeting.attendance),
    attendanceRate: attendanceRate(meeting.attendance.map((row) => row.status)),
  }));
  return {
    coreDisciplines,
    window: CORE_ABSENCE_WINDOW,
    meetings,
    attendanceRate: attendanceRate(recent.flatMap((meeting) => meeting.attendance.map((row) => row.status))),
    absent: coreDisciplinesAbsent(coreDisciplines, meetings, CORE_ABSENCE_WINDOW),
  };
}

export function setCoreDisciplines(scope: TaskForceScope, input: SetCoreDisciplinesInput) {
  return transaction(async (tx) => {
    const before = await findCoreDisciplines(tx, scope.taskForceId);
    const after = [...new Set(input.disciplines)];
    await updateCoreDisciplines(tx, scope.taskForceId, after);
    await recordAudit(tx, auditedBy(scope), { entity: "taskForce", entityId: scope.taskForceId, action: "setCoreDisciplines", changes: { coreDisciplines: { from: before, to: after } } });
  });
}
