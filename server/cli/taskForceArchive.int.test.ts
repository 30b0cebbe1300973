import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditLog, memberships, taskForces } from "@/db/schema";
import { callerFor, createMember, createOrganization, createTaskForceWithCoordinator, type TestTaskForce, type TestUser } from "@/server/testing/factories";
import { domainErrorFrom } from "@/server/testing/errors";
import { readArchive } from "@/server/domains/taskForceArchive/archive.format";
import { explainDomainError, exportTaskForceToFile, importTaskForceFromFile } from "./taskForceArchive";

/* `npm run admin -- export-task-force | import-task-force`: the functions the command runs, on this test's database. */
describe("moving a task force from the command line", () => {
  let folder: string;
  let taskForce: TestTaskForce;
  let coordinator: TestUser;

  beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), "tfr-archive-cli-"));
    ({ taskForce, coordinator } = await createTaskForceWithCoordinator({ name: "Command Line Task Force" }));
    const organization = await createOrganization(taskForce, { name: "Harbor Outreach (test)" });
    await createMember(taskForce, "member", { organizationId: organization.id });
  });

  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it("exports to the named file, records the export without a person, and imports it under a new short name", async () => {
    const file = path.join(folder, "moved.zip");
    expect(await exportTaskForceToFile(taskForce.slug, file)).toMatch(new RegExp(`^Exported ${taskForce.slug} to ${file} \\(`));
    const archive = await readArchive(new Uint8Array(await readFile(file)));
    expect(archive.manifest.taskForce.slug).toBe(taskForce.slug);
    expect(archive.tables.get("organizations")?.map((row) => row.name)).toEqual(["Harbor Outreach (test)"]);
    const db = await getDb();
    const exports = await db.select({ actorUserId: auditLog.actorUserId }).from(auditLog).where(and(eq(auditLog.taskForceId, taskForce.id), eq(auditLog.action, "export")));
    expect(exports).toEqual([{ actorUserId: null }]);

    const slug = `${taskForce.slug}-moved`;
    const output = await importTaskForceFromFile(file, slug);
    expect(output).toContain(`Imported Command Line Task Force as /tf/${slug}`);
    // On the same instance everyone already has an account.
    expect(output).toContain("People matched by email: 2.");
    expect(output).not.toContain("Created without a password");
    const [copy] = await db.select({ id: taskForces.id }).from(taskForces).where(eq(taskForces.slug, slug));
    const active = await db.select({ userId: memberships.userId }).from(memberships).where(and(eq(memberships.taskForceId, copy?.id ?? ""), isNull(memberships.endedAt)));
    expect(active.map((row) => row.userId)).toContain(coordinator.id);
    expect((await callerFor(coordinator).taskForce.get({ taskForceSlug: slug })).name).toBe("Command Line Task Force");
  });

  it("names the file after the task force and the day when no --out is given", async () => {
    const cwd = process.cwd();
    process.chdir(folder);
    try {
      const output = await exportTaskForceToFile(taskForce.slug, undefined);
      const [, file] = /to (\S+\.zip)/.exec(output) ?? [];
      expect(file).toMatch(new RegExp(`^${taskForce.slug}-\\d{4}-\\d{2}-\\d{2}\\.zip$`));
      await expect(readFile(path.join(folder, file ?? ""))).resolves.toBeInstanceOf(Buffer);
    } finally {
      process.chdir(cwd);
    }
  });

  it("explains a refusal in the same sentence the web form shows", async () => {
    const error = await domainErrorFrom(exportTaskForceToFile("no-such-task-force", path.join(folder, "none.zip")));
    expect(explainDomainError(error)).toBe("That task force does not exist or you do not have access to it.");
    const file = path.join(folder, "again.zip");
    await exportTaskForceToFile(taskForce.slug, file);
    const taken = await domainErrorFrom(importTaskForceFromFile(file, taskForce.slug));
    expect(explainDomainError(taken)).toBe(`The short name ${taskForce.slug} is already in use.`);
  });
});
