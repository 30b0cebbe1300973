import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { actionItems, jobRuns, notifications } from "@/db/schema";
import { callerFor, createActionItemFor, createAdmin, createMember, createTaskForce, type TestTaskForce, type TestUser } from "@/server/testing/factories";
import type { JobsConfig } from "./jobs.config";
import { MAX_ATTEMPTS, runDueJobs, runOnce, runRemindersNow, STALE_AFTER_MS } from "./jobs.service";
import { remindTaskForce } from "./reminders.service";

/*
 * The scheduler's unit of work, runDueJobs, at fixed instants. 10 March 2027 14:00 UTC is 15:00 in
 * Berlin and 06:00 in Los Angeles: with the daily time at 07:00, Berlin's digest is due, LA's not yet.
 */
const T = new Date("2027-03-10T14:00:00Z");
const HOUR = 60 * 60 * 1000;
const config: JobsConfig = { enabled: true, dailyAt: 7 * 60, dailyAtText: "07:00", timeZone: "UTC", backupDir: null, backupKeep: 14 };

async function runsOf(taskForce: TestTaskForce) {
  return (await getDb())
    .select({ runKey: jobRuns.runKey, status: jobRuns.status, attempts: jobRuns.attempts, summary: jobRuns.summary })
    .from(jobRuns)
    .where(and(eq(jobRuns.taskForceId, taskForce.id), eq(jobRuns.job, "reminders")))
    .orderBy(jobRuns.startedAt);
}

async function noticesOf(user: TestUser) {
  return (await getDb()).select({ kind: notifications.kind }).from(notifications).where(eq(notifications.userId, user.id));
}

