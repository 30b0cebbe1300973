import { spawn } from "node:child_process";
import path from "node:path";
import { count, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installDatabase } from "@/db/client";
import { actionItems, jobRuns, notifications } from "@/db/schema";
import { createActionItemFor, createMember, createTaskForce } from "@/server/testing/factories";
import * as fakeSmtpServer from "@/server/testing/fakeSmtpServer";
import { createTestDatabase, databaseUrl, type TestDatabase } from "@/server/testing/testDatabase";

/*
 * Issue 14, item 7: several app instances on one PostgreSQL. Three separate processes tick at the
 * same moment on a real PostgreSQL database (TEST_DATABASE_URL, else the CI server at
 * 127.0.0.1:5432) with due reminders in eight task forces: every digest runs once, in one of them,
 * and every person gets one notice and one email.
 */
const ADMIN_URL = process.env.TEST_DATABASE_URL?.trim() || "postgres://postgres@127.0.0.1:5432/test";
const ROOT = process.cwd();
const LOADER = ["--require", path.join(ROOT, "node_modules/tsx/dist/preflight.cjs"), "--import", `file://${path.join(ROOT, "node_modules/tsx/dist/loader.mjs")}`];
const NOW = new Date("2027-05-04T16:00:00Z");
const TASK_FORCES = 8;
const INSTANCES = 3;

interface Ran {
  job: string;
  runKey: string;
  status: string;
  notified: number;
  emailed: number;
}

function tick(env: NodeJS.ProcessEnv): Promise<Ran[]> {
  const child = spawn(process.execPath, [...LOADER, path.join(ROOT, "server/testing/runDueJobsProcess.ts")], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on("exit", (code) => {
      if (code !== 0) reject(new Error(`an instance exited with ${code}: ${stderr}`));
      else resolve(JSON.parse(stdout.trim().split("\n").at(-1) ?? "[]") as Ran[]);
    });
  });
}

describe("several instances on one PostgreSQL", () => {
  let database: TestDatabase;
  let url: string;
  let smtp: fakeSmtpServer.FakeSmtpServer;
  const coordinators: string[] = [];

  beforeAll(async () => {
    smtp = await fakeSmtpServer.start();
    database = await createTestDatabase({ kind: "postgres", adminUrl: ADMIN_URL });
    url = databaseUrl(ADMIN_URL, database.name);
    // The factories below write into this PostgreSQL database (the file's own one is put back by closeDatabase).
    installDatabase(database.handle);
    for (let index = 0; index < TASK_FORCES; index++) {
      const taskForce = await createTaskForce({ name: `Instance Test ${index}`, timeZone: index % 2 ? "Europe/Paris" : "America/Chicago" });
      const { user } = await createMember(taskForce, "coordinator");
      coordinators.push(user.email);
      await createActionItemFor(taskForce, user, { title: `Item ${index}`, assigneeUserId: user.id });
    }
    // Due two days after NOW (so "due soon"). Set in the database: actionItem.create refuses a due date that the real
    // clock (or the clock step's) has already passed.
    await database.handle.db.update(actionItems).set({ dueOn: "2027-05-06" }).where(isNull(actionItems.dueOn));
  }, 120_000);

  afterAll(async () => {
    await smtp?.close();
    await database?.destroy();
  });

  it("runs each scheduled digest once, whichever instance gets it", { timeout: 180_000 }, async () => {
    const env = {
      ...process.env,
      DATABASE_URL: url,
      SMTP_URL: smtp.url,
      MAIL_FROM: "Task Force Roadmap <no-reply@example.org>",
      JOBS_DAILY_AT: "07:00",
      JOBS_NOW: NOW.toISOString(),
      START_AT: String(Date.now() + 8_000),
    };
    const results = await Promise.all(Array.from({ length: INSTANCES }, () => tick(env)));
    const ran = results.flat().filter((run) => run.job === "reminders");
    // 16:00 UTC is 11:00 in Chicago and 18:00 in Paris: every task force is due.
    expect(ran).toHaveLength(TASK_FORCES);
    expect(new Set(ran.map((run) => run.runKey)).size).toBe(TASK_FORCES);
    // The task forces' other daily job, too, ran once each.
    const recorded = results.flat().filter((run) => run.job === "requirementStatuses");
    expect(new Set(recorded.map((run) => run.runKey))).toEqual(new Set(ran.map((run) => run.runKey)));
    expect(recorded).toHaveLength(TASK_FORCES);
    expect(ran.every((run) => run.status === "succeeded" && run.notified === 1 && run.emailed === 1)).toBe(true);

    const db = database.handle.db;
    const [notices] = await db.select({ value: count() }).from(notifications);
    expect(notices?.value).toBe(TASK_FORCES);
    expect(smtp.messages.flatMap((message) => message.to).sort()).toEqual([...coordinators].sort());
    const runs = await db.select({ status: jobRuns.status, attempts: jobRuns.attempts }).from(jobRuns).where(eq(jobRuns.job, "reminders"));
    expect(runs).toEqual(Array.from({ length: TASK_FORCES }, () => ({ status: "succeeded", attempts: 1 })));

    // A second round of ticks the same day finds nothing to do.
    const again = await Promise.all(Array.from({ length: INSTANCES }, () => tick({ ...env, START_AT: "0" })));
    expect(again.flat()).toEqual([]);
    expect(smtp.messages).toHaveLength(TASK_FORCES);
  });
});
