import { and, eq } from "drizzle-orm";
import ICAL from "ical.js";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/server/lib/unitOfWork";
import { auditLog, memberships, organizations } from "@/db/schema";
import { callerFor, createMember, createOrganization, createTaskForceWithCoordinator, dateFromToday, scopeFor, type TestMembership, type TestOrganization, type TestTaskForce, type TestUser } from "@/server/testing/factories";
import { domainErrorOf, trpcErrorOf } from "@/server/testing/errors";
import { inTransaction } from "@/server/lib/unitOfWork";
import { calendarFeed, meetingCalendarFile } from "./calendar.service";
import { listCommitteesChairedBy, reassignCommitteeChairs } from "@/server/domains/committees/committees.service";

async function auditActions(taskForceId: string, entity: string, entityId: string) {
  const rows = await (await getDb())
    .select({ action: auditLog.action })
    .from(auditLog)
    .where(and(eq(auditLog.taskForceId, taskForceId), eq(auditLog.entity, entity), eq(auditLog.entityId, entityId)))
    .orderBy(auditLog.createdAt);
  return rows.map((row) => row.action);
}

/** The events of an iCalendar text as a standard parser (ical.js) reads them. */
function parseEvents(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents("vevent").map((vevent) => {
    const event = new ICAL.Event(vevent);
    return { uid: event.uid, summary: event.summary, start: event.startDate.toJSDate(), end: event.endDate.toJSDate(), status: vevent.getFirstPropertyValue("status") };
  });
}

const DISCIPLINES = ["lawEnforcementLocalState", "victimServices", "prosecution", "health", "legalServices"] as const;

