import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { getDb } from "@/db/client";
import { createTestDatabase, type TestDatabase } from "@/server/testing/testDatabase";
import { checksumTables } from "./archive";
import { restoreBackup, writeBackup } from "./backup";
import { ConfigError } from "./config";
import { seedDemo } from "@/server/demo/seed";

/*
 * Backup → restore round trip on the test run's database (in-memory PGlite, or PostgreSQL in the
 * integration-postgres project): the demo, with its documents, comes back identical in every table.
 */
describe("backup and restore", () => {
  let dir: string;
  let file: string;
  let target: TestDatabase;
  let original: Awaited<ReturnType<typeof checksumTables>>;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "tfr-backup-"));
    file = path.join(dir, "instance.backup.gz");
    const db = await getDb();
    expect(await seedDemo(db)).toMatchObject({ seeded: true });
    original = await checksumTables(db);
    target = await createTestDatabase(inject("testDatabase"));
  }, 120_000);

  afterAll(async () => {
    await target?.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it("writes every table into one compressed file", async () => {
    const result = await writeBackup(await getDb(), "test", file, new Date("2027-01-05T07:00:00Z"));
    const totalRows = Object.values(original).reduce((sum, table) => sum + table.rows, 0);
    expect(result).toMatchObject({ file, tables: Object.keys(original).length, rows: totalRows });
    const lines = gunzipSync(readFileSync(file)).toString("utf8").trimEnd().split("\n");
    expect(JSON.parse(lines[0]!)).toMatchObject({ format: "task-force-roadmap-backup", version: 1, createdAt: "2027-01-05T07:00:00.000Z" });
    expect(JSON.parse(lines.at(-1)!)[0]).toBe("end");
    // Parents before children: users and task forces come before memberships.
    const tableOrder = lines.filter((line) => line.startsWith('["table"')).map((line) => JSON.parse(line)[1] as string);
    expect(tableOrder.indexOf("task_forces")).toBeLessThan(tableOrder.indexOf("memberships"));
    expect(tableOrder.indexOf("users")).toBeLessThan(tableOrder.indexOf("memberships"));
    expect(original.documents!.rows).toBeGreaterThan(0);
  });

  it("refuses a truncated or foreign file with a sentence, and leaves the instance empty", async () => {
    const whole = readFileSync(file);
    const truncated = path.join(dir, "truncated.backup.gz");
    writeFileSync(truncated, whole.subarray(0, Math.floor(whole.length / 2)));
    await expect(restoreBackup(target.handle.db, truncated, "the test instance")).rejects.toThrow(/is not a usable Task Force Roadmap backup: it ends early/);

    const cut = path.join(dir, "cut.backup.gz");
    const lines = gunzipSync(whole).toString("utf8").split("\n");
    writeFileSync(cut, gzipSync(lines.slice(0, Math.floor(lines.length / 2)).join("\n") + "\n"));
    await expect(restoreBackup(target.handle.db, cut, "the test instance")).rejects.toThrow(/it ends early|rows where/);

    const foreign = path.join(dir, "foreign.gz");
    writeFileSync(foreign, gzipSync('{"hello":"world"}\n'));
    await expect(restoreBackup(target.handle.db, foreign, "the test instance")).rejects.toThrow("it is not a backup written by npm run admin -- backup");

    const other = await checksumTables(target.handle.db);
    expect(other.users).toEqual({ rows: 0, md5: expect.any(String) });
    expect(other.task_forces!.rows).toBe(0);
  });

  it("restores into an empty instance every row as it was", async () => {
    const result = await restoreBackup(target.handle.db, file, "the test instance");
    expect(result.rows).toBe(Object.values(original).reduce((sum, table) => sum + table.rows, 0));
    expect(await checksumTables(target.handle.db)).toEqual(original);
  });

  it("refuses to restore over an instance with data", async () => {
    const error = await restoreBackup(target.handle.db, file, "the test instance").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(/^the test instance is not empty \(\d+ accounts, 2 task forces\); use a new, empty one, so that nothing is overwritten/);
  });
});
