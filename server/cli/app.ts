/**
 * `npm run app | start | dev` and the build step of `npm run test:e2e`.
 *
 *   app      prepare the database, `next build`, `next start`, print the URL and demo logins
 *   start    the same, but build only when there is no build yet (.next/BUILD_ID)
 *   dev      prepare the database, then `next dev`
 *   build    `next build` only
 *   prepare  check the environment, migrate, seed the demo when appropriate, and stop
 *
 * The database is opened, migrated and seeded here and CLOSED before the server starts: two processes
 * on one PGlite folder would corrupt it (STACK.md pitfall 7), so the folder's lock (db/folderLock.ts)
 * must be free again when the server opens it.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { constants as osConstants } from "node:os";
import path from "node:path";
import { closeDatabase, databaseHandle } from "@/db/client";
import {
  DEMO_ACCOUNT_EMAILS,
  DEMO_LOGINS,
  DEMO_TASK_FORCE_SLUGS,
  generateDemoPassword,
  hasDemoData,
  LEGACY_DEMO_PASSWORD,
  seedDemo,
  type DemoLogin,
} from "@/server/demo/seed";
import { issueSetupLinkIfNoAdministrator } from "@/server/domains/account/account.service";
import { applyDemoPassword } from "@/server/domains/demo/demo.service";
import { databaseConfigFromEnv } from "@/db/config";
import { checkServerEnv } from "@/server/env";
import { ensureDefaultFramework } from "@/server/domains/frameworks/defaultFramework";
import { ensureDemoPassword, ensureNextAuthSecret, loadEnvFiles, ROOT, shouldSeed, stop, stopOnError } from "./shared";

const MODES = ["app", "start", "dev", "build", "prepare"] as const;
type Mode = (typeof MODES)[number];

const NEXT_BIN = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");
const TSX_CLI = path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");

function parseMode(argument: string | undefined): Mode {
  const mode = MODES.find((candidate) => candidate === argument);
  if (!mode) stop(`unknown mode "${argument ?? ""}"; use one of: ${MODES.join(", ")}.`, "Usage");
  return mode;
}

function configurePort(): number {
  const raw = process.env.PORT?.trim() || "3000";
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) stop(`PORT must be a number between 1 and 65535 (got "${raw}").`);
  process.env.PORT = String(port);
  if (!process.env.NEXTAUTH_URL?.trim()) process.env.NEXTAUTH_URL = `http://localhost:${port}`;
  return port;
}

function displayPath(dir: string): string {
  const relative = path.relative(ROOT, dir);
  return relative && !relative.startsWith("..") ? relative : dir;
}

interface Prepared {
  /** The demo accounts' password while demo data exists, else null. */
  demoPassword: string | null;
  /** A one-time link to create the first administrator, when there is none. */
  setupLink: { link: string; expiresAt: Date } | null;
}

/** Checks the environment, migrates and seeds; returns what the start banner shows. */
async function prepare(): Promise<Prepared> {
  try {
    checkServerEnv();
    const handle = await databaseHandle();
    const config = databaseConfigFromEnv();
    const where = config.kind === "pglite" ? `embedded database in ${displayPath(config.dataDir)}` : "PostgreSQL (DATABASE_URL)";
    await handle.migrate();
    // Before seeding: the demo's assessment rounds are taken on the default framework.
    await ensureDefaultFramework(handle.db);
    console.log(`Database ready: ${where}, migrations applied.`);
    if (shouldSeed(handle.kind)) {
      const result = await seedDemo(handle.db, { password: ensureDemoPassword(generateDemoPassword) });
      console.log(result.seeded ? "Demo data seeded (fictional task forces and @example.org accounts)." : `Demo data not seeded: ${result.reason}.`);
    }
    let demoPassword: string | null = null;
    if (await hasDemoData(handle.db)) {
      demoPassword = ensureDemoPassword(generateDemoPassword);
      const legacy = { password: LEGACY_DEMO_PASSWORD, emails: DEMO_ACCOUNT_EMAILS, slugs: DEMO_TASK_FORCE_SLUGS };
      if (await applyDemoPassword(handle.db, demoPassword, legacy)) console.log("The demo accounts now use this installation's demo password.");
    }
    const setupLink = await issueSetupLinkIfNoAdministrator(handle.db);
    return { demoPassword, setupLink };
  } catch (error) {
    stopOnError(error);
  } finally {
    // Before the server starts: the server opens the database itself (instrumentation.ts).
    await closeDatabase().catch(() => {});
  }
}

let child: ChildProcess | undefined;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (child && child.exitCode === null) child.kill(signal);
    else process.exit(128 + osConstants.signals[signal]);
  });
}

/** Runs `next <args>` and resolves with its exit code (128+n when a signal ended it). */
function runNext(args: string[], onSpawn?: (child: ChildProcess) => void): Promise<number> {
  return runNode([NEXT_BIN, ...args], process.env, onSpawn);
}

