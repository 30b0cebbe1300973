import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "./client";
import { checksumTables } from "./archive";
import { moveEmbeddedToPostgres } from "./move";
import { seedDemo } from "@/server/demo/seed";
import { databaseUrl, dropPostgresDatabase } from "@/server/testing/testDatabase";
import { ensureDefaultFramework } from "@/server/domains/frameworks/defaultFramework";

/*
 * Issue 14, item 4: a pilot on the embedded database moves to PostgreSQL in one command. The demo,
 * seeded into a real PGlite folder, is moved into a fresh database on the real PostgreSQL server
 * (TEST_DATABASE_URL, else the CI server at 127.0.0.1:5432), and every table compared.
 */
const ADMIN_URL = process.env.TEST_DATABASE_URL?.trim() || "postgres://postgres@127.0.0.1:5432/test";

async function createDatabase(name: string) {
  const { default: postgres } = await import("postgres");
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database "${name}"`);
  } finally {
    await admin.end();
  }
}

describe("moving the embedded database to PostgreSQL", () => {
  let dir: string;
  let dataDir: string;
  const name = `tfr_move_${randomBytes(5).toString("hex")}`;
  const targetUrl = databaseUrl(ADMIN_URL, name);
  let source: Awaited<ReturnType<typeof checksumTables>>;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "tfr-move-"));
    dataDir = path.join(dir, "pglite");
    const pglite = await openDatabase({ kind: "pglite", dataDir });
    try {
      await pglite.migrate();
      expect(await seedDemo(pglite.db)).toMatchObject({ seeded: true });
      source = await checksumTables(pglite.db);
    } finally {
      await pglite.close();
    }
    await createDatabase(name);
  }, 180_000);

  afterAll(async () => {
    await dropPostgresDatabase(ADMIN_URL, name);
    rmSync(dir, { recursive: true, force: true });
  });

  it("copies every table, with equal row counts and checksums", { timeout: 180_000 }, async () => {
    const result = await moveEmbeddedToPostgres(dataDir, targetUrl, ensureDefaultFramework);
    expect(result.mismatched).toEqual([]);
    expect(result.rows).toBe(Object.values(source).reduce((sum, table) => sum + table.rows, 0));

    const target = await openDatabase({ kind: "postgres", url: targetUrl });
    try {
      const moved = await checksumTables(target.db);
      expect(Object.keys(moved).sort()).toEqual(Object.keys(source).sort());
      for (const table of Object.keys(source)) expect({ table, ...moved[table] }).toEqual({ table, ...source[table] });
      expect(source.users!.rows).toBeGreaterThan(5);
      expect(source.documents!.rows).toBeGreaterThan(0);
    } finally {
      await target.close();
    }
  });

  it("refuses to move into a database that already has data, and changes nothing there", { timeout: 120_000 }, async () => {
    await expect(moveEmbeddedToPostgres(dataDir, targetUrl, ensureDefaultFramework)).rejects.toThrow(
      /^the PostgreSQL database in --to is not empty \(\d+ accounts, 2 task forces\); use a new, empty one, so that nothing is overwritten/,
    );
  });
});
