import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { request, type APIRequestContext } from "@playwright/test";
import { expect, test } from "./test";
import { ok, signInByApi, trpcMutation, trpcQuery } from "./fixtures";
import { e2ePort } from "./settings";

/*
 * Issue 14, item 7: two app servers (`next start`, the production build) on one PostgreSQL. Someone
 * signs in on one and works on the other with the same session, and the daily jobs both servers
 * start with run once per task force. Runs beside the worker's own server, on the next two ports,
 * on a fresh database of the PostgreSQL server in TEST_DATABASE_URL (else 127.0.0.1:5432), dropped after.
 */
const ROOT = process.cwd();
const ADMIN_URL = process.env.TEST_DATABASE_URL?.trim() || "postgres://postgres@127.0.0.1:5432/test";
/** The two ports after the worker's own server's (e2e/settings.ts leaves room for them). */
const serverPorts = () => [e2ePort(test.info().parallelIndex) + 1, e2ePort(test.info().parallelIndex) + 2] as const;
const NAME = `tfr_e2e_instances_${randomBytes(4).toString("hex")}`;
const ADMIN_EMAIL = "ops-admin@example.org";
const ADMIN_PASSWORD = `instances ${randomBytes(6).toString("hex")}`;
const TSX = path.join(ROOT, "node_modules/tsx/dist/cli.mjs");
const NEXT = path.join(ROOT, "node_modules/next/dist/bin/next");

function databaseUrl(database: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

async function onAdminConnection(statement: string): Promise<void> {
  const { default: postgres } = await import("postgres");
  const sql = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  try {
    await sql.unsafe(statement);
  } finally {
    await sql.end();
  }
}

const env = {
  ...process.env,
  DATABASE_URL: databaseUrl(NAME),
  NEXTAUTH_SECRET: "e2e-instances-secret-not-for-production-0123456789",
  SMTP_URL: "",
  MAIL_FROM: "",
  // Every task force is due at start-up, whatever the hour.
  JOBS: "on",
  JOBS_DAILY_AT: "00:00",
  NEXT_TELEMETRY_DISABLED: "1",
};

function run(args: string[], extra: Record<string, string> = {}): void {
  const result = spawnSync(process.execPath, [TSX, ...args], { cwd: ROOT, env: { ...env, ...extra }, encoding: "utf8", timeout: 180_000 });
  if (result.status !== 0) throw new Error(`${args.join(" ")} failed: ${result.stderr}${result.stdout}`);
}

async function waitUntilServing(port: number, server: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server on ${port} exited: ${output()}`);
    // Our own server, not something else that holds the port.
    if (!output().includes("Ready in")) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      continue;
    }
    try {
      const response = await fetch(`http://localhost:${port}/login`, { redirect: "manual" });
      if (response.status < 500) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the server on ${port} did not answer: ${output()}`);
}

test.describe("two app servers on one PostgreSQL", () => {
  test.describe.configure({ timeout: 300_000 });
  const servers: ChildProcess[] = [];
  const contexts: APIRequestContext[] = [];

  test.beforeAll(async () => {
    // Migrating, seeding and starting two production servers takes a while on a small machine.
    test.setTimeout(300_000);
    await onAdminConnection(`create database "${NAME}"`);
    // Migrations, the fictional demo (two task forces) and an administrator of our own.
    run(["server/cli/app.ts", "prepare"], { SEED_DEMO: "1" });
    run(["server/cli/admin.ts", "create-admin", "--email", ADMIN_EMAIL, "--name", "Ops Admin"], { ADMIN_PASSWORD });
    for (const port of serverPorts()) {
      let output = "";
      const server = spawn(process.execPath, [NEXT, "start", "-p", String(port)], {
        cwd: ROOT,
        env: { ...env, PORT: String(port), NEXTAUTH_URL: `http://localhost:${port}` },
        stdio: ["ignore", "pipe", "pipe"],
      });
      server.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
      server.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
      servers.push(server);
      await waitUntilServing(port, server, () => output);
    }
  });

  test.afterAll(async () => {
    test.setTimeout(120_000);
    for (const context of contexts) await context.dispose();
    for (const server of servers) {
      if (server.exitCode === null) {
        const exited = new Promise((resolve) => server.once("exit", resolve));
        server.kill("SIGTERM");
        await exited;
      }
    }
    await onAdminConnection(`drop database if exists "${NAME}" with (force)`);
  });

  test("a session from one server works on the other, and each daily job runs once", async () => {
    const ports = serverPorts();
    const first = await request.newContext({ baseURL: `http://localhost:${ports[0]}` });
    contexts.push(first);
    await signInByApi(first, ADMIN_EMAIL, ADMIN_PASSWORD);
    // The same cookie, sent to the other server.
    const second = await request.newContext({ baseURL: `http://localhost:${ports[1]}`, storageState: await first.storageState() });
    contexts.push(second);
    expect(ok(await trpcQuery<{ email: string; isAdmin: boolean }>(second, "account.me"), "account.me on the second server")).toMatchObject({
      email: ADMIN_EMAIL,
      isAdmin: true,
    });

    // Work on the second server, read it on the first.
    const slug = `instances-${randomBytes(3).toString("hex")}`;
    ok(
      await trpcMutation(second, "admin.taskForce.create", { name: "Two Servers Task Force", slug, timeZone: "America/Chicago", coordinatorEmail: "two.servers@example.org" }),
      "creating a task force on the second server",
    );
    const listed = ok(await trpcQuery<{ slug: string }[]>(first, "admin.taskForce.list"), "listing on the first server");
    expect(listed.map((row) => row.slug)).toContain(slug);

    // Both servers ran their start-up tick: each daily job of each demo task force (the digest, the
    // requirement statuses) ran once, by one of them.
    const runs = async () =>
      ok(await trpcQuery<{ taskForceRuns: { job: string; taskForceSlug: string; status: string }[] }>(first, "admin.jobs.overview"), "jobs overview").taskForceRuns;
    await expect
      .poll(async () => (await runs()).filter((run) => run.status === "succeeded").length, { timeout: 60_000 })
      .toBeGreaterThanOrEqual(2);
    const done = await runs();
    expect(done.map((run) => run.taskForceSlug)).toEqual(expect.arrayContaining(["riverbend-demo", "lakeshore-demo"]));
    const jobs = done.map((run) => `${run.job} of ${run.taskForceSlug}`);
    expect(new Set(jobs).size, `one run per job, task force and day: ${jobs.join(", ")}`).toBe(jobs.length);
  });
});