describe("scheduled jobs", () => {
  let berlin: TestTaskForce;
  let losAngeles: TestTaskForce;
  let berliner: TestUser;
  let angeleno: TestUser;

  beforeAll(async () => {
    berlin = await createTaskForce({ name: "Berlin Task Force", timeZone: "Europe/Berlin" });
    losAngeles = await createTaskForce({ name: "LA Task Force", timeZone: "America/Los_Angeles" });
    berliner = (await createMember(berlin, "coordinator")).user;
    angeleno = (await createMember(losAngeles, "coordinator")).user;
    // Due two days after T. Set in the database rather than through actionItem.create, which refuses
    // a due date already past by the real clock (from 13 March 2027, or whenever the clock step runs).
    const items = [
      await createActionItemFor(berlin, berliner, { title: "Renew the MOU", assigneeUserId: berliner.id }),
      await createActionItemFor(losAngeles, angeleno, { title: "Book the room", assigneeUserId: angeleno.id }),
    ];
    await (await getDb())
      .update(actionItems)
      .set({ dueOn: "2027-03-12" })
      .where(inArray(actionItems.id, items.map((item) => item.id)));
  });

  it("runs each task force's digest once, from the daily time in its own time zone, however many instances try", async () => {
    // Two app instances ticking at the same moment on one database.
    const [first, second] = await Promise.all([runDueJobs(T, config), runDueJobs(T, config)]);
    const ran = [...first, ...second];
    const slot = { runKey: `${berlin.id}/2027-03-10`, taskForceId: berlin.id, status: "succeeded" };
    expect(ran).toEqual([
      { job: "reminders", ...slot, summary: expect.objectContaining({ notified: 1, dueSoon: 1 }) },
      // Each daily job of the task force in its own slot: Berlin has no award, so no requirement status to record.
      { job: "requirementStatuses", ...slot, summary: { recorded: 0 } },
    ]);
    expect(await noticesOf(berliner)).toEqual([{ kind: "actionItemDueSoon" }]);
    expect(await noticesOf(angeleno)).toEqual([]);

    // Later ticks the same day: Berlin is done; LA's turn comes at 07:00 there (15:00 UTC).
    expect(await runDueJobs(new Date(T.getTime() + 5 * 60_000), config)).toEqual([]);
    const la = await runDueJobs(new Date(T.getTime() + 1.5 * HOUR), config);
    expect(la.map((outcome) => [outcome.job, outcome.runKey])).toEqual([
      ["reminders", `${losAngeles.id}/2027-03-10`],
      ["requirementStatuses", `${losAngeles.id}/2027-03-10`],
    ]);
    expect(await noticesOf(angeleno)).toEqual([{ kind: "actionItemDueSoon" }]);
    expect(await runsOf(berlin)).toEqual([{ runKey: `${berlin.id}/2027-03-10`, status: "succeeded", attempts: 1, summary: { notified: 1, dueSoon: 1, overdue: 0, emailed: 0, emailFailed: 0 } }]);
  });

  it("runs a crashed run again without sending anything twice", async () => {
    const nextDay = new Date(T.getTime() + 24 * HOUR);
    const runKey = `${berlin.id}/2027-03-11`;
    // A process claimed the slot, sent the notices and died before recording the end.
    await (await getDb()).insert(jobRuns).values({
      job: "reminders",
      runKey,
      taskForceId: berlin.id,
      status: "running",
      claimedBy: "crashed-host:4242",
      startedAt: nextDay,
      heartbeatAt: nextDay,
    });
    await remindTaskForce(berlin, nextDay);
    const before = await noticesOf(berliner);

    // While its heartbeat is fresh, nobody else takes it (and in LA it is not 07:00 yet).
    expect((await runDueJobs(new Date(nextDay.getTime() + 60_000), config)).filter((outcome) => outcome.job === "reminders")).toEqual([]);
    // Once it is stale, the next tick runs it again; the notices' dedupe keys keep it from sending twice.
    const retried = await runDueJobs(new Date(nextDay.getTime() + STALE_AFTER_MS + 60_000), config);
    expect(retried.filter((outcome) => outcome.job === "reminders")).toEqual([expect.objectContaining({ runKey, status: "succeeded", summary: expect.objectContaining({ notified: 0, emailed: 0 }) })]);
    expect(await noticesOf(berliner)).toEqual(before);
    expect((await runsOf(berlin)).find((run) => run.runKey === runKey)).toMatchObject({ status: "succeeded", attempts: 2 });
  });

  it("tries a failing run again at the next ticks, at most three times", async () => {
    const slot = { job: "backup" as const, runKey: "failing-slot", taskForceId: null };
    const fail = () => Promise.reject(new Error("disk full"));
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) expect(await runOnce(slot, fail, T)).toMatchObject({ status: "failed" });
    expect(await runOnce(slot, fail, T)).toBeNull();
    const [row] = await (await getDb()).select().from(jobRuns).where(eq(jobRuns.runKey, "failing-slot"));
    expect(row).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS, error: "disk full" });
  });

  it("lets npm run jobs -- reminders run again the same day, recording an extra run", async () => {
    const later = new Date(T.getTime() + 26 * HOUR);
    const result = await runRemindersNow(later);
    expect(result).toMatchObject({ taskForces: 2, failed: 0 });
    const again = await runRemindersNow(new Date(later.getTime() + 60_000));
    expect(again.summary.notified).toBe(0);
    const keys = (await runsOf(losAngeles)).map((run) => run.runKey);
    expect(keys).toContain(`${losAngeles.id}/2027-03-11`);
    expect(keys.some((key) => key.startsWith(`${losAngeles.id}/2027-03-11/manual-`))).toBe(true);
  });

  it("shows a coordinator when the task force's jobs ran and what they sent, and nothing of other task forces", async () => {
    const { runs, schedule } = await callerFor(berliner).job.runs({ taskForceSlug: berlin.slug });
    expect(schedule).toMatchObject({ enabled: expect.any(Boolean), dailyAt: expect.stringMatching(/^\d\d:\d\d$/) });
    const digests = runs.filter((run) => run.job === "reminders");
    expect(digests.length).toBeGreaterThanOrEqual(2);
    expect(new Set(runs.map((run) => run.job))).toEqual(new Set(["reminders", "requirementStatuses"]));
    expect(digests.at(-1)).toMatchObject({ status: "succeeded", summary: { notified: 1, dueSoon: 1 }, startedAt: T });
    expect(JSON.stringify(runs)).not.toContain(losAngeles.id);
  });

  it("shows an administrator the schedule and every job's latest runs", async () => {
    const admin = await createAdmin();
    const overview = await callerFor(admin).admin.jobs.overview();
    expect(overview.taskForceRuns.map((run) => run.taskForceName)).toEqual(expect.arrayContaining(["Berlin Task Force", "LA Task Force"]));
    expect(overview.instanceRuns).toEqual([expect.objectContaining({ job: "backup", status: "failed", error: "disk full" })]);
  });

  describe("nightly backups", () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(path.join(tmpdir(), "tfr-backups-"));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it("writes one backup a night when BACKUP_DIR is set, keeping the newest BACKUP_KEEP", async () => {
      const withBackups: JobsConfig = { ...config, backupDir: dir, backupKeep: 2 };
      writeFileSync(path.join(dir, "notes.txt"), "not ours");
      const nights = [0, 1, 2].map((day) => new Date(Date.UTC(2027, 3, 1 + day, 8)));
      for (const night of nights) {
        const ran = await runDueJobs(night, withBackups);
        expect(ran.filter((outcome) => outcome.job === "backup")).toEqual([expect.objectContaining({ status: "succeeded", summary: expect.objectContaining({ removed: night === nights[2] ? 1 : 0 }) })]);
        // The same night again: nothing more.
        expect((await runDueJobs(new Date(night.getTime() + 60_000), withBackups)).filter((outcome) => outcome.job === "backup")).toEqual([]);
      }
      expect(readdirSync(dir).sort()).toEqual(["notes.txt", "task-force-roadmap-20270402T080000Z.backup.gz", "task-force-roadmap-20270403T080000Z.backup.gz"]);
      // Before the daily time, no backup.
      expect((await runDueJobs(new Date(Date.UTC(2027, 3, 4, 6)), withBackups)).filter((outcome) => outcome.job === "backup")).toEqual([]);
    });
  });
});
