import { beforeAll, describe, expect, it } from "vitest";
import { callerFor, createAdmin, createTaskForceWithCoordinator, unique, type TestTaskForce, type TestUser } from "@/server/testing/factories";
import { domainErrorOf, fieldErrorsOf, trpcErrorOf } from "@/server/testing/errors";
import { PERMISSIONS } from "@/server/auth/permissions";

const tokenOf = (link: string | null) => link?.split("/invite/")[1] ?? "";

describe("creating a task force", () => {
  let admin: TestUser;
  beforeAll(async () => {
    admin = await createAdmin({ name: "Alex Admin" });
  });

  it("creates the task force and an invitation for its first coordinator", async () => {
    const slug = `north-county-${unique()}`;
    const coordinatorEmail = `first-coordinator-${unique()}@example.org`;
    const { taskForce, invitation } = await callerFor(admin).admin.taskForce.create({
      slug: ` ${slug.toUpperCase()} `,
      name: "North County Human Trafficking Task Force",
      timeZone: "America/Denver",
      coordinatorEmail,
    });
    expect(taskForce).toEqual({ id: expect.any(String), slug, name: "North County Human Trafficking Task Force", timeZone: "America/Denver" });
    expect(invitation).toMatchObject({ email: coordinatorEmail, emailed: false });

    const listed = await callerFor(admin).admin.taskForce.list();
    expect(listed).toContainEqual(expect.objectContaining({ slug, activeMembers: 0 }));

    // The invited coordinator joins and can run the task force.
    expect(await callerFor(null).invitation.lookup({ token: tokenOf(invitation.link) })).toMatchObject({
      status: "valid",
      role: "coordinator",
      taskForceName: "North County Human Trafficking Task Force",
    });
    await callerFor(null).invitation.acceptWithNewAccount({ token: tokenOf(invitation.link), name: "Fiona First", password: "a long enough password" });
    const [coordinatorRow] = (await callerFor(admin).admin.taskForce.list()).filter((row) => row.slug === slug);
    expect(coordinatorRow?.activeMembers).toBe(1);
  });

  it("refuses a slug that is taken, naming the slug field", async () => {
    const slug = `taken-${unique()}`;
    const input = { slug, name: "First of its name", timeZone: "UTC", coordinatorEmail: `a-${unique()}@example.org` };
    await callerFor(admin).admin.taskForce.create(input);
    const error = await trpcErrorOf(
      callerFor(admin).admin.taskForce.create({ ...input, name: "Second of its name", coordinatorEmail: `b-${unique()}@example.org` }),
      "CONFLICT",
    );
    expect(domainErrorOf(error)).toEqual({ code: "CONFLICT", messageKey: "slugTaken", values: { slug }, field: "slug" });
    const withSlug = (await callerFor(admin).admin.taskForce.list()).filter((row) => row.slug === slug);
    expect(withSlug.map((row) => row.name)).toEqual(["First of its name"]);
  });

  it("refuses a slug that is not lower-case words joined by hyphens", async () => {
    const error = await trpcErrorOf(
      callerFor(admin).admin.taskForce.create({ slug: "no spaces!", name: "Bad slug", timeZone: "UTC", coordinatorEmail: `c-${unique()}@example.org` }),
      "BAD_REQUEST",
    );
    expect(fieldErrorsOf(error).slug).toContainEqual({ key: "slugFormat" });
  });

  it("invites another coordinator into an existing task force, but not into one that does not exist", async () => {
    const { taskForce } = await createTaskForceWithCoordinator();
    const email = `second-${unique()}@example.org`;
    const invitation = await callerFor(admin).admin.taskForce.inviteCoordinator({ taskForceId: taskForce.id, email });
    expect(await callerFor(null).invitation.lookup({ token: tokenOf(invitation.link) })).toMatchObject({ status: "valid", role: "coordinator", email });

    const missing = await trpcErrorOf(
      callerFor(admin).admin.taskForce.inviteCoordinator({ taskForceId: "00000000-0000-4000-8000-000000000000", email }),
      "NOT_FOUND",
    );
    expect(domainErrorOf(missing).messageKey).toBe("taskForceNotFound");
  });
});

