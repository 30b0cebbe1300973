import { sql } from "drizzle-orm";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi, type MockInstance } from "vitest";
import { getDb } from "@/db/client";
import { callerFor, createAdmin, createMember, createTaskForceWithCoordinator, createUser, unique, type TestMembership, type TestTaskForce, type TestUser } from "@/server/testing/factories";
import { trpcErrorOf } from "@/server/testing/errors";

/*
 * Every change and its audit entry land together or not at all. A trigger makes the database refuse
 * the audit insert (for a marked task force, or for changes that mention "poison" in any case), the way a full
 * disk or a dropped connection would, and each test checks that the change itself left no trace.
 */
describe("a change whose audit entry cannot be written", () => {
  let taskForce: TestTaskForce;
  let coordinator: TestUser;
  let viewer: { user: TestUser; membership: TestMembership };
  let pendingEmail: string;
  let pendingToken: string;
  let consoleError: MockInstance<typeof console.error>;

  beforeAll(async () => {
    const db = await getDb();
    await db.execute(sql.raw("CREATE TABLE test_poisoned_task_forces (task_force_id uuid PRIMARY KEY)"));
    await db.execute(
      sql.raw(`CREATE FUNCTION test_refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF NEW.changes::text ILIKE '%POISON%' OR NEW.task_force_id IN (SELECT task_force_id FROM test_poisoned_task_forces) THEN
            RAISE EXCEPTION 'audit insert refused by the test trigger';
          END IF;
          RETURN NEW;
        END $$`),
    );
    await db.execute(
      sql.raw("CREATE TRIGGER test_refuse_audit BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION test_refuse_audit()"),
    );

    ({ taskForce, coordinator } = await createTaskForceWithCoordinator({ name: "Steady Task Force" }));
    viewer = await createMember(taskForce, "viewer");
    pendingEmail = `pending-${unique()}@example.org`;
    const created = await callerFor(coordinator).invitation.create({ taskForceSlug: taskForce.slug, email: pendingEmail, role: "viewer" });
    pendingToken = created.link?.split("/invite/")[1] ?? "";
    await db.execute(sql`INSERT INTO test_poisoned_task_forces (task_force_id) VALUES (${taskForce.id})`);
  });

  beforeEach(() => {
    consoleError = vi.spyOn(console, "error").mockImplementation(() => {});
  });
  afterEach(() => {
    consoleError.mockRestore();
  });

  /** The failure reaches the client as a plain internal error, and the details only the server log. */
  async function expectInternalError(call: Promise<unknown>) {
    const error = await trpcErrorOf(call, "INTERNAL_SERVER_ERROR");
    expect(consoleError).toHaveBeenCalled();
    return error;
  }

  it("does not create the organization", async () => {
    const caller = callerFor(coordinator);
    await expectInternalError(caller.organization.create({ taskForceSlug: taskForce.slug, name: "POISON Agency", primaryDiscipline: "health" }));
    expect(await caller.organization.list({ taskForceSlug: taskForce.slug })).toEqual([]);
  });

  it("keeps the old role", async () => {
    await expectInternalError(
      callerFor(coordinator).people.update({ taskForceSlug: taskForce.slug, membershipId: viewer.membership.id, role: "funder" }),
    );
    expect((await callerFor(viewer.user).taskForce.get({ taskForceSlug: taskForce.slug })).role).toBe("viewer");
  });

  it("keeps the membership", async () => {
    await expectInternalError(callerFor(coordinator).people.end({ taskForceSlug: taskForce.slug, membershipId: viewer.membership.id }));
    expect((await callerFor(viewer.user).taskForce.get({ taskForceSlug: taskForce.slug })).role).toBe("viewer");
  });

  it("keeps the old settings", async () => {
    await expectInternalError(callerFor(coordinator).taskForce.update({ taskForceSlug: taskForce.slug, name: "Renamed", timeZone: "UTC" }));
    expect(await callerFor(coordinator).taskForce.get({ taskForceSlug: taskForce.slug })).toMatchObject({
      name: "Steady Task Force",
      timeZone: "America/Chicago",
    });
  });

  it("neither creates the new invitation nor revokes the pending one", async () => {
    await expectInternalError(callerFor(coordinator).invitation.create({ taskForceSlug: taskForce.slug, email: pendingEmail, role: "funder" }));
    expect(await callerFor(null).invitation.lookup({ token: pendingToken })).toMatchObject({ status: "valid", role: "viewer" });
    const pending = await callerFor(coordinator).invitation.list({ taskForceSlug: taskForce.slug });
    expect(pending.map(({ email, role }) => ({ email, role }))).toEqual([{ email: pendingEmail, role: "viewer" }]);
  });

  it("creates no account when accepting fails, and the link still works", async () => {
    await expectInternalError(
      callerFor(null).invitation.acceptWithNewAccount({ token: pendingToken, name: "Nadia New", password: "a long enough password" }),
    );
    expect(await callerFor(null).invitation.lookup({ token: pendingToken })).toMatchObject({ status: "valid", hasAccount: false });
  });

  it("does not accept the invitation for an existing account either", async () => {
    const email = `existing-${unique()}@example.org`;
    const { taskForce: other, coordinator: otherCoordinator } = await createTaskForceWithCoordinator();
    const invitee = await createUser({ email });
    const created = await callerFor(otherCoordinator).invitation.create({ taskForceSlug: other.slug, email, role: "viewer" });
    const token = created.link?.split("/invite/")[1] ?? "";
    await (await getDb()).execute(sql`INSERT INTO test_poisoned_task_forces (task_force_id) VALUES (${other.id})`);

    await expectInternalError(callerFor(invitee).invitation.accept({ token }));
    expect(await callerFor(invitee).taskForce.mine()).toEqual([]);
    expect(await callerFor(null).invitation.lookup({ token })).toMatchObject({ status: "valid" });
  });

  it("does not create a task force", async () => {
    const admin = await createAdmin();
    const slug = `poisoned-${unique()}`;
    await expectInternalError(
      callerFor(admin).admin.taskForce.create({ slug, name: "POISON Task Force", timeZone: "UTC", coordinatorEmail: `c-${unique()}@example.org` }),
    );
    const all = await callerFor(admin).admin.taskForce.list();
    expect(all.map((row) => row.slug)).not.toContain(slug);
  });

  // Regression: the task force and its first coordinator's invitation used to be two transactions,
  // so a failed invitation left a task force nobody was invited to, and a retry hit "slug taken".
  it("does not keep the task force when its coordinator invitation cannot be written", async () => {
    const admin = await createAdmin();
    const slug = `half-made-${unique()}`;
    const input = { slug, name: "Half Made Task Force", timeZone: "UTC" };
    await expectInternalError(callerFor(admin).admin.taskForce.create({ ...input, coordinatorEmail: `poison-${unique()}@example.org` }));
    expect((await callerFor(admin).admin.taskForce.list()).map((row) => row.slug)).not.toContain(slug);

    const retried = await callerFor(admin).admin.taskForce.create({ ...input, coordinatorEmail: `c-${unique()}@example.org` });
    expect(retried.taskForce.slug).toBe(slug);
  });
});
