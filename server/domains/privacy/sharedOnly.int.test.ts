import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { listLastFullMeetings } from "@/server/domains/meetings/meetings.queries";
import {
  callerFor,
  createGapFor,
  createMember,
  createOrganization,
  createTaskForceWithCoordinator,
  type TestTaskForce,
  type TestUser,
} from "@/server/testing/factories";

/*
 * Outsiders see only what was shared (privacy.md rule 3, issue 13 item 4). A funder is sent
 * nothing about a meeting whose minutes were not shared with funders — not its title, date or
 * attendance, not in a chart, the dashboard widget or the portfolio's freshness — no staff names on
 * gaps or MOUs, no MOU notes; street addresses of member organizations reach coordinators and
 * members only. Each test looks at everything the role is sent, as text, for the secret.
 */
describe("outsiders see only what was shared", () => {
  let taskForce: TestTaskForce;
  let coordinator: TestUser;
  let member: TestUser;
  let viewer: TestUser;
  let funder: TestUser;
  let shelterId: string;
  let policeId: string;
  const input = () => ({ taskForceSlug: taskForce.slug });

  beforeAll(async () => {
    ({ taskForce, coordinator } = await createTaskForceWithCoordinator());
    const shelter = await createOrganization(taskForce, { name: "Harbor Shelter", primaryDiscipline: "victimServices" });
    const police = await createOrganization(taskForce, { name: "County Police", primaryDiscipline: "lawEnforcementLocalState" });
    shelterId = shelter.id;
    policeId = police.id;
    member = (await createMember(taskForce, "member", { name: "Sam Staffer", organizationId: shelter.id })).user;
    viewer = (await createMember(taskForce, "viewer")).user;
    funder = (await createMember(taskForce, "funder")).user;
    const caller = callerFor(coordinator);

    const held = async (title: string, month: number, shared: boolean | null) => {
      const { id } = await caller.meeting.create({ ...input(), title, type: "full_task_force", startsAt: `2026-0${month}-14T10:00`, endsAt: `2026-0${month}-14T11:00`, timeZone: "UTC" });
      await caller.meeting.recordAttendance({ ...input(), meetingId: id, entries: [{ organizationId: shelter.id, status: "present" }, { organizationId: police.id, status: month === 2 ? "present" : "absent" }] });
      const { meeting } = await caller.meeting.get({ ...input(), meetingId: id });
      await caller.meeting.update({ ...input(), meetingId: id, version: meeting.version, status: "held" });
      if (shared !== null) await caller.meeting.approveMinutes({ ...input(), meetingId: id, sharedWithFunders: shared });
      return id;
    };
    await held("Shared January meeting", 1, true);
    await held("Secret February meeting", 2, false);
    await held("Draft March meeting", 3, null);

    await caller.organization.updateProfile({ ...input(), organizationId: shelter.id, primaryDiscipline: "victimServices", jurisdictionLevel: "local", address: "12 Hidden Lane, Riverbend" });
    const gap = await createGapFor(taskForce, coordinator, { title: "Referral protocol", ownerOrganizationId: shelter.id, ownerUserId: member.id });
    await callerFor(member).gap.comment({ ...input(), gapId: gap.id, body: "Draft circulated", sharedWithFunders: true });
    await caller.mou.create({
      ...input(),
      title: "Shelter–police MOU",
      notes: "Renegotiating clause 4 privately",
      sharedWithFunders: true,
      ownerUserId: member.id,
      partyOrganizationIds: [shelter.id, police.id],
    });
  });

  it("a funder's meeting charts and dashboard widget are built from shared meetings only", async () => {
    const caller = callerFor(funder);
    const [recent, stats] = await Promise.all([caller.meeting.recentFullMeetings(input()), caller.meeting.stats(input())]);
    expect(recent.meetings.map((meeting) => meeting.title)).toEqual(["Shared January meeting"]);
    expect(stats.coverage.map((row) => row.title)).toEqual(["Shared January meeting"]);
    expect(stats.meetingsPerQuarter).toEqual([{ quarter: "2026-Q1", counts: { full_task_force: 1 } }]);
    const text = JSON.stringify([recent, stats]);
    for (const secret of ["Secret February meeting", "Draft March meeting", "2026-02-14", "2026-03-14", "2026-02", "2026-03"]) expect(text).not.toContain(secret);
    // The police came only to the unshared February meeting: a funder sees no attendance of theirs.
    expect(stats.attendanceByOrganization.find((row) => row.name === "County Police")).toMatchObject({ present: 0, absent: 1 });
    // Every meeting a funder is shown opens for them.
    for (const meeting of recent.meetings) await expect(caller.meeting.get({ ...input(), meetingId: meeting.id })).resolves.toBeDefined();
  });

  it("members, viewers and the coordinator still see every held meeting", async () => {
    for (const user of [coordinator, member, viewer]) {
      const recent = await callerFor(user).meeting.recentFullMeetings(input());
      expect(recent.meetings.map((meeting) => meeting.title)).toEqual(["Draft March meeting", "Secret February meeting", "Shared January meeting"]);
    }
  });

  it("the funder portfolio's last full meeting (its freshness) is the last shared one", async () => {
    // The portfolio reads it with sharedWithFundersOnly; the row's freshness is the latest of several dates, so the query is checked itself.
    const db = await getDb();
    const [shared] = await listLastFullMeetings(db, [taskForce.id], { sharedWithFundersOnly: true });
    expect(shared?.startsAt?.toISOString().slice(0, 10)).toBe("2026-01-14");
    const [any] = await listLastFullMeetings(db, [taskForce.id]);
    expect(any?.startsAt?.toISOString().slice(0, 10)).toBe("2026-03-14");
    const portfolio = await callerFor(funder).funder.portfolio();
    expect(JSON.stringify(portfolio)).not.toContain("2026-03-14");
    // The site-visit summary's last full meeting is the shared one, and so is the files'.
    expect(portfolio.map((row) => row.lastFullMeetingOn)).toEqual(["2026-01-14"]);
  });

  it("a funder sees gaps owned by an organization, never the staff member, and comments without their author", async () => {
    const caller = callerFor(funder);
    const list = await caller.gap.list(input());
    const [gap] = list.gaps;
    expect(gap).toMatchObject({ ownerOrganizationName: "Harbor Shelter", ownerUserName: null, ownerUserId: null, updatedByName: null });
    const detail = await caller.gap.get({ ...input(), gapId: gap!.id });
    expect(detail.timeline.map((event) => [event.kind, event.body, event.actorName])).toContainEqual(["comment", "Draft circulated", null]);
    const text = JSON.stringify([list, detail]);
    expect(text).not.toContain("Sam Staffer");
    expect(text).not.toContain(member.id);
    // Inside the task force the owner is named.
    expect((await callerFor(viewer).gap.list(input())).gaps[0]?.ownerUserName).toBe("Sam Staffer");
  });

  it("a funder sees a shared MOU without its notes or the staff member who looks after it", async () => {
    const caller = callerFor(funder);
    const list = await caller.mou.list(input());
    expect(list.mous.map((mou) => [mou.title, mou.notes, mou.ownerName])).toEqual([["Shelter–police MOU", "", null]]);
    const detail = await caller.mou.get({ ...input(), mouId: list.mous[0]!.id });
    const text = JSON.stringify([list, detail]);
    expect(text).not.toContain("Renegotiating");
    expect(text).not.toContain("Sam Staffer");
    expect((await callerFor(member).mou.list(input())).mous[0]).toMatchObject({ notes: "Renegotiating clause 4 privately", ownerName: "Sam Staffer" });
  });

  it("street addresses reach coordinators and members only", async () => {
    for (const user of [coordinator, member]) {
      expect((await callerFor(user).organization.get({ ...input(), organizationId: shelterId })).organization.address).toBe("12 Hidden Lane, Riverbend");
    }
    for (const user of [viewer, funder]) {
      const caller = callerFor(user);
      const profile = await caller.organization.get({ ...input(), organizationId: shelterId });
      expect(profile.organization.address).toBeNull();
      const text = JSON.stringify([profile, await caller.organization.list(input()), await caller.organization.get({ ...input(), organizationId: policeId })]);
      expect(text).not.toContain("Hidden Lane");
    }
  });
});