describe("task force settings", () => {
  let taskForce: TestTaskForce;
  let coordinator: TestUser;
  beforeAll(async () => {
    ({ taskForce, coordinator } = await createTaskForceWithCoordinator({ name: "Lakeside Task Force", coordinatorName: "Sam Settings" }));
  });

  it("shows a coordinator the task force and everything their role allows", async () => {
    expect(await callerFor(coordinator).taskForce.get({ taskForceSlug: taskForce.slug })).toEqual({
      id: taskForce.id,
      slug: taskForce.slug,
      name: "Lakeside Task Force",
      timeZone: "America/Chicago",
      role: "coordinator",
      permissions: PERMISSIONS,
    });
  });

  it("refuses a time zone that does not exist", async () => {
    const error = await trpcErrorOf(
      callerFor(coordinator).taskForce.update({ taskForceSlug: taskForce.slug, name: "Lakeside Task Force", timeZone: "America/NewYork" }),
      "BAD_REQUEST",
    );
    expect(fieldErrorsOf(error)).toEqual({ timeZone: [{ key: "timeZone" }] });
    expect((await callerFor(coordinator).taskForce.get({ taskForceSlug: taskForce.slug })).timeZone).toBe("America/Chicago");
  });

  // Regression: the procedure input's `taskForceSlug` was logged as a changed field ({ from: null, to: slug }).
  it("saves new settings and the audit log shows who changed what", async () => {
    await callerFor(coordinator).taskForce.update({ taskForceSlug: taskForce.slug, name: "Lakeside Regional Task Force", timeZone: "America/Phoenix" });
    expect(await callerFor(coordinator).taskForce.get({ taskForceSlug: taskForce.slug })).toMatchObject({
      name: "Lakeside Regional Task Force",
      timeZone: "America/Phoenix",
    });
    const {
      entries: [latest],
    } = await callerFor(coordinator).audit.list({ taskForceSlug: taskForce.slug, limit: 1 });
    expect(latest).toEqual({
      id: expect.any(String),
      createdAt: expect.any(Date),
      actorName: "Sam Settings",
      entity: "taskForce",
      entityId: taskForce.id,
      action: "update",
      changes: {
        name: { from: "Lakeside Task Force", to: "Lakeside Regional Task Force" },
        timeZone: { from: "America/Chicago", to: "America/Phoenix" },
      },
    });
  });

  it("lists audit entries newest first with the names of the people who acted", async () => {
    const { taskForce: fresh, coordinator: actor } = await createTaskForceWithCoordinator({ coordinatorName: "Olu Organizer" });
    const caller = callerFor(actor);
    await caller.organization.create({ taskForceSlug: fresh.slug, name: "Metro Police Department", primaryDiscipline: "lawEnforcementLocalState" });
    await caller.taskForce.update({ taskForceSlug: fresh.slug, name: "Renamed Task Force", timeZone: "UTC" });

    const { entries, nextCursor } = await caller.audit.list({ taskForceSlug: fresh.slug });
    expect(nextCursor).toBeNull();
    expect(entries.map(({ actorName, entity, action }) => ({ actorName, entity, action }))).toEqual([
      { actorName: "Olu Organizer", entity: "taskForce", action: "update" },
      { actorName: "Olu Organizer", entity: "organization", action: "create" },
    ]);
    expect(entries[1]?.changes).toEqual({
      name: { from: null, to: "Metro Police Department" },
      primaryDiscipline: { from: null, to: "lawEnforcementLocalState" },
    });
  });

  // Entries of one transaction share a timestamp; paging by time alone would skip or repeat them.
  it("pages through the log without skipping or repeating entries written in one transaction", async () => {
    const { taskForce: fresh, coordinator: actor } = await createTaskForceWithCoordinator();
    const caller = callerFor(actor);
    for (const name of ["Agency One", "Agency Two", "Agency Three", "Agency Four", "Agency Five"]) {
      await caller.organization.create({ taskForceSlug: fresh.slug, name, primaryDiscipline: "health" });
    }
    const everything = (await caller.audit.list({ taskForceSlug: fresh.slug, limit: 200 })).entries.map((entry) => entry.id);
    const paged: string[] = [];
    let cursor: { createdAt: Date; id: string } | null = null;
    do {
      const page: Awaited<ReturnType<typeof caller.audit.list>> = await caller.audit.list({ taskForceSlug: fresh.slug, limit: 2, cursor });
      expect(page.entries.length).toBeLessThanOrEqual(2);
      paged.push(...page.entries.map((entry) => entry.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(everything.length).toBeGreaterThanOrEqual(5);
    expect(paged).toEqual(everything);
  });
});
