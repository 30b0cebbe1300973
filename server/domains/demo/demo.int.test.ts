import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { fundingPrograms, taskForces, users } from "@/db/schema";
import { callerFor, createAdmin, createTaskForce, createUser, unique } from "@/server/testing/factories";
import { verifyPassword } from "@/server/auth/password";
import { TRPCError } from "@trpc/server";
import { applyDemoPassword } from "./demo.service";

/*
 * One file, one database: these run in order, from an installation whose only administrator is
 * the demo's to one where the demo is gone.
 */

async function flagDemo(kind: "user" | "taskForce", id: string) {
  const db = await getDb();
  if (kind === "user") await db.update(users).set({ isDemo: true }).where(eq(users.id, id));
  else await db.update(taskForces).set({ isDemo: true }).where(eq(taskForces.id, id));
}

const codeOf = async (call: Promise<unknown>) => {
  try {
    await call;
    return "ok";
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
};

describe("demo data", () => {
  it("moves accounts seeded by an older version off the published password, and flags them", async () => {
    const legacy = await createUser({ email: `legacy-${unique()}@example.org`, password: "demo-password-2026" });
    const changedByOwner = await createUser({ email: `owner-${unique()}@example.org`, password: "their own passphrase" });
    const db = await getDb();
    const changed = await applyDemoPassword(db, "installation-demo-pass", {
      password: "demo-password-2026",
      emails: [legacy.email, changedByOwner.email],
      slugs: [],
    });
    expect(changed).toBe(true);
    const rows = await db.select({ id: users.id, isDemo: users.isDemo, hash: users.passwordHash }).from(users);
    const legacyRow = rows.find((row) => row.id === legacy.id)!;
    expect(legacyRow.isDemo).toBe(true);
    expect(await verifyPassword(legacyRow.hash, "installation-demo-pass")).toBe(true);
    expect(await verifyPassword(legacyRow.hash, "demo-password-2026")).toBe(false);
    expect(rows.find((row) => row.id === changedByOwner.id)?.isDemo).toBe(false);
    // Run again: nothing left to change.
    expect(await applyDemoPassword(db, "installation-demo-pass", { password: "demo-password-2026", emails: [legacy.email], slugs: [] })).toBe(false);
  });

  it("shows the banner while demo data is present, and refuses removal while the demo's administrator is the only one", async () => {
    const demoAdmin = await createAdmin();
    await flagDemo("user", demoAdmin.id);
    const demoTaskForce = await createTaskForce();
    await flagDemo("taskForce", demoTaskForce.id);
    expect(await callerFor(null).demo.status()).toEqual({ present: true });
    expect(await codeOf(callerFor(demoAdmin).demo.remove({ confirm: true }))).toBe("CONFLICT");
  });

  it("needs an explicit confirmation, is for administrators only, and removes every demo task force, program and account in one step", async () => {
    const ownAdmin = await createAdmin();
    const realTaskForce = await createTaskForce();
    const caller = callerFor(ownAdmin);
    const demoProgram = await caller.admin.fundingProgram.create({ name: `Demo program ${unique()}`, funderOrganization: "Demo Foundation" });
    await (await getDb()).update(fundingPrograms).set({ isDemo: true }).where(eq(fundingPrograms.id, demoProgram.id));
    const realProgram = await caller.admin.fundingProgram.create({ name: `Real program ${unique()}`, funderOrganization: "Real Foundation" });
    expect(await codeOf(caller.demo.remove({} as { confirm: true }))).toBe("BAD_REQUEST");
    expect(await codeOf(callerFor(await createUser()).demo.remove({ confirm: true }))).toBe("FORBIDDEN");
    const overview = await caller.demo.overview();
    expect(overview.taskForces.length).toBeGreaterThan(0);

    const removed = await caller.demo.remove({ confirm: true });
    expect(removed.taskForces).toBe(overview.taskForces.length);
    expect(removed.accounts).toBe(overview.accounts.length);
    expect(await callerFor(null).demo.status()).toEqual({ present: false });
    const db = await getDb();
    expect(await db.select({ id: taskForces.id }).from(taskForces).where(eq(taskForces.id, realTaskForce.id))).toHaveLength(1);
    expect(await db.select({ id: users.id }).from(users).where(eq(users.id, ownAdmin.id))).toHaveLength(1);
    expect((await caller.admin.fundingProgram.list()).map((program) => program.id)).toEqual([realProgram.id]);
  });
});
