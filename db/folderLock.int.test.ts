import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "./client";
import { DatabaseInUseError, lockFileOf } from "./folderLock";

/*
 * Regression test for issue 14: `npm run jobs -- reminders` from cron opened a second PGlite on the
 * folder the running server held and corrupted it. Here a real child process holds a real folder.
 */

const ROOT = process.cwd();
// In-process loader (not the tsx CLI, which runs the script in a grandchild that signals miss).
const TSX = ["--require", path.join(ROOT, "node_modules/tsx/dist/preflight.cjs"), "--import", `file://${path.join(ROOT, "node_modules/tsx/dist/loader.mjs")}`];

function holdFolder(dataDir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [...TSX, path.join(ROOT, "server/testing/holdDatabase.ts")], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: "", PGLITE_DIR: dataDir },
    stdio: ["ignore", "pipe", "pipe"],
  });
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => reject(new Error(`the holder did not start: ${output}`)), 60_000);
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("ready")) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the holder exited with ${code}: ${output}`));
    });
  });
}

async function kill(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill(signal);
  await exited;
}

describe("the embedded database folder lock", () => {
  let dir: string;
  let dataDir: string;
  let holder: ChildProcess | undefined;

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), "tfr-lock-"));
    dataDir = path.join(dir, "pglite");
  });

  afterEach(async () => {
    if (holder) await kill(holder, "SIGKILL");
    holder = undefined;
  });

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it("refuses a second process while the server holds the folder, with one sentence saying what to do", { timeout: 120_000 }, async () => {
    holder = await holdFolder(dataDir);
    const lock = JSON.parse(readFileSync(lockFileOf(dataDir), "utf8")) as { pid: number; role: string };
    expect(lock).toMatchObject({ pid: holder.pid, role: "server" });

    const error = await openDatabase({ kind: "pglite", dataDir }).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(DatabaseInUseError);
    expect((error as Error).message).toContain(`is in use by the running Task Force Roadmap server (pid ${holder.pid})`);
    expect((error as Error).message).toContain("stop the server first");

    // What a cron user sees: one line, exit code 1, and the folder untouched.
    const cron = spawnSync(process.execPath, [...TSX, path.join(ROOT, "server/cli/jobs.ts"), "reminders"], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: "", PGLITE_DIR: dataDir },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(cron.status).toBe(1);
    const lines = cron.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^jobs: the embedded database in .* is in use by the running Task Force Roadmap server \(pid \d+\).*cron is not needed.*stop the server first\.$/);

    // The holder is unharmed and releases the lock when it stops normally.
    await kill(holder, "SIGTERM");
    holder = undefined;
  });

  it("takes over the lock of a process that died without releasing it, and opens the data it left", { timeout: 120_000 }, async () => {
    holder = await holdFolder(dataDir);
    await kill(holder, "SIGKILL");
    holder = undefined;
    expect(existsSync(lockFileOf(dataDir))).toBe(true);

    const handle = await openDatabase({ kind: "pglite", dataDir });
    try {
      expect(JSON.parse(readFileSync(lockFileOf(dataDir), "utf8"))).toMatchObject({ pid: process.pid });
      // Within one process, a second opener is refused as well.
      await expect(openDatabase({ kind: "pglite", dataDir })).rejects.toThrow("already open in this process");
    } finally {
      await handle.close();
    }
    expect(existsSync(lockFileOf(dataDir))).toBe(false);
  });

  it("does not take over a lock held on another host, and names the file to delete", async () => {
    writeFileSync(lockFileOf(dataDir), JSON.stringify({ pid: 1, host: `not-${hostname()}`, role: "server", since: "" }));
    try {
      await expect(openDatabase({ kind: "pglite", dataDir })).rejects.toThrow(`if that host no longer runs it, delete ${lockFileOf(dataDir)}`);
    } finally {
      rmSync(lockFileOf(dataDir), { force: true });
    }
  });
});
