import { inTransaction, type Database } from "@/server/lib/unitOfWork";
import { DomainError } from "@/server/errors";
import type { TaskForceScope } from "@/server/trpc/context";
import { auditedBy, recordAudit } from "@/server/domains/audit/audit.service";
import { listOrganizations } from "@/server/domains/organizations";
import { deleteAttendance, listActivePeople, upsertAttendance, type MeetingRow } from "./meetings.queries";
import type { RecordAttendanceInput, RecordOwnAttendanceInput, RemoveAttendanceInput } from "./meetings.schemas";
import { currentTime } from "@/server/lib/clock";
import { assertDraft, loadManagedMeeting, loadMeeting } from "./meetings.service";

/*
 * Who attended a meeting, by person or by organization (with their discipline), recorded by its
 * managers or by each person for themselves; frozen once the minutes are approved.
 */

/* ---------- attendance ---------- */

export function assertNotCancelled(meeting: Pick<MeetingRow, "status">) {
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
  return inTransaction(async (tx) => {
    const { meeting } = await loadManagedMeeting(tx, scope, input.meetingId);
    assertNotCancelled(meeting);
    await writeAttendance(tx, scope, meeting.id, input.entries, now);
  });
}

/** A member records their own attendance (for the organization they belong to). */
export function recordOwnAttendance(scope: TaskForceScope, input: RecordOwnAttendanceInput, now = currentTime()) {
  return inTransaction(async (tx) => {
    const { meeting, rights } = await loadMeeting(tx, scope, input.meetingId, "update");
    assertDraft(meeting, "status");
    if (!rights.attendOwn) throw new DomainError("FORBIDDEN", "attendanceNotAllowed");
    assertNotCancelled(meeting);
    await writeAttendance(tx, scope, meeting.id, [{ userId: scope.userId, organizationId: scope.organizationId, status: input.status }], now);
  });
}

export function removeAttendance(scope: TaskForceScope, input: RemoveAttendanceInput) {
  return inTransaction(async (tx) => {
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