describe("meeting records", () => {
  let taskForce: TestTaskForce;
  let coordinator: TestUser;
  let coordinatorMembership: TestMembership;
  let orgs: TestOrganization[];
  let people: TestUser[];
  let chair: TestUser;
  let plainMember: TestUser;
  let funder: TestUser;
  let viewer: TestUser;
  let committeeId: string;
  let otherCommitteeId: string;
  const slug = () => taskForce.slug;
  const coord = () => callerFor(coordinator);

  async function fullMeeting(title: string, startsAt: string, endsAt: string, extra: { carryForward?: boolean } = {}) {
    return coord().meeting.create({
      taskForceSlug: slug(),
      title,
      type: "full_task_force",
      startsAt,
      endsAt,
      timeZone: "America/Chicago",
      location: "County building, room 2",
      carryForward: extra.carryForward ?? false,
    });
  }

  async function hold(meetingId: string) {
    const { meeting } = await coord().meeting.get({ taskForceSlug: slug(), meetingId });
    await coord().meeting.update({ taskForceSlug: slug(), meetingId, version: meeting.version, status: "held" });
  }

  beforeAll(async () => {
    ({ taskForce, coordinator, coordinatorMembership } = await createTaskForceWithCoordinator({ coordinatorName: "Cora Coordinator" }));
    orgs = [];
    people = [];
    for (const [index, discipline] of DISCIPLINES.entries()) {
      const org = await createOrganization(taskForce, { name: `Agency ${index} ${discipline}`, primaryDiscipline: discipline });
      orgs.push(org);
      people.push((await createMember(taskForce, "member", { name: `Person ${index}`, organizationId: org.id })).user);
    }
    chair = people[1]!;
    plainMember = people[3]!;
    ({ user: funder } = await createMember(taskForce, "funder"));
    ({ user: viewer } = await createMember(taskForce, "viewer"));
    ({ id: committeeId } = await coord().committee.create({ taskForceSlug: slug(), name: "Victim services committee", chairOrganizationId: orgs[1]!.id, chairUserId: chair.id }));
    ({ id: otherCommitteeId } = await coord().committee.create({ taskForceSlug: slug(), name: "Data committee", chairOrganizationId: orgs[4]!.id }));
    await coord().committee.addMember({ taskForceSlug: slug(), committeeId, userId: people[2]!.id });
  });

  it("schedules a meeting that carries open actions forward, records five organizations, approves minutes with a decision and two actions, and serves the ICS", async () => {
    // The previous full meeting left an open action and an item waiting for a decision.
    const previous = await fullMeeting("September full meeting", "2026-09-10T10:00", "2026-09-10T12:00");
    const openAction = await coord().meeting.createAction({ taskForceSlug: slug(), meetingId: previous.id, title: "Draft the referral protocol", assigneeUserId: people[0]!.id, dueOn: dateFromToday(30) });
    const doneAction = await coord().meeting.createAction({ taskForceSlug: slug(), meetingId: previous.id, title: "Book the room" });
    await coord().actionItem.complete({ taskForceSlug: slug(), actionItemId: doneAction.id, version: doneAction.version });
    await coord().meeting.addAgendaItem({ taskForceSlug: slug(), meetingId: previous.id, title: "Adopt the screening tool", needsDecision: true });
    await coord().meeting.addAgendaItem({ taskForceSlug: slug(), meetingId: previous.id, title: "Welcome", needsDecision: false });
    await hold(previous.id);

    const created = await fullMeeting("October full meeting", "2026-10-08T10:00", "2026-10-08T12:00", { carryForward: true });
    expect(created.carried).toEqual({ previousMeetingId: previous.id, actions: 1, undecided: 1 });
    const scheduled = await coord().meeting.get({ taskForceSlug: slug(), meetingId: created.id });
    expect(scheduled.meeting.startsAt.toISOString()).toBe("2026-10-08T15:00:00.000Z");
    // The attendance roster expects the members, not the funder or the viewer.
    const expectedOf = (userId: string) => scheduled.people.find((person) => person.userId === userId)?.expectedAtMeetings;
    expect([expectedOf(plainMember.id), expectedOf(funder.id), expectedOf(viewer.id)]).toEqual([true, false, false]);
    expect(scheduled.agenda.map((item) => [item.title, item.carriedActionItemId !== null, item.needsDecision])).toEqual([
      ["Draft the referral protocol", true, false],
      ["Adopt the screening tool", false, true],
    ]);
    expect(scheduled.agenda[0]!.carriedActionItemId).toBe(openAction.id);
    // Carrying forward again adds nothing twice.
    expect(await coord().meeting.carryForward({ taskForceSlug: slug(), meetingId: created.id })).toMatchObject({ actions: 0, undecided: 0 });

    await coord().meeting.recordAttendance({
      taskForceSlug: slug(),
      meetingId: created.id,
      entries: [
        { userId: people[0]!.id, status: "present" },
        { userId: people[1]!.id, status: "present" },
        { userId: people[2]!.id, status: "excused" },
        { organizationId: orgs[3]!.id, status: "present" },
        { organizationId: orgs[4]!.id, status: "absent" },
      ],
    });
    const screening = scheduled.agenda[1]!;
    await coord().meeting.saveMinutes({ taskForceSlug: slug(), meetingId: created.id, agendaItemId: screening.id, body: "Discussed the **screening tool**; adopted." });
    await coord().meeting.recordDecision({ taskForceSlug: slug(), meetingId: created.id, agendaItemId: screening.id, text: "Adopt the screening tool", outcome: "All agencies use it from January." });
    await coord().meeting.createAction({ taskForceSlug: slug(), meetingId: created.id, title: "Train staff on the tool", assigneeOrganizationId: orgs[1]!.id, dueOn: dateFromToday(45) });
    await coord().meeting.createAction({ taskForceSlug: slug(), meetingId: created.id, title: "Print the tool", assigneeUserId: people[3]!.id });
    await hold(created.id);
    await coord().meeting.approveMinutes({ taskForceSlug: slug(), meetingId: created.id, sharedWithFunders: false });

    const held = await coord().meeting.get({ taskForceSlug: slug(), meetingId: created.id });
    expect(held.meeting).toMatchObject({ status: "held", minutesStatus: "approved", minutesApprovedByName: "Cora Coordinator" });
    expect(held.attendance.map((row) => row.organizationName).sort()).toEqual(orgs.map((org) => org.name).sort());
    expect(held.disciplinesPresent).toEqual(["health", "lawEnforcementLocalState", "victimServices"]);
    expect(held.attendanceRate).toBe(0.6);
    expect(held.decisions).toMatchObject([{ text: "Adopt the screening tool", status: "in_effect" }]);
    // Found later across meetings by status; the coordinator may change it, a member of the full task force only reads it.
    const inEffect = await coord().meeting.decisions({ taskForceSlug: slug(), status: "in_effect" });
    expect(inEffect.decisions.find((row) => row.meetingId === created.id)).toMatchObject({ text: "Adopt the screening tool", meetingTitle: "October full meeting", canManage: true });
    const superseded = await coord().meeting.decisions({ taskForceSlug: slug(), status: "superseded" });
    expect(superseded.decisions.some((row) => row.meetingId === created.id)).toBe(false);
    const memberView = await callerFor(plainMember).meeting.decisions({ taskForceSlug: slug() });
    expect(memberView.decisions.find((row) => row.meetingId === created.id)).toMatchObject({ text: "Adopt the screening tool", canManage: false });
    expect(held.agenda[1]!.minutes).toContain("screening tool");
    // The two actions are in the one tracker, linked to the meeting, with the organization of the assignee.
    const tracked = await coord().actionItem.list({ taskForceSlug: slug(), meetingId: created.id });
    expect(tracked.actionItems.map((item) => [item.title, item.assigneeOrganizationName])).toEqual([
      ["Train staff on the tool", orgs[1]!.name],
      ["Print the tool", orgs[3]!.name],
    ]);
    expect(await auditActions(taskForce.id, "meeting", created.id)).toEqual(["create", "carryForward", "carryForward", "update", "approveMinutes"]);

    const file = await meetingCalendarFile(scopeFor(taskForce, coordinatorMembership), created.id, "https://roadmap.example.org");
    const [event] = parseEvents(file.text);
    expect(event).toMatchObject({ uid: `${created.id}@task-force-roadmap`, summary: "October full meeting", status: "CONFIRMED" });
    expect(event!.start.toISOString()).toBe("2026-10-08T15:00:00.000Z");
    expect(event!.end.toISOString()).toBe("2026-10-08T17:00:00.000Z");
    // At the meeting's own clock time, so calendars keep it at 10:00 across daylight-saving changes.
    expect(file.text).toContain("\r\nDTSTART;TZID=America/Chicago:20261008T100000\r\n");
    expect(file.text).toContain("\r\nTZID:America/Chicago\r\n");
    expect(file.fileName).toBe("2026-10-08-meeting.ics");

    // An evening meeting is named by its own day, not UTC's (already the 9th at 19:30 in Chicago).
    const evening = await fullMeeting("October evening meeting", "2026-10-08T19:30", "2026-10-08T21:00");
    expect((await meetingCalendarFile(scopeFor(taskForce, coordinatorMembership), evening.id, "https://roadmap.example.org")).fileName).toBe("2026-10-08-meeting.ics");
  });

  it("refuses an end before the start, an unknown time zone, outsiders' attendance and edits of approved minutes, naming the field", async () => {
    const base = { taskForceSlug: slug(), title: "Bad", type: "full_task_force" as const, location: "" };
    const ends = await trpcErrorOf(coord().meeting.create({ ...base, startsAt: "2026-11-01T12:00", endsAt: "2026-11-01T11:00", timeZone: "America/Chicago" }), "BAD_REQUEST");
    expect(domainErrorOf(ends)).toMatchObject({ messageKey: "meetingEndsBeforeStart", field: "endsAt" });
    const zone = await trpcErrorOf(coord().meeting.create({ ...base, startsAt: "2026-11-01T10:00", endsAt: "2026-11-01T11:00", timeZone: "Mars/Olympus" }), "BAD_REQUEST");
    expect(domainErrorOf(zone)).toMatchObject({ messageKey: "invalidTimeZone", field: "timeZone" });

    const meeting = await fullMeeting("November full meeting", "2026-11-05T10:00", "2026-11-05T11:00");
    const outsider = (await createMember((await createTaskForceWithCoordinator()).taskForce, "member")).user;
    const refused = await trpcErrorOf(coord().meeting.recordAttendance({ taskForceSlug: slug(), meetingId: meeting.id, entries: [{ userId: outsider.id, status: "present" }] }), "BAD_REQUEST");
    expect(domainErrorOf(refused)).toMatchObject({ messageKey: "attendeeNotMember", field: "userId" });

    const { agenda } = await coord().meeting.get({ taskForceSlug: slug(), meetingId: meeting.id });
    expect(agenda).toEqual([]);
    const { id: itemId } = await coord().meeting.addAgendaItem({ taskForceSlug: slug(), meetingId: meeting.id, title: "Updates" });
    // Minutes of a meeting that has not started cannot be approved; a past one is marked held by approving.
    const ahead = await fullMeeting("Next month", `${dateFromToday(30)}T10:00`, `${dateFromToday(30)}T11:00`);
    expect(domainErrorOf(await trpcErrorOf(coord().meeting.approveMinutes({ taskForceSlug: slug(), meetingId: ahead.id }), "CONFLICT")).messageKey).toBe("minutesNeedHeldMeeting");
    expect((await coord().meeting.get({ taskForceSlug: slug(), meetingId: meeting.id })).meeting.status).toBe("scheduled");
    await coord().meeting.approveMinutes({ taskForceSlug: slug(), meetingId: meeting.id });
    expect((await coord().meeting.get({ taskForceSlug: slug(), meetingId: meeting.id })).meeting).toMatchObject({ status: "held", minutesStatus: "approved" });
    const locked = await trpcErrorOf(coord().meeting.saveMinutes({ taskForceSlug: slug(), meetingId: meeting.id, agendaItemId: itemId, body: "Changed later" }), "CONFLICT");
    expect(domainErrorOf(locked)).toMatchObject({ messageKey: "minutesApprovedReadOnly", field: "body" });
    await trpcErrorOf(coord().meeting.addAgendaItem({ taskForceSlug: slug(), meetingId: meeting.id, title: "Late item" }), "CONFLICT");
    await trpcErrorOf(coord().meeting.recordAttendance({ taskForceSlug: slug(), meetingId: meeting.id, entries: [{ userId: people[0]!.id, status: "present" }] }), "CONFLICT");
    await trpcErrorOf(callerFor(people[0]!).meeting.commentOnMinutes({ taskForceSlug: slug(), meetingId: meeting.id, body: "Too late" }), "CONFLICT");
  });

  it("lets a committee chair manage their committee's meetings only, and members see the bodies they belong to", async () => {
    const asChair = callerFor(chair);
    const own = await asChair.meeting.create({ taskForceSlug: slug(), title: "VS committee", type: "committee", committeeId, startsAt: "2026-12-01T09:00", endsAt: "2026-12-01T10:00", timeZone: "America/Chicago" });
    await asChair.meeting.addAgendaItem({ taskForceSlug: slug(), meetingId: own.id, title: "Shelter beds" });
    const other = await coord().meeting.create({ taskForceSlug: slug(), title: "Data committee", type: "committee", committeeId: otherCommitteeId, startsAt: "2026-12-02T09:00", endsAt: "2026-12-02T10:00", timeZone: "America/Chicago" });
    expect(domainErrorOf(await trpcErrorOf(asChair.meeting.create({ taskForceSlug: slug(), title: "Not mine", type: "full_task_force", startsAt: "2026-12-03T09:00", endsAt: "2026-12-03T10:00", timeZone: "UTC" }), "FORBIDDEN")).messageKey).toBe("meetingNotManaged");
    await trpcErrorOf(asChair.meeting.create({ taskForceSlug: slug(), title: "Not mine", type: "committee", committeeId: otherCommitteeId, startsAt: "2026-12-03T09:00", endsAt: "2026-12-03T10:00", timeZone: "UTC" }), "FORBIDDEN");
    // A member who is not the chair cannot manage, even where they may read.
    const committeeSeat = callerFor(people[2]!);
    await trpcErrorOf(committeeSeat.meeting.addAgendaItem({ taskForceSlug: slug(), meetingId: own.id, title: "Mine?" }), "FORBIDDEN");
    expect((await committeeSeat.meeting.get({ taskForceSlug: slug(), meetingId: own.id })).rights.manage).toBe(false);
    // Data committee meetings are hidden from members who are not on it; full meetings are for everyone.
    await trpcErrorOf(callerFor(plainMember).meeting.get({ taskForceSlug: slug(), meetingId: other.id }), "NOT_FOUND");
    await trpcErrorOf(callerFor(plainMember).meeting.get({ taskForceSlug: slug(), meetingId: own.id }), "NOT_FOUND");
    const listed = (await callerFor(plainMember).meeting.list({ taskForceSlug: slug() })).meetings.map((meeting) => meeting.id);
    expect(listed).not.toContain(other.id);
    expect(listed).not.toContain(own.id);
    // Viewers read every meeting.
    expect((await callerFor(viewer).meeting.get({ taskForceSlug: slug(), meetingId: other.id })).meeting.title).toBe("Data committee");
  });

  it("lets members record their own attendance and comment on draft minutes; viewers and funders cannot", async () => {
    const meeting = await fullMeeting("Member rights", "2026-08-03T10:00", "2026-08-03T11:00");
    const { id: itemId } = await coord().meeting.addAgendaItem({ taskForceSlug: slug(), meetingId: meeting.id, title: "Item" });
    await coord().meeting.saveMinutes({ taskForceSlug: slug(), meetingId: meeting.id, agendaItemId: itemId, body: "Draft text" });
    const member = callerFor(plainMember);
    await member.meeting.recordOwnAttendance({ taskForceSlug: slug(), meetingId: meeting.id, status: "present" });
    await member.meeting.commentOnMinutes({ taskForceSlug: slug(), meetingId: meeting.id, body: "Please add the date of the training." });
    const seen = await member.meeting.get({ taskForceSlug: slug(), meetingId: meeting.id });
    expect(seen.ownAttendance).toBe("present");
    expect(seen.attendance.find((row) => row.userId === plainMember.id)).toMatchObject({ organizationId: orgs[3]!.id, discipline: "health" });
    expect(seen.agenda[0]!.minutes).toBe("Draft text");
    expect(seen.comments.map((comment) => comment.body)).toEqual(["Please add the date of the training."]);
    await trpcErrorOf(member.meeting.recordAttendance({ taskForceSlug: slug(), meetingId: meeting.id, entries: [{ userId: people[0]!.id, status: "absent" }] }), "FORBIDDEN");

    await trpcErrorOf(callerFor(viewer).meeting.commentOnMinutes({ taskForceSlug: slug(), meetingId: meeting.id, body: "x" }), "FORBIDDEN");
    await trpcErrorOf(callerFor(viewer).meeting.recordOwnAttendance({ taskForceSlug: slug(), meetingId: meeting.id, status: "present" }), "FORBIDDEN");
    // Viewers do not read draft minutes.
    expect((await callerFor(viewer).meeting.get({ taskForceSlug: slug(), meetingId: meeting.id })).agenda[0]!.minutes).toBeNull();
    // Funders do not see a meeting until its minutes are approved and shared with them.
    await trpcErrorOf(callerFor(funder).meeting.get({ taskForceSlug: slug(), meetingId: meeting.id }), "NOT_FOUND");
    await trpcErrorOf(callerFor(people[0]!).meeting.approveMinutes({ taskForceSlug: slug(), meetingId: meeting.id }), "FORBIDDEN");
    await hold(meeting.id);
    await coord().meeting.approveMinutes({ taskForceSlug: slug(), meetingId: meeting.id });
    await trpcErrorOf(callerFor(funder).meeting.get({ taskForceSlug: slug(), meetingId: meeting.id }), "NOT_FOUND");
    await coord().meeting.shareMinutes({ taskForceSlug: slug(), meetingId: meeting.id, sharedWithFunders: true });
    const forFunder = await callerFor(funder).meeting.get({ taskForceSlug: slug(), meetingId: meeting.id });
    expect(forFunder.agenda[0]!.minutes).toBe("Draft text");
    expect(forFunder.attendance).toEqual([]);
    expect(forFunder.comments).toEqual([]);
    expect(forFunder.actionItems).toEqual([]);
    expect((await callerFor(funder).meeting.list({ taskForceSlug: slug() })).meetings.map((row) => row.id)).toEqual([meeting.id]);
  });

  it("keeps the discipline an organization had when attendance was recorded", async () => {
    const meeting = await fullMeeting("Snapshot", "2026-07-01T10:00", "2026-07-01T11:00");
    const org = await createOrganization(taskForce, { name: "Changing agency", primaryDiscipline: "education" });
    await coord().meeting.recordAttendance({ taskForceSlug: slug(), meetingId: meeting.id, entries: [{ organizationId: org.id, status: "present" }] });
    await (await getDb()).update(organizations).set({ primaryDiscipline: "health" }).where(eq(organizations.id, org.id));
    const { attendance } = await coord().meeting.get({ taskForceSlug: slug(), meetingId: meeting.id });
    expect(attendance.find((row) => row.organizationId === org.id)?.discipline).toBe("education");
  });

  it("raises the dashboard alert when a core discipline missed the last three full meetings, clears it when it comes back, and gives their attendance rates", async () => {
    const { taskForce: tf, coordinator: boss } = await createTaskForceWithCoordinator();
    const police = await createOrganization(tf, { name: "Police", primaryDiscipline: "lawEnforcementLocalState" });
    const shelter = await createOrganization(tf, { name: "Shelter", primaryDiscipline: "victimServices" });
    const da = await createOrganization(tf, { name: "DA", primaryDiscipline: "prosecution" });
    const caller = callerFor(boss);
    const held = async (day: number, present: string[]) => {
      const { id } = await caller.meeting.create({ taskForceSlug: tf.slug, title: `Meeting ${day}`, type: "full_task_force", startsAt: `2026-0${day}-01T10:00`, endsAt: `2026-0${day}-01T11:00`, timeZone: "UTC" });
      await caller.meeting.recordAttendance({ taskForceSlug: tf.slug, meetingId: id, entries: [police, shelter, da].map((org) => ({ organizationId: org.id, status: present.includes(org.id) ? ("present" as const) : ("absent" as const) })) });
      const { meeting } = await caller.meeting.get({ taskForceSlug: tf.slug, meetingId: id });
      await caller.meeting.update({ taskForceSlug: tf.slug, meetingId: id, version: meeting.version, status: "held" });
    };
    await held(1, [police.id, shelter.id, da.id]);
    await held(2, [shelter.id, da.id]);
    await held(3, [shelter.id]);
    expect((await caller.meeting.recentFullMeetings({ taskForceSlug: tf.slug })).absent).toEqual([]);
    await held(4, [shelter.id, da.id]);
    expect((await caller.meeting.recentFullMeetings({ taskForceSlug: tf.slug })).absent).toEqual(["lawEnforcementLocalState"]);
    // Configurable: with only victim services as core, nothing is flagged.
    await caller.meeting.setCoreDisciplines({ taskForceSlug: tf.slug, disciplines: ["victimServices"] });
    expect((await caller.meeting.recentFullMeetings({ taskForceSlug: tf.slug })).absent).toEqual([]);
    await caller.meeting.setCoreDisciplines({ taskForceSlug: tf.slug, disciplines: ["lawEnforcementLocalState", "victimServices", "prosecution"] });
    await held(5, [police.id]);
    const recent = await caller.meeting.recentFullMeetings({ taskForceSlug: tf.slug });
    expect(recent.absent).toEqual([]);
    // The dashboard's attendance: newest first, each of 3 expected organizations; 4 of 9 across the three.
    expect(recent.meetings.map((meeting) => [meeting.title, meeting.attendanceRate])).toEqual([
      ["Meeting 5", 1 / 3],
      ["Meeting 4", 2 / 3],
      ["Meeting 3", 1 / 3],
    ]);
    expect(recent.attendanceRate).toBeCloseTo(4 / 9);

    const stats = await caller.meeting.stats({ taskForceSlug: tf.slug });
    expect(stats.meetingsPerQuarter).toEqual([
      { quarter: "2026-Q1", counts: { full_task_force: 3 } },
      { quarter: "2026-Q2", counts: { full_task_force: 2 } },
    ]);
    expect(stats.coverage.map((row) => row.disciplines.length)).toEqual([3, 2, 1, 2, 1]);
    expect(stats.attendanceByOrganization.find((row) => row.name === "Police")).toMatchObject({ present: 2, absent: 3 });
    expect(stats.attendanceRateByMonth[0]).toEqual({ month: "2026-01", rate: 1 });
  });

  it("serves a per-person calendar feed behind a revocable secret token", async () => {
    const member = callerFor(plainMember);
    expect(await member.meeting.calendarFeed({ taskForceSlug: slug() })).toMatchObject({ active: false });
    const { token } = await member.meeting.createCalendarFeed({ taskForceSlug: slug() });
    const feed = await calendarFeed(token, "https://roadmap.example.org");
    const events = parseEvents(feed!);
    const titles = events.map((event) => event.summary);
    expect(titles).toContain("October full meeting");
    // Only what the member may see: not the data committee's meeting.
    expect(titles.some((title) => title.startsWith("Data committee"))).toBe(false);
    expect(await calendarFeed("not-a-token", "https://roadmap.example.org")).toBeNull();

    const { token: rotated } = await member.meeting.createCalendarFeed({ taskForceSlug: slug() });
    expect(await calendarFeed(token, "https://roadmap.example.org")).toBeNull();
    expect(await calendarFeed(rotated, "https://roadmap.example.org")).not.toBeNull();
    await member.meeting.revokeCalendarFeed({ taskForceSlug: slug() });
    expect(await calendarFeed(rotated, "https://roadmap.example.org")).toBeNull();

    // A feed stops when its owner leaves the task force.
    const { user: leaver, membership } = await createMember(taskForce, "viewer");
    const { token: leaverToken } = await callerFor(leaver).meeting.createCalendarFeed({ taskForceSlug: slug() });
    await (await getDb()).update(memberships).set({ endedAt: new Date() }).where(eq(memberships.id, membership.id));
    expect(await calendarFeed(leaverToken, "https://roadmap.example.org")).toBeNull();
  });

  it("hands a departing chair's committees to a successor, audited (for the member handoff)", async () => {
    const scope = scopeFor(taskForce, coordinatorMembership);
    const successor = people[4]!;
    const chaired = await inTransaction((tx) => listCommitteesChairedBy(tx, scope, chair.id));
    expect(chaired.map((committee) => committee.id)).toEqual([committeeId]);
    const moved = await inTransaction((tx) => reassignCommitteeChairs(tx, scope, chair.id, successor.id));
    expect(moved.map((committee) => committee.id)).toEqual([committeeId]);
    expect(await inTransaction((tx) => listCommitteesChairedBy(tx, scope, chair.id))).toEqual([]);
    const { committees } = await coord().committee.list({ taskForceSlug: slug() });
    expect(committees.find((committee) => committee.id === committeeId)?.chairUserId).toBe(successor.id);
    expect(await auditActions(taskForce.id, "committee", committeeId)).toContain("reassignChair");
    const outsider = (await createTaskForceWithCoordinator()).coordinator;
    await expect(inTransaction((tx) => reassignCommitteeChairs(tx, scope, successor.id, outsider.id))).rejects.toMatchObject({ messageKey: "unknownPerson" });
    // Hand it back so the other tests' chair stays the chair.
    await inTransaction((tx) => reassignCommitteeChairs(tx, scope, successor.id, chair.id));
  });

  it("does not reach a meeting of another task force", async () => {
    const { taskForce: other, coordinator: otherCoordinator } = await createTaskForceWithCoordinator();
    const { id } = await callerFor(otherCoordinator).meeting.create({ taskForceSlug: other.slug, title: "Elsewhere", type: "full_task_force", startsAt: "2026-05-01T10:00", endsAt: "2026-05-01T11:00", timeZone: "UTC" });
    await trpcErrorOf(coord().meeting.get({ taskForceSlug: slug(), meetingId: id }), "NOT_FOUND");
    await trpcErrorOf(coord().meeting.addAgendaItem({ taskForceSlug: slug(), meetingId: id, title: "x" }), "NOT_FOUND");
    await expect(meetingCalendarFile(scopeFor(taskForce, coordinatorMembership), id, "https://x.example.org")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
