import { closeSync, openSync, readFileSync, renameSync, rmSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import path from "node:path";
import { ConfigError } from "./config";

/*
 * One process per embedded-database folder. PGlite has no lock between processes: a second opener
 * (a cron job beside the running server) writes to the same files unseen and corrupts the folder.
 * So whoever opens a PGlite folder first creates `<folder>.lock` exclusively (O_EXCL), with its pid
 * and host, and removes it on close or exit. A lock left by a process that no longer runs (a crash,
 * a kill -9) is taken over; a live holder makes the second opener stop with one sentence.
 */

/** The second opener of a folder; its message says what to do instead. */
export class DatabaseInUseError extends ConfigError {
  constructor(
    message: string,
    readonly holder: LockHolder,
  ) {
    super(message);
  }
}

export interface LockHolder {
  pid: number;
  host: string;
  /** What the holder is: "server", "jobs", "admin", … (from TFR_PROCESS_ROLE). */
  role: string;
  since: string;
}

export interface FolderLock {
  file: string;
  release(): void;
}

export function lockFileOf(dataDir: string): string {
  return `${path.resolve(dataDir)}.lock`;
}

function readHolder(file: string): LockHolder | null | "missing" {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return "missing";
    throw error;
  }
  try {
    const parsed = JSON.parse(text) as Partial<LockHolder>;
    if (typeof parsed.pid === "number" && typeof parsed.host === "string") {
      return { pid: parsed.pid, host: parsed.host, role: String(parsed.role ?? "process"), since: String(parsed.since ?? "") };
    }
  } catch {
    // A half-written file: its writer died between creating and writing it.
  }
  return null;
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return false; // our own leftover from before a restart with a reused pid
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function inUseMessage(dataDir: string, holder: LockHolder, file: string): string {
  const who = holder.role === "server" ? "the running Task Force Roadmap server" : `another Task Force Roadmap process (${holder.role})`;
  const where = holder.host === hostname() ? `pid ${holder.pid}` : `pid ${holder.pid} on host ${holder.host}; if that host no longer runs it, delete ${file}`;
  const advice =
    holder.role === "server"
      ? "The server runs the daily jobs (reminders, backups) itself, so cron is not needed on the embedded database; to run this command now, stop the server first"
      : "wait until it ends, or stop it";
  return `the embedded database in ${dataDir} is in use by ${who} (${where}), and two processes on one folder would corrupt it. ${advice}.`;
}

/** Takes the folder's lock or throws DatabaseInUseError naming the holder. */
export function lockFolder(dataDir: string, role = process.env.TFR_PROCESS_ROLE?.trim() || "process"): FolderLock {
  const file = lockFileOf(dataDir);
  const held = heldHere();
  if (held.has(file)) {
    throw new DatabaseInUseError(
      `the embedded database in ${dataDir} is already open in this process; close it before opening it again.`,
      { pid: process.pid, host: hostname(), role, since: "" },
    );
  }
  const me: LockHolder = { pid: process.pid, host: hostname(), role, since: new Date().toISOString() };
  const content = JSON.stringify(me);
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const fd = openSync(file, "wx", 0o600);
      try {
        writeSync(fd, content);
      } finally {
        closeSync(fd);
      }
      return holdLock(file, content);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const holder = readHolder(file);
    if (holder === "missing") continue;
    if (holder && (holder.host !== me.host || isAlive(holder.pid))) throw new DatabaseInUseError(inUseMessage(dataDir, holder, file), holder);
    // Stale. Move it aside rather than deleting it, and check that what moved is the stale lock we
    // read: two processes taking over at once must not delete each other's fresh lock.
    const aside = `${file}.stale-${process.pid}`;
    try {
      renameSync(file, aside);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") continue;
      throw error;
    }
    const moved = readHolder(aside);
    const movedFresh = moved !== "missing" && moved !== null && isAlive(moved.pid) && moved.host === me.host;
    if (movedFresh) {
      renameSync(aside, file);
      throw new DatabaseInUseError(inUseMessage(dataDir, moved, file), moved);
    }
    rmSync(aside, { force: true });
  }
  throw new ConfigError(`could not lock the embedded database in ${dataDir} (${file} keeps changing); is another process starting?`);
}

/** Locks this process holds; on globalThis because Next.js bundles the server's modules separately. */
function heldHere(): Set<string> {
  const holder = globalThis as typeof globalThis & { __taskForceRoadmapFolderLocks?: Set<string> };
  holder.__taskForceRoadmapFolderLocks ??= new Set();
  return holder.__taskForceRoadmapFolderLocks;
}

function holdLock(file: string, content: string): FolderLock {
  let released = false;
  heldHere().add(file);
  const release = () => {
    if (released) return;
    released = true;
    heldHere().delete(file);
    process.off("exit", release);
    try {
      // Only our own lock: never remove one a later holder wrote after ours was taken over.
      if (readFileSync(file, "utf8") === content) rmSync(file, { force: true });
    } catch {
      // Already gone.
    }
  };
  // process.exit() (next start's own SIGTERM handler, the CLIs) fires "exit"; a kill -9 leaves a
  // stale lock that the next opener takes over because the pid no longer runs.
  process.on("exit", release);
  return { file, release };
}
