import { TRPCError, type TRPC_ERROR_CODE_KEY } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { TASK_FORCE_ROLES } from "@/db/schema";
import { can, PERMISSIONS, PROGRAM_ROLE, type TaskForceRole } from "@/server/auth/permissions";
import {
  addMembership,
  allProcedures,
  callerFor,
  callProcedure,
  createAdmin,
  createTaskForce,
  createUser,
  type TestTaskForce,
  type TestUser,
  unique,
} from "@/server/testing/factories";
import type { ProcedureMeta } from "./init";

/*
 * The role × procedure matrix. It walks every procedure of the root router, so a procedure added
 * tomorrow is covered without anyone editing this file; one without access metadata fails here.
 */

const procedures = allProcedures();

function withAccess<A extends ProcedureMeta["access"]>(access: A) {
  return procedures.flatMap(({ path, meta }) =>
    meta?.access === access ? [{ path, meta: meta as Extract<ProcedureMeta, { access: A }> }] : [],
  );
}

const taskForceProcedures = withAccess("taskForce");
const adminProcedures = withAccess("admin");
const authedProcedures = withAccess("authed");
const funderProcedures = withAccess("funder");
const publicProcedures = withAccess("public");

type Outcome = "ok" | TRPC_ERROR_CODE_KEY;

