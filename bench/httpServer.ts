import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { closeSync, existsSync, mkdirSync, openSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { performance } from "node:perf_hooks";
import type { DatabaseConfig } from "@/db/config";

/*
 * The production server the HTTP benches drive: `server/cli/app.ts start`, exactly what `npm start`
 * runs (it migrates, then serves the build through server/cli/serve.ts), on a database of the
 * bench's own: a PostgreSQL database, or an embedded one in a folder no other process has open.
 * Its output goes to a log file that is searched for deadlocks afterwards.
 */

const ROOT = process.cwd();
const TSX_CLI = path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");
const APP_CLI = path.join(ROOT, "server", "cli", "app.ts");

export interface RunningServer {
  baseUrl: string;
  /** The process group of the server and the processes it started. */
  processGroup: number;
  logFile: string;
  /** Everything the server has written so far. */
  log(): string;
  /** Stops the server and the processes it started; safe to call twice. */
  stop(): Promise<void>;
}

function runToEnd(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: "inherit" });
    child.once("error", reject);
    child.once("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/**
 * Builds the app unless `.next` already holds a production build (as `npm start` decides), or
 * always with `force` (`--build`): a build left from older code would measure that code.
 */
export async function ensureBuild(force: boolean): Promise<void> {
  if (!force && existsSync(path.join(ROOT, ".next", "BUILD_ID"))) {
    console.log("Using the existing build in .next (--build rebuilds).");
    return;
  }
  const started = performance.now();
  const code = await runToEnd([TSX_CLI, APP_CLI, "build"], { ...process.env, NEXT_TELEMETRY_DISABLED: "1" });
  if (code !== 0) throw new Error(`the build failed (exit code ${code})`);
  console.log(`Built the app in ${((performance.now() - started) / 1000).toFixed(0)} s.`);
}

async function assertPortFree(port: number): Promise<void> {
  const free = await new Promise<boolean>((resolve) => {
    const probe = createServer()
      .once("error", () => resolve(false))
      .once("listening", () => probe.close(() => resolve(true)))
      .listen(port);
  });
  if (!free) throw new Error(`port ${port} is in use; choose another with --port`);
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once("exit", () => resolve()));
}

export async function startServer(options: { port: number; database: DatabaseConfig; logFile: string; processes: number }): Promise<RunningServer> {
  await assertPortFree(options.port);
  // Sessions are signed with the loopback name NEXTAUTH_URL gives; the load then goes to 127.0.0.1 directly.
  const baseUrl = `http://127.0.0.1:${options.port}`;
  mkdirSync(path.dirname(options.logFile), { recursive: true });
  const log = openSync(options.logFile, "w");
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(options.port),
    // Unset (empty) DATABASE_URL is what selects the embedded database in PGLITE_DIR.
    DATABASE_URL: options.database.kind === "postgres" ? options.database.url : "",
    PGLITE_DIR: options.database.kind === "pglite" ? options.database.dataDir : "",
    // localhost is the one plain-http address a production start accepts (server/env.ts).
    NEXTAUTH_URL: `http://localhost:${options.port}`,
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    // The daily jobs would write notices into the measured task force in the middle of the run.
    JOBS: "off",
    SERVER_PROCESSES: String(options.processes),
    SEED_DEMO: "0",
    SMTP_URL: "",
    TRUSTED_PROXIES: "",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  // A process group of its own, so that stopping it reaches serve.ts too, and nothing else.
  const child = spawn(process.execPath, [TSX_CLI, APP_CLI, "start"], { cwd: ROOT, env, detached: true, stdio: ["ignore", log, log] });
  closeSync(log);
  if (child.pid === undefined) throw new Error("the server process did not start");
  let stopped: Promise<void> | undefined;
  const server: RunningServer = {
    baseUrl,
    processGroup: child.pid,
    logFile: options.logFile,
    log: () => readFileSync(options.logFile, "utf8"),
    stop: () =>
      (stopped ??= (async () => {
        if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
        process.kill(-child.pid, "SIGTERM");
        const killed = setTimeout(() => {
          if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, "SIGKILL");
        }, 10_000);
        await exited(child);
        clearTimeout(killed);
      })()),
  };
  try {
    await waitUntilServing(baseUrl, child, server);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return server;
}

async function waitUntilServing(baseUrl: string, child: ChildProcess, server: RunningServer): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the server stopped before serving (see ${server.logFile}):\n${server.log().split("\n").slice(-15).join("\n")}`);
    }
    try {
      const response = await fetch(`${baseUrl}/login`, { signal: AbortSignal.timeout(5_000) });
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the server did not answer on ${baseUrl}/login within three minutes (see ${server.logFile})`);
}
