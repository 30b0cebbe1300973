import type { Database } from "@/server/lib/unitOfWork";
import { can } from "@/server/auth/permissions";
import { insertNotifications } from "@/server/domains/notifications";
import { listActiveMemberships } from "@/server/domains/people";
import type { TaskForceScope } from "@/server/trpc/context";
import { dateInZone } from "@/server/lib/dates";
import { findCommittee, listCommitteeMembers } from "@/server/domains/committees";
import { meetingCalendarAttachment, meetingUrlOf } from "./calendar.ics";
import { findMeeting } from "./meetings.queries";

/*
 * In-app notices to the people expected at a meeting: when it is scheduled, moved or cancelled, and
 * when its minutes are approved. Expected are, for a full task-force meeting, everyone who attends
 * meetings (coordinators and member staff); for a committee's, the people on it and its chair. Never
 * the person who made the change. A notice of a meeting's time carries its calendar file as it now
 * stands (cancelled ones too, so calendar apps strike it), for the email that person chose.
 */

export type MeetingNoticeKind = "meetingScheduled" | "meetingMoved" | "meetingCancelled" | "minutesApproved";

/** A notice of the meeting's time carries its calendar file, whose meeting link starts with `baseUrl`. */
type MeetingNotice = { kind: "minutesApproved" } | { kind: Exclude<MeetingNoticeKind, "minutesApproved">; baseUrl: string };

interface NoticedMeeting {
  id: string;
  title: string;
  committeeId: string | null;
  startsAt: Date;
  /** The meeting's version after the change: each change is noticed once. */
  version: number;
}

async function expectedPeople(db: Database, taskForceId: string, committeeId: string | null): Promise<string[]> {
  const active = await listActiveMemberships(db, taskForceId);
  const attending = new Set(active.filter((person) => can(person.role, "meeting.attend")).map((person) => person.userId));
  if (committeeId === null) return [...attending];
  const [committee, seats] = await Promise.all([findCommittee(db, taskForceId, committeeId), listCommitteeMembers(db, taskForceId)]);
  const onCommittee = new Set(seats.filter((seat) => seat.committeeId === committeeId).map((seat) => seat.userId));
  if (committee?.chairUserId) onCommittee.add(committee.chairUserId);
  return [...attending].filter((userId) => onCommittee.has(userId));
}

export async function noticeMeeting(tx: Database, scope: TaskForceScope, meeting: NoticedMeeting, notice: MeetingNotice) {
  const { kind } = notice;
  const people = (await expectedPeople(tx, scope.taskForceId, meeting.committeeId)).filter((userId) => userId !== scope.userId);
  if (people.length === 0) return;
  const attachment = notice.kind === "minutesApproved" ? undefined : await calendarAttachmentOf(tx, scope, meeting.id, notice.baseUrl);
  await insertNotifications(
    tx,
    people.map((userId) => ({
      taskForceId: scope.taskForceId,
      userId,
      kind,
      values: { title: meeting.title, startsAt: meeting.startsAt.toISOString() },
      link: `/tf/${scope.taskForceSlug}/meetings/${meeting.id}`,
      dedupeKey: `${kind}:${meeting.id}:${userId}:${meeting.version}`,
      attachment,
    })),
  );
}

async function calendarAttachmentOf(tx: Database, scope: TaskForceScope, meetingId: string, baseUrl: string) {
  const stored = await findMeeting(tx, scope.taskForceId, meetingId);
  if (!stored) return undefined;
  return meetingCalendarAttachment(stored, meetingUrlOf(baseUrl, scope.taskForceSlug, stored.id), dateInZone(stored.startsAt, stored.timeZone));
}