/** Calls the procedure at a dotted path as `user` and reports the outcome. */
async function call(user: TestUser | null, path: string, input: unknown): Promise<Outcome> {
  try {
    await callProcedure(user, path, input);
    return "ok";
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
}

describe("procedure metadata", () => {
  it("finds the procedures of every domain router", () => {
    const paths = procedures.map(({ path }) => path);
    expect(paths).toEqual(expect.arrayContaining(["account.me", "people.update", "invitation.accept", "admin.taskForce.create", "audit.list"]));
  });

  it.each(procedures.map(({ path, meta }) => [path, meta] as const))("%s declares who may call it", (_path, meta) => {
    expect(meta, "build procedures from publicProcedure, authedProcedure, adminProcedure, fundersOnlyProcedure or taskForceProcedure").toBeDefined();
    expect(["public", "authed", "admin", "funder", "taskForce"]).toContain(meta?.access);
    if (meta?.access === "taskForce") expect(PERMISSIONS).toContain(meta.permission);
  });
});

describe("task force procedures", () => {
  let taskForce: TestTaskForce;
  let outsider: TestUser;
  let outsideAdmin: TestUser;
  let programFunder: TestUser;
  const members = new Map<TaskForceRole, TestUser>();

  beforeAll(async () => {
    taskForce = await createTaskForce();
    outsider = await createUser();
    outsideAdmin = await createAdmin();
    for (const role of TASK_FORCE_ROLES) {
      const user = await createUser({ name: `Matrix ${role}` });
      await addMembership(taskForce, user, role);
      members.set(role, user);
    }
    // Reaches the task force through a funding program alone, without a membership.
    programFunder = await createUser({ name: "Matrix program funder" });
    const admin = callerFor(outsideAdmin);
    const program = await admin.admin.fundingProgram.create({ name: `Matrix program ${unique()}`, funderOrganization: "Matrix Foundation" });
    await admin.admin.fundingProgram.addFunder({ programId: program.id, email: programFunder.email });
    await admin.admin.fundingProgram.addTaskForce({ programId: program.id, taskForceId: taskForce.id });
  });

  const memberOf = (role: TaskForceRole) => {
    const user = members.get(role);
    if (!user) throw new Error(`no ${role} in the matrix task force`);
    return user;
  };

  it.each(taskForceProcedures)("$path refuses an anonymous visitor with UNAUTHORIZED", async ({ path }) => {
    expect(await call(null, path, { taskForceSlug: taskForce.slug })).toBe("UNAUTHORIZED");
  });

  it.each(taskForceProcedures)("$path tells a signed-in non-member NOT_FOUND", async ({ path }) => {
    expect(await call(outsider, path, { taskForceSlug: taskForce.slug })).toBe("NOT_FOUND");
  });

  it.each(taskForceProcedures)("$path tells a platform administrator who is not a member NOT_FOUND", async ({ path }) => {
    expect(await call(outsideAdmin, path, { taskForceSlug: taskForce.slug })).toBe("NOT_FOUND");
  });

  const cases = taskForceProcedures.flatMap(({ path, meta }) =>
    TASK_FORCE_ROLES.map((role) => ({ path, role, permission: meta.permission, allowed: can(role, meta.permission) })),
  );

  it.each(cases)("$path as $role ($permission allowed: $allowed)", async ({ path, role, allowed }) => {
    const outcome = await call(memberOf(role), path, { taskForceSlug: taskForce.slug });
    if (allowed) {
      // Past the permission check the procedure parses its own input: success, or BAD_REQUEST for what is missing.
      expect(["ok", "BAD_REQUEST"]).toContain(outcome);
    } else {
      expect(outcome).toBe("FORBIDDEN");
    }
  });

  // A funding program gives the funder role and nothing more: the same outcome as a funder member.
  it.each(taskForceProcedures.map(({ path, meta }) => ({ path, permission: meta.permission, allowed: can(PROGRAM_ROLE, meta.permission) })))(
    "$path through a funding program ($permission allowed: $allowed)",
    async ({ path, allowed }) => {
      const outcome = await call(programFunder, path, { taskForceSlug: taskForce.slug });
      if (allowed) expect(["ok", "BAD_REQUEST"]).toContain(outcome);
      else expect(outcome).toBe("FORBIDDEN");
    },
  );
});

describe("administrator procedures", () => {
  let admin: TestUser;
  let nonAdmin: TestUser;

  beforeAll(async () => {
    admin = await createAdmin();
    nonAdmin = await createUser();
    // A coordinator is not a platform administrator.
    await addMembership(await createTaskForce(), nonAdmin, "coordinator");
  });

  it.each(adminProcedures)("$path refuses an anonymous visitor with UNAUTHORIZED", async ({ path }) => {
    expect(await call(null, path, {})).toBe("UNAUTHORIZED");
  });

  it.each(adminProcedures)("$path refuses a signed-in non-administrator with FORBIDDEN", async ({ path }) => {
    expect(await call(nonAdmin, path, {})).toBe("FORBIDDEN");
  });

  it.each(adminProcedures)("$path lets an administrator through", async ({ path }) => {
    expect(["ok", "BAD_REQUEST"]).toContain(await call(admin, path, {}));
  });
});

describe("funder procedures", () => {
  const callers = new Map<string, TestUser>();

  beforeAll(async () => {
    const taskForce = await createTaskForce();
    // Coordinators, members and viewers fund nothing: they have no portfolio to export or sum up.
    for (const role of ["coordinator", "member", "viewer"] as const) {
      const user = await createUser({ name: `Funder matrix ${role}` });
      await addMembership(taskForce, user, role);
      callers.set(role, user);
    }
    callers.set("non-member", await createUser());
    const invited = await createUser({ name: "Funder matrix funder" });
    await addMembership(taskForce, invited, "funder");
    callers.set("funder", invited);
    const programFunder = await createUser({ name: "Funder matrix program funder" });
    const admin = callerFor(await createAdmin());
    const program = await admin.admin.fundingProgram.create({ name: `Funder matrix program ${unique()}`, funderOrganization: "Matrix Foundation" });
    await admin.admin.fundingProgram.addFunder({ programId: program.id, email: programFunder.email });
    await admin.admin.fundingProgram.addTaskForce({ programId: program.id, taskForceId: taskForce.id });
    callers.set("program funder", programFunder);
  });

  it("finds the funders' procedures", () => {
    expect(funderProcedures.map(({ path }) => path)).toEqual(expect.arrayContaining(["funder.export", "funder.summary"]));
  });

  it.each(funderProcedures)("$path refuses an anonymous visitor with UNAUTHORIZED", async ({ path }) => {
    expect(await call(null, path, {})).toBe("UNAUTHORIZED");
  });

  const refused = funderProcedures.flatMap(({ path }) => ["coordinator", "member", "viewer", "non-member"].map((who) => ({ path, who })));
  it.each(refused)("$path refuses a $who who funds nothing with FORBIDDEN", async ({ path, who }) => {
    expect(await call(callers.get(who) ?? null, path, {})).toBe("FORBIDDEN");
  });

  const allowed = funderProcedures.flatMap(({ path }) => ["funder", "program funder"].map((who) => ({ path, who })));
  it.each(allowed)("$path lets a $who through", async ({ path, who }) => {
    expect(["ok", "BAD_REQUEST"]).toContain(await call(callers.get(who) ?? null, path, {}));
  });
});

describe("signed-in procedures", () => {
  let user: TestUser;
  beforeAll(async () => {
    user = await createUser();
  });

  it.each(authedProcedures)("$path refuses an anonymous visitor with UNAUTHORIZED", async ({ path }) => {
    expect(await call(null, path, {})).toBe("UNAUTHORIZED");
  });

  it.each(authedProcedures)("$path lets any signed-in person through", async ({ path }) => {
    expect(["ok", "BAD_REQUEST"]).toContain(await call(user, path, {}));
  });
});

describe("public procedures", () => {
  it.each(publicProcedures)("$path does not ask an anonymous visitor to sign in", async ({ path }) => {
    expect(["ok", "BAD_REQUEST"]).toContain(await call(null, path, {}));
  });
});
