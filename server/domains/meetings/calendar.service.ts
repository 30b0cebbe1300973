import { createHash, randomBytes } from "node:crypto";
import { getDb, inTransaction } from "@/server/lib/unitOfWork";
import { DomainError } from "@/server/errors";
import { createTaskForceScope, type TaskForceScope } from "@/server/trpc/context";
import { recordAudit } from "@/server/domains/audit/audit.service";
import { findTaskForceAccess } from "@/server/domains/access";
import { meetingRights } from "./meetings.service";
import { findCalendarFeedOwner, findLiveCalendarToken, insertCalendarToken, revokeCalendarTokens } from "./calendar.queries";
import { listCommitteeIdsOf } from "@/server/domains/committees";
import { calendarText, meetingUrlOf } from "./calendar.ics";
import { findMeeting, listMeetings } from "./meetings.queries";
import { currentTime } from "@/server/lib/clock";
import { dateInZone } from "@/server/lib/dates";

/*
 * iCalendar output (RFC 5545) through the `ics` library: one file per meeting and a per-person feed
 * that calendar apps poll. A feed URL carries a secret token instead of a session (calendar apps
 * cannot sign in); only its SHA-256 hash is stored, and revoking it or losing access to the task
 * force (a membership ended, a funding program's coverage withdrawn) turns the URL off. The feed lists exactly the meetings the person may see in the app.
 */

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** The .ics file of one meeting the caller may see, linking to it at `baseUrl` (server/lib/publicUrl.ts); others are not found. */
export async function meetingCalendarFile(scope: TaskForceScope, meetingId: string, baseUrl: string) {
  const db = await getDb();
  const meeting = await findMeeting(db, scope.taskForceId, meetingId);
  const committeeIds = scope.role === "member" ? await listCommitteeIdsOf(db, scope.taskForceId, scope.userId) : new Set<string>();
  if (!meeting || !meetingRights(scope, meeting, committeeIds).read) throw new DomainError("NOT_FOUND", "meetingNotFound");
  return {
    // Named by the meeting's own calendar day: an evening meeting in Chicago is already tomorrow in UTC.
    fileName: `${dateInZone(meeting.startsAt, meeting.timeZone)}-meeting.ics`,
    text: calendarText([meeting], (one) => meetingUrlOf(baseUrl, scope.taskForceSlug, one.id), meeting.title),
  };
}

/** The feed behind a token, or null when the token is unknown, revoked or its owner no longer reaches the task force. */
export async function calendarFeed(token: string, baseUrl: string) {
  const db = await getDb();
  const owner = await findCalendarFeedOwner(db, hashToken(token));
  // Their role as the app would resolve it now (server/domains/access), so the feed shows what the app would.
  const access = owner ? await findTaskForceAccess(db, owner.userId, { id: owner.taskForceId }) : null;
  if (!owner || !access) return null;
  const scope = createTaskForceScope({
    taskForceId: access.taskForceId,
    taskForceSlug: access.slug,
    userId: owner.userId,
    role: access.role,
    organizationId: access.organizationId,
    taskForceName: access.taskForceName,
    timeZone: access.timeZone,
  });
  const [meetings, committeeIds] = await Promise.all([
    listMeetings(db, scope.taskForceId, {}),
    scope.role === "member" ? listCommitteeIdsOf(db, scope.taskForceId, scope.userId) : Promise.resolve(new Set<string>()),
  ]);
  const visible = meetings.filter((meeting) => meetingRights(scope, meeting, committeeIds).read);
  return calendarText(visible, (meeting) => meetingUrlOf(baseUrl, scope.taskForceSlug, meeting.id), scope.taskForceName);
}

/** Whether the caller has a live feed, and where feed URLs start: the address they reach the app at. */
export async function getCalendarFeedStatus(scope: TaskForceScope, baseUrl: string) {
  const live = await findLiveCalendarToken(await getDb(), scope.taskForceId, scope.userId);
  return { active: live !== null, createdAt: live?.createdAt ?? null, feedBaseUrl: `${baseUrl}/api/calendar/` };
}

/**
 * A new feed token for the caller; any earlier one stops working. The token is returned once, to
 * be shown as a URL, and never again (only its hash is kept).
 */
export function createCalendarFeed(scope: TaskForceScope, now = currentTime()) {
  return inTransaction(async (tx) => {
    const revoked = await revokeCalendarTokens(tx, scope.taskForceId, scope.userId, now);
    const token = randomBytes(32).toString("base64url");
    const { id } = await insertCalendarToken(tx, { taskForceId: scope.taskForceId, userId: scope.userId, tokenHash: hashToken(token), createdAt: now });
    await recordAudit(tx, { taskForceId: scope.taskForceId, actorUserId: scope.userId }, {
      entity: "calendarToken",
      entityId: id,
      action: "create",
      changes: { replaced: { from: null, to: revoked.length } },
    });
    return { token };
  });
}

export function revokeCalendarFeed(scope: TaskForceScope, now = currentTime()) {
  return inTransaction(async (tx) => {
    const revoked = await revokeCalendarTokens(tx, scope.taskForceId, scope.userId, now);
    for (const id of revoked) {
      await recordAudit(tx, { taskForceId: scope.taskForceId, actorUserId: scope.userId }, { entity: "calendarToken", entityId: id, action: "revoke" });
    }
    return { revoked: revoked.length };
  });
}