/** The production server (server/cli/serve.ts): Next's handler behind our own http server, which decides client addresses. */
function runServer(port: number, onSpawn?: (child: ChildProcess) => void): Promise<number> {
  return runNode([TSX_CLI, path.join(ROOT, "server", "cli", "serve.ts"), String(port)], { ...process.env, NODE_ENV: "production" }, onSpawn);
}

function runNode(args: string[], env: NodeJS.ProcessEnv, onSpawn?: (child: ChildProcess) => void): Promise<number> {
  return new Promise((resolve) => {
    child = spawn(process.execPath, args, { stdio: "inherit", env });
    onSpawn?.(child);
    child.on("error", (error) => {
      console.error(`Could not run ${args.join(" ")}: ${error.message}`);
      resolve(1);
    });
    child.on("exit", (code, signal) => {
      child = undefined;
      resolve(code ?? (signal ? 128 + osConstants.signals[signal] : 1));
    });
  });
}

async function build(): Promise<void> {
  const code = await runNext(["build"]);
  if (code !== 0) {
    console.error(`Task Force Roadmap cannot start: the build failed (next build exited with ${code}); see the messages above.`);
    process.exit(code);
  }
}

/**
 * Refuses to start on a port something else already holds. Checked up front: otherwise the new
 * server fails to bind while the old one answers, and the banner would announce the wrong app.
 */
async function assertPortFree(port: number): Promise<void> {
  const free = await new Promise<boolean>((resolve) => {
    const probe = createServer()
      .once("error", () => resolve(false))
      .once("listening", () => probe.close(() => resolve(true)))
      .listen(port);
  });
  if (!free) stop(`port ${port} is already in use (is Task Force Roadmap already running?). Stop that process or set PORT to another port.`);
}

/** Waits until the server answers on /login, or gives up when it exits or after a few minutes. */
async function waitUntilServing(port: number, server: ChildProcess): Promise<boolean> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline && server.exitCode === null && server.signalCode === null) {
    try {
      await fetch(`http://127.0.0.1:${port}/login`, { redirect: "manual", signal: AbortSignal.timeout(5_000) });
      return true;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  return false;
}

function roleLabel(login: DemoLogin): string {
  return login.role === "admin" ? "platform administrator" : `${login.role} of ${login.taskForce}`;
}

function printBanner(url: string, prepared: Prepared, logins: readonly DemoLogin[]): void {
  const lines = ["Task Force Roadmap is running", "", `  ${url}`];
  if (prepared.setupLink) {
    lines.push(
      "",
      "No administrator yet. Create one with this link (works once, until",
      `${prepared.setupLink.expiresAt.toISOString()}; a restart prints a new one):`,
      `  ${prepared.setupLink.link}`,
      "or on the command line: npm run admin -- create-admin --email <email>",
    );
  }
  if (prepared.demoPassword) {
    const width = Math.max(...logins.map((login) => login.email.length));
    lines.push("", `Demo logins (fictional data), password: ${prepared.demoPassword}`, "(generated for this installation, kept in .env.local as DEMO_PASSWORD)");
    for (const login of logins) lines.push(`  ${login.email.padEnd(width)}  ${roleLabel(login)}`);
  }
  lines.push("", "Press Ctrl+C to stop.");
  const inner = Math.max(...lines.map((line) => line.length)) + 2;
  const box = [
    `┌${"─".repeat(inner)}┐`,
    ...lines.map((line) => `│ ${line.padEnd(inner - 2)} │`),
    `└${"─".repeat(inner)}┘`,
  ];
  console.log(`\n${box.join("\n")}\n`);
}

async function serve(port: number, prepared: Prepared): Promise<never> {
  const url = process.env.NEXTAUTH_URL?.trim() || `http://localhost:${port}`;
  const code = await runServer(port, (server) => {
    void waitUntilServing(port, server).then((ready) => {
      if (ready) printBanner(url, prepared, DEMO_LOGINS);
    });
  });
  process.exit(code);
}

async function main(): Promise<void> {
  const mode = parseMode(process.argv[2]);
  loadEnvFiles(mode === "dev");
  process.env.NEXT_TELEMETRY_DISABLED = "1";

  if (mode === "build") {
    await build();
    return;
  }

  ensureNextAuthSecret();
  const port = configurePort();
  if (mode !== "prepare") await assertPortFree(port);
  const prepared = await prepare();

  if (mode === "prepare") process.exit(0);
  if (mode === "dev") process.exit(await runNext(["dev", "-p", String(port)]));
  if (mode === "app" || !existsSync(path.join(ROOT, ".next", "BUILD_ID"))) await build();
  await serve(port, prepared);
}

main().catch((error: unknown) => stopOnError(error));
