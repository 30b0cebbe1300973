import { and, asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditLog } from "@/db/schema";
import { calendarFeed } from "@/server/domains/meetings/calendar.service";
import {
  addMembership,
  callerFor,
  createAdmin,
  createMember,
  createTaskForce,
  createTaskForceWithCoordinator,
  createUser,
  unique,
  type TestTaskForce,
  type TestUser,
} from "@/server/testing/factories";
import { domainErrorOf, trpcErrorOf } from "@/server/testing/errors";

/*
 * One access for a funder: a funding program given to a funder once reaches every task force put
 * into it, with the funder role and nothing more, for as long as the task force is in the program
 * and the funder is one of its funders. Every call below is a fresh one (no request memory), as the
 * next request after a change would be.
 */

const BASE_URL = "https://roadmap.example.org";

async function auditOf(taskForce: TestTaskForce) {
  return (await getDb())
    .select({ action: auditLog.action, actor: auditLog.actorUserId, entityId: auditLog.entityId, changes: auditLog.changes })
    .from(auditLog)
    .where(and(eq(auditLog.taskForceId, taskForce.id), eq(auditLog.entity, "fundingProgram")))
    .orderBy(asc(auditLog.createdAt));
}

describe("a funding program's access", () => {
  let admin: TestUser;
  let funder: TestUser;
  let first: TestTaskForce;
  let second: TestTaskForce;
  let outside: TestTaskForce;
  let firstCoordinator: TestUser;
  let secondCoordinator: TestUser;
  let programId: string;
  const programName = `State ECM Program ${unique()}`;

  beforeAll(async () => {
    admin = await createAdmin();
    funder = await createUser({ name: "Pat Program Officer" });
    ({ taskForce: first, coordinator: firstCoordinator } = await createTaskForceWithCoordinator({ name: "Alpha Program Task Force" }));
    ({ taskForce: second, coordinator: secondCoordinator } = await createTaskForceWithCoordinator({ name: "Beta Program Task Force" }));
    ({ taskForce: outside } = await createTaskForceWithCoordinator({ name: "Gamma Outside Task Force" }));
    const adminCaller = callerFor(admin);
    ({ id: programId } = await adminCaller.admin.fundingProgram.create({ name: programName, funderOrganization: "State Office of Justice Programs", description: "" }));
    await adminCaller.admin.fundingProgram.addFunder({ programId, email: funder.email.toUpperCase() });
    // One task force put in by its coordinator, one by an administrator.
    await callerFor(firstCoordinator).fundingProgram.join({ taskForceSlug: first.slug, programId });
    await adminCaller.admin.fundingProgram.addTaskForce({ programId, taskForceId: second.id });
  });

  it("puts every task force of the program into the funder's portfolio, saying which program, and opens each as a funder", async () => {
    const caller = callerFor(funder);
    const portfolio = await caller.funder.portfolio();
    expect(portfolio.map((row) => [row.slug, row.programs])).toEqual([
      [first.slug, [programName]],
      [second.slug, [programName]],
    ]);
    for (const taskForce of [first, second]) {
      expect(await caller.taskForce.get({ taskForceSlug: taskForce.slug })).toMatchObject({ id: taskForce.id, role: "funder" });
      expect(await caller.dashboard.gaps({ taskForceSlug: taskForce.slug })).toMatchObject({ open: 0 });
    }
    // The switcher and the home page list them too, with the role they are opened with.
    expect(await caller.taskForce.mine()).toEqual([
      { slug: first.slug, name: first.name, role: "funder" },
      { slug: second.slug, name: second.name, role: "funder" },
    ]);
  });

  it("shows nothing of a task force outside the program: it does not exist for the funder", async () => {
    const caller = callerFor(funder);
    await trpcErrorOf(caller.taskForce.get({ taskForceSlug: outside.slug }), "NOT_FOUND");
    await trpcErrorOf(caller.dashboard.gaps({ taskForceSlug: outside.slug }), "NOT_FOUND");
    expect(JSON.stringify(await caller.funder.portfolio())).not.toContain(outside.slug);
  });

  it("gives a plain funder: coordinator-only and member-only procedures are refused", async () => {
    const caller = callerFor(funder);
    const input = { taskForceSlug: first.slug };
    // The staff directory and the audit log (members and coordinators), settings and programs (coordinators).
    await trpcErrorOf(caller.people.list(input), "FORBIDDEN");
    await trpcErrorOf(caller.audit.list({ ...input, limit: 10 }), "FORBIDDEN");
    await trpcErrorOf(caller.taskForce.update({ ...input, name: "Taken over", timeZone: "UTC" }), "FORBIDDEN");
    await trpcErrorOf(caller.fundingProgram.leave({ ...input, programId }), "FORBIDDEN");
    await trpcErrorOf(caller.actionItem.list(input), "FORBIDDEN");
  });

  it("never makes the funder a person of the task force: not in rosters, pickers, attendance or member counts", async () => {
    const coordinator = callerFor(firstCoordinator);
    const input = { taskForceSlug: first.slug };
    const people = await coordinator.people.list(input);
    expect(people.map((person) => person.userId)).toEqual([firstCoordinator.id]);
    expect((await coordinator.people.assignable(input)).map((person) => person.userId)).not.toContain(funder.id);
    const rows = await callerFor(admin).admin.taskForce.list();
    expect(rows.find((row) => row.id === first.id)?.activeMembers).toBe(1);

    const meeting = await coordinator.meeting.create({
      ...input,
      title: "Program meeting",
      type: "full_task_force",
      startsAt: "2026-11-05T10:00",
      endsAt: "2026-11-05T11:00",
      timeZone: "America/Chicago",
      location: "County building",
      carryForward: false,
    });
    const shown = await coordinator.meeting.get({ ...input, meetingId: meeting.id });
    expect(shown.people.map((person) => person.userId)).not.toContain(funder.id);
    await trpcErrorOf(coordinator.meeting.recordAttendance({ ...input, meetingId: meeting.id, entries: [{ userId: funder.id, status: "present" }] }), "BAD_REQUEST");
  });

  it("records putting a task force in, by whom, in that task force's audit log", async () => {
    expect(await auditOf(first)).toEqual([
      { action: "addTaskForce", actor: firstCoordinator.id, entityId: programId, changes: { program: { from: null, to: programName } } },
    ]);
    expect(await auditOf(second)).toEqual([{ action: "addTaskForce", actor: admin.id, entityId: programId, changes: { program: { from: null, to: programName } } }]);
    expect(await auditOf(outside)).toEqual([]);
  });

  it("takes the access away with the task force: the next call finds nothing, and the calendar feed stops", async () => {
    const { taskForce, coordinator } = await createTaskForceWithCoordinator({ name: "Delta Leaving Task Force" });
    const coordinatorCaller = callerFor(coordinator);
    await coordinatorCaller.fundingProgram.join({ taskForceSlug: taskForce.slug, programId });
    const caller = callerFor(funder);
    const { token } = await caller.meeting.createCalendarFeed({ taskForceSlug: taskForce.slug });
    expect(await calendarFeed(token, BASE_URL)).not.toBeNull();

    await coordinatorCaller.fundingProgram.leave({ taskForceSlug: taskForce.slug, programId });
    await trpcErrorOf(caller.taskForce.get({ taskForceSlug: taskForce.slug }), "NOT_FOUND");
    expect((await caller.funder.portfolio()).map((row) => row.slug)).toEqual([first.slug, second.slug]);
    expect(await calendarFeed(token, BASE_URL)).toBeNull();
    expect((await auditOf(taskForce)).map((entry) => [entry.action, entry.actor, entry.changes])).toEqual([
      ["addTaskForce", coordinator.id, { program: { from: null, to: programName } }],
      ["removeTaskForce", coordinator.id, { program: { from: programName, to: null } }],
    ]);
    // Taken out, it is not in the program to take out again.
    const again = await trpcErrorOf(coordinatorCaller.fundingProgram.leave({ taskForceSlug: taskForce.slug, programId }), "NOT_FOUND");
    expect(domainErrorOf(again)).toMatchObject({ messageKey: "taskForceNotInProgram" });
  });

  it("takes the access away with the funder, and writes it in the log of every task force the program covers", async () => {
    const leaving = await createUser({ name: "Lou Leaving Officer" });
    const adminCaller = callerFor(admin);
    await adminCaller.admin.fundingProgram.addFunder({ programId, email: leaving.email });
    const caller = callerFor(leaving);
    expect((await caller.funder.portfolio()).map((row) => row.slug)).toEqual([first.slug, second.slug]);

    await adminCaller.admin.fundingProgram.removeFunder({ programId, userId: leaving.id });
    expect(await caller.funder.portfolio()).toEqual([]);
    expect(await caller.taskForce.mine()).toEqual([]);
    await trpcErrorOf(caller.taskForce.get({ taskForceSlug: first.slug }), "NOT_FOUND");
    const label = `${leaving.name} <${leaving.email}>`;
    for (const taskForce of [first, second]) {
      expect((await auditOf(taskForce)).filter((entry) => entry.action.endsWith("Funder")).map((entry) => [entry.action, entry.actor, entry.changes])).toEqual([
        ["addFunder", admin.id, { program: { from: programName, to: programName }, funder: { from: null, to: label } }],
        ["removeFunder", admin.id, { program: { from: programName, to: programName }, funder: { from: label, to: null } }],
      ]);
    }
    await trpcErrorOf(adminCaller.admin.fundingProgram.removeFunder({ programId, userId: leaving.id }), "NOT_FOUND");
  });

  it("lets a membership win over the program: a member stays a member, and a funder member is theirs by invitation", async () => {
    const { user: member } = await createMember(first, "member");
    const invitedFunder = await createUser();
    await addMembership(first, invitedFunder, "funder");
    const adminCaller = callerFor(admin);
    for (const person of [member, invitedFunder]) await adminCaller.admin.fundingProgram.addFunder({ programId, email: person.email });

    const asMember = callerFor(member);
    expect(await asMember.taskForce.get({ taskForceSlug: first.slug })).toMatchObject({ role: "member" });
    // Second is theirs through the program alone.
    expect((await asMember.funder.portfolio()).map((row) => [row.slug, row.programs])).toEqual([[second.slug, [programName]]]);
    expect((await callerFor(invitedFunder).funder.portfolio()).map((row) => [row.slug, row.programs])).toEqual([
      [first.slug, []],
      [second.slug, [programName]],
    ]);
  });

  it("keeps a coordinator to their own task force, and members, viewers and funders out", async () => {
    // A coordinator of one task force is a member of another: they cannot put that one in.
    await addMembership(outside, secondCoordinator, "member");
    const coordinator = callerFor(secondCoordinator);
    await trpcErrorOf(coordinator.fundingProgram.join({ taskForceSlug: outside.slug, programId }), "FORBIDDEN");
    await trpcErrorOf(coordinator.fundingProgram.join({ taskForceSlug: (await createTaskForce()).slug, programId }), "NOT_FOUND");
    await trpcErrorOf(coordinator.admin.fundingProgram.addTaskForce({ programId, taskForceId: outside.id }), "FORBIDDEN");
    for (const role of ["member", "viewer", "funder"] as const) {
      const { user } = await createMember(outside, role);
      await trpcErrorOf(callerFor(user).fundingProgram.join({ taskForceSlug: outside.slug, programId }), "FORBIDDEN");
      await trpcErrorOf(callerFor(user).fundingProgram.list({ taskForceSlug: outside.slug }), "FORBIDDEN");
    }
    await trpcErrorOf(callerFor(funder).fundingProgram.join({ taskForceSlug: outside.slug, programId }), "NOT_FOUND");
    expect(await auditOf(outside)).toEqual([]);
  });

  it("shows a coordinator every program to choose from, who would see their task force, and which cover it", async () => {
    const programs = await callerFor(firstCoordinator).fundingProgram.list({ taskForceSlug: first.slug });
    const ours = programs.find((program) => program.id === programId);
    expect(ours).toMatchObject({ name: programName, funderOrganization: "State Office of Justice Programs" });
    expect(ours?.funders).toContain("Pat Program Officer");
    expect(ours?.coveredSince).toBeInstanceOf(Date);
    // Which other task forces a program covers is not theirs to see.
    expect(JSON.stringify(programs)).not.toContain(second.id);
    expect(JSON.stringify(programs)).not.toContain(second.name);
    const again = await trpcErrorOf(callerFor(firstCoordinator).fundingProgram.join({ taskForceSlug: first.slug, programId }), "CONFLICT");
    expect(domainErrorOf(again)).toMatchObject({ messageKey: "taskForceAlreadyInProgram", field: "programId" });
  });

  it("lists programs with their funders and task forces for administrators, and refuses a taken name or an unknown account", async () => {
    const adminCaller = callerFor(admin);
    const listed = (await adminCaller.admin.fundingProgram.list()).find((program) => program.id === programId);
    expect(listed?.funders.map((person) => person.userId)).toContain(funder.id);
    expect(listed?.taskForces.map((taskForce) => taskForce.slug)).toEqual([first.slug, second.slug]);

    const taken = await trpcErrorOf(adminCaller.admin.fundingProgram.create({ name: programName.toLowerCase(), funderOrganization: "Other" }), "CONFLICT");
    expect(domainErrorOf(taken)).toMatchObject({ messageKey: "fundingProgramNameTaken", field: "name" });
    const unknown = await trpcErrorOf(adminCaller.admin.fundingProgram.addFunder({ programId, email: `nobody-${unique()}@example.org` }), "NOT_FOUND");
    expect(domainErrorOf(unknown)).toMatchObject({ messageKey: "accountNotFound", field: "email" });
    const twice = await trpcErrorOf(adminCaller.admin.fundingProgram.addFunder({ programId, email: funder.email }), "CONFLICT");
    expect(domainErrorOf(twice)).toMatchObject({ messageKey: "alreadyProgramFunder", field: "email" });
    await trpcErrorOf(adminCaller.admin.fundingProgram.addTaskForce({ programId, taskForceId: crypto.randomUUID() }), "NOT_FOUND");
    await trpcErrorOf(adminCaller.admin.fundingProgram.addTaskForce({ programId: crypto.randomUUID(), taskForceId: outside.id }), "NOT_FOUND");
  });
});
