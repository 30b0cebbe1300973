/*
 * `npm run bench -- pages`: how fast the production build answers one signed-in coordinator, on
 * PostgreSQL and on the embedded PGlite in turn, and what Lighthouse makes of its two heaviest
 * pages. It builds the app unless .next holds a build (--build rebuilds); then for each database
 *   1. makes a database of its own with the bench data set (bench/dataset.ts; the measured task
 *      force shaped as the HTTP bench's): a new database on the PostgreSQL server of
 *      BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test), dropped afterwards,
 *      or a new PGlite folder under .data/bench/, removed afterwards;
 *   2. starts the server as `npm start` does (server/cli/app.ts start) on it, on --port (default
 *      3300), with the daily jobs off, and signs in as the measured task force's coordinator
 *      through next-auth's credentials endpoints;
 *   3. drives, with autocannon and that session's cookie, one target at a time: the dashboard page,
 *      the results page of the last closed assessment round, a tRPC batch of two of the dashboard's
 *      queries as the browser's batch link sends it, the account page (the signed-in floor: the
 *      lightest page with the signed-in frame), and next-auth's /api/auth/csrf, the framework's
 *      floor (a route handler that reads no database); each first warmed up (--warmup seconds, 10
 *      connections, not counted), then measured at 1 and at 10 connections for --duration seconds;
 *   4. runs Lighthouse (bench/lighthouse.ts) on the dashboard and the results page, --lighthouse-runs
 *      times each (default 1), and keeps the median run (--no-lighthouse skips it);
 *   5. stops the server and removes the database.
 * Then it prints the tables, checks the targets, writes .data/bench/pages.json (--out) and exits 1
 * when a target is missed (--no-fail only reports).
 *
 * Options: --duration S, --warmup S, --databases postgres,pglite, --port P, --build, --no-lighthouse,
 * --lighthouse-runs N, --out FILE, --no-fail.
 */
import { randomBytes } from "node:crypto";
import path from "node:path";
import { performance } from "node:perf_hooks";
import autocannon from "autocannon";
import { sql } from "drizzle-orm";
import { closeDatabase, installDatabase } from "@/db/client";
import type { DatabaseConfig } from "@/db/config";
import { callProcedure } from "@/server/testing/factories";
import { createTestDatabase, databaseUrl, type TestDatabase } from "@/server/testing/testDatabase";
import { BENCH_PASSWORD, HTTP_PROFILE, type BenchTaskForce } from "./dataset";
import { cpuShares, cpuSnapshot } from "./cpu";
import { generateDataset } from "./generate";
import { ensureBuild, startServer, type RunningServer } from "./httpServer";
import { signIn, trpcBatchPath } from "./httpWire";
import { runLighthouse, type LighthouseResult } from "./lighthouse";
import { optionReader, postgresServerUrl, type ResultOptions } from "./options";
import { rowsOf } from "./queryPlans";
import { finishBench, LATENCY_COLUMNS, latencyCells, latencySummary, machineFacts, printTable, printTargets, type LatencySummary, type Target } from "./report";

/* ---------- targets (issue 17) ---------- */

const DASHBOARD_PER_SECOND_AT_10 = 100;
const DASHBOARD_P95_AT_10_MS = 150;
const DASHBOARD_P50_AT_1_MS = 30;
const BATCH_PER_SECOND_AT_10 = 400;
const LIGHTHOUSE_SCORE = 90;
const LIGHTHOUSE_TBT_MS = 300;

/**
 * Long enough that a slow answer is measured as slow rather than counted as an error, as the HTTP
 * bench does (autocannon's default of 10 s was reached by a results page at 10 connections on a
 * busy machine); only answers that arrive before the run ends count.
 */
const REQUEST_TIMEOUT_SECONDS = 60;

/** One person, and the ten at once a busy moment brings. */
const CONNECTIONS = [1, 10] as const;

/** The dashboard's gaps and contributions widgets, as its client asks for both when it refetches them together. */
const BATCH_PROCEDURES = ["dashboard.gaps", "contribution.summary"] as const;

type DatabaseKind = DatabaseConfig["kind"];
const DATABASE_KINDS: readonly DatabaseKind[] = ["postgres", "pglite"];

/* ---------- options ---------- */

interface Options extends ResultOptions {
  durationSeconds: number;
  warmupSeconds: number;
  databases: DatabaseKind[];
  port: number;
  build: boolean;
  /** Lighthouse runs per page; 0 with --no-lighthouse. */
  lighthouseRuns: number;
}

function parseOptions(argv: readonly string[]): Options {
  const { valueOf, count, has, results } = optionReader(argv);
  const databases = (valueOf("--databases") ?? DATABASE_KINDS.join(",")).split(",").map((name) => name.trim());
  const unknown = databases.filter((name) => !DATABASE_KINDS.includes(name as DatabaseKind));
  if (databases.length === 0 || unknown.length > 0) throw new Error(`--databases takes ${DATABASE_KINDS.join(" and/or ")}, comma-separated, not ${unknown.join(", ")}`);
  return {
    durationSeconds: count("--duration", 10, 1),
    warmupSeconds: count("--warmup", 2),
    databases: databases as DatabaseKind[],
    port: count("--port", 3300, 1),
    build: has("--build"),
    lighthouseRuns: has("--no-lighthouse") ? 0 : count("--lighthouse-runs", 1, 1),
    ...results("pages.json"),
  };
}

/* ---------- what is driven ---------- */

interface Route {
  key: keyof typeof TARGET_NAMES;
  name: string;
  path: string;
  /** Checks one answer before the load, so that a sign-in page or a failed call is never what gets measured. */
  check: (status: number, body: string) => string | null;
}

/** The pages Lighthouse loads: the two heaviest a coordinator opens often. */
const LIGHTHOUSE_PAGES: readonly Route["key"][] = ["dashboard", "results"];

const TARGET_NAMES = {
  dashboard: "dashboard page",
  results: "round results page",
  batch: `tRPC batch ${BATCH_PROCEDURES.join(",")}`,
  signedInFloor: "/account (signed-in floor)",
  floor: "/api/auth/csrf (floor)",
} as const;

function routesOf(slug: string, roundId: string): Route[] {
  const page = (status: number) => (status === 200 ? null : `answered ${status} (a redirect is the sign-in page)`);
  const input = { taskForceSlug: slug };
  return [
    { key: "dashboard", name: TARGET_NAMES.dashboard, path: `/tf/${slug}/dashboard`, check: page },
    { key: "results", name: TARGET_NAMES.results, path: `/tf/${slug}/assessments/${roundId}`, check: page },
    {
      key: "batch",
      name: TARGET_NAMES.batch,
      path: trpcBatchPath(BATCH_PROCEDURES.map((procedure) => ({ procedure, input }))),
      // A batch in which one call failed still answers 207, a 2xx: each call's own answer is checked.
      check: (status, body) => {
        const answers = JSON.parse(body) as { result?: unknown }[];
        const failed = answers.filter((answer) => !answer.result).length;
        return status === 200 && answers.length === BATCH_PROCEDURES.length && failed === 0 ? null : `answered ${status} with ${failed} failed calls: ${body.slice(0, 200)}`;
      },
    },
    // The lightest signed-in page: the signed-in frame (session, task forces, unread notices) and a
    // short page, so what a page costs beyond it is the page's own.
    { key: "signedInFloor", name: TARGET_NAMES.signedInFloor, path: "/account", check: page },
    { key: "floor", name: TARGET_NAMES.floor, path: "/api/auth/csrf", check: page },
  ];
}

/* ---------- measuring ---------- */

interface Measured extends LatencySummary {
  target: string;
  connections: number;
  seconds: number;
  non2xx: number;
  /** Connection errors and timeouts. */
  errors: number;
  /** Cores the app server kept busy, and this process (autocannon). */
  serverCores: number | null;
  loadGeneratorCores: number | null;
  /**
   * The app server's CPU time per answer: what an answer costs whatever else the machine is
   * doing (on PGlite the database's work included, on PostgreSQL not). One process answers at
   * most 1,000 / this many requests a second.
   */
  serverCpuMsPerRequest: number | null;
}

async function drive(baseUrl: string, route: Route, cookie: string, connections: number, durationSeconds: number, server: RunningServer): Promise<Measured> {
  const latencies: number[] = [];
  let bytes = 0;
  const cpuBefore = cpuSnapshot();
  const instance = autocannon({ url: `${baseUrl}${route.path}`, connections, duration: durationSeconds, headers: { cookie }, timeout: REQUEST_TIMEOUT_SECONDS });
  instance.on("response", (_client, _status, size, ms) => {
    latencies.push(ms);
    bytes += size;
  });
  const result = await instance;
  const cpuAfter = cpuSnapshot();
  const summary = latencySummary(latencies, bytes, result.duration);
  const [serverShare, loadShare] =
    cpuBefore && cpuAfter
      ? cpuShares(cpuBefore, cpuAfter, [
          { what: "app server", includes: (running) => running.processGroup === server.processGroup },
          { what: "load generator", includes: (running) => running.pid === process.pid },
        ])
      : [];
  return {
    target: route.name,
    connections,
    seconds: result.duration,
    ...summary,
    non2xx: result.non2xx,
    errors: result.errors,
    serverCores: serverShare?.cores ?? null,
    loadGeneratorCores: loadShare?.cores ?? null,
    serverCpuMsPerRequest: serverShare && summary.requests > 0 ? (serverShare.cores * result.duration * 1000) / summary.requests : null,
  };
}

/**
 * The run with the median score (of equal scores, the higher TBT first): one Lighthouse run moves
 * by ten points or more on a busy machine, as Lighthouse's own documentation warns.
 */
function medianRun(runs: readonly LighthouseResult[]): LighthouseResult {
  const ordered = [...runs].sort((a, b) => a.score - b.score || b.totalBlockingTimeMs - a.totalBlockingTimeMs);
  return ordered[Math.floor(ordered.length / 2)] as LighthouseResult;
}

/* ---------- one database ---------- */

interface DatabaseRun {
  kind: DatabaseKind;
  /** PostgreSQL's version, PGlite's included. */
  version: string;
  datasetSeconds: { bulk: number; grants: number };
  serverReadySeconds: number;
  measured: Measured[];
  /** The median run of each page, and how many there were. */
  lighthouse: (LighthouseResult & { page: string; runs: number })[];
}

const seconds = (since: number) => (performance.now() - since) / 1000;

/** A new, migrated database of `kind` with the bench data set, the coordinator's task force and its last closed round; no longer open in this process, so that the server may open it. */
async function prepareDatabase(kind: DatabaseKind, adminUrl: string, runId: string) {
  const dataDir = path.resolve(".data", "bench", `pages-pglite-${runId}`);
  const database: TestDatabase = await createTestDatabase(kind === "postgres" ? { kind, adminUrl } : { kind, dataDir });
  try {
    installDatabase(database.handle);
    const [versionRow] = rowsOf(await database.handle.db.execute(sql`show server_version`));
    const { dataset, seconds: datasetSeconds } = await generateDataset(HTTP_PROFILE);
    const taskForce: BenchTaskForce = dataset.measured;
    const rounds = (await callProcedure(taskForce.coordinator, "assessment.list", { taskForceSlug: taskForce.slug })) as { id: string; status: string }[];
    // Newest first: the last closed round, whose results are complete.
    const round = rounds.find((candidate) => candidate.status === "closed");
    if (!round) throw new Error(`${taskForce.name} has no closed assessment round`);
    // PGlite allows one process per folder: the server's, from now on.
    await closeDatabase();
    const config: DatabaseConfig = kind === "postgres" ? { kind, url: databaseUrl(adminUrl, database.name) } : { kind, dataDir };
    return { database, config, version: String(versionRow?.server_version ?? "?"), datasetSeconds, taskForce, roundId: round.id };
  } catch (error) {
    await closeDatabase();
    await database.destroy();
    throw error;
  }
}

async function runOnDatabase(kind: DatabaseKind, options: Options, adminUrl: string, runId: string): Promise<DatabaseRun> {
  const label = kind === "postgres" ? "PostgreSQL" : "PGlite";
  console.log(`\n== ${label} ==`);
  const prepared = await prepareDatabase(kind, adminUrl, runId);
  console.log(
    `Database: ${label} ${prepared.version} (${prepared.database.name}, removed afterwards); data set ${prepared.datasetSeconds.bulk.toFixed(1)} s bulk load, ` +
      `${prepared.datasetSeconds.grants.toFixed(1)} s awards through the API`,
  );
  let server: RunningServer | undefined;
  try {
    const logFile = path.join(path.dirname(options.out), `pages-server-${kind}.log`);
    let started = performance.now();
    server = await startServer({ port: options.port, database: prepared.config, logFile, processes: 1 });
    const serverReadySeconds = seconds(started);
    console.log(`Server: ${server.baseUrl} (npm start's server/cli/app.ts start, JOBS=off), ready in ${serverReadySeconds.toFixed(1)} s; its output in ${logFile}`);
    const { taskForce } = prepared;
    const cookie = await signIn(server.baseUrl, taskForce.coordinator.email, BENCH_PASSWORD);
    const routes = routesOf(taskForce.slug, prepared.roundId);
    for (const route of routes) {
      const response = await fetch(`${server.baseUrl}${route.path}`, { headers: { cookie }, redirect: "manual" });
      const problem = route.check(response.status, await response.text());
      if (problem) throw new Error(`${route.name} (${route.path}) as ${taskForce.coordinator.email}: ${problem}`);
    }
    console.log(`Signed in as ${taskForce.coordinator.email}, coordinator of ${taskForce.name}; each target answered once.`);

    const measured: Measured[] = [];
    for (const route of routes) {
      started = performance.now();
      if (options.warmupSeconds > 0) await drive(server.baseUrl, route, cookie, 10, options.warmupSeconds, server);
      for (const connections of CONNECTIONS) measured.push(await drive(server.baseUrl, route, cookie, connections, options.durationSeconds, server));
      console.log(`  ${route.name}: ${seconds(started).toFixed(0)} s`);
    }

    const lighthouse: DatabaseRun["lighthouse"] = [];
    for (const route of options.lighthouseRuns > 0 ? routes.filter((candidate) => LIGHTHOUSE_PAGES.includes(candidate.key)) : []) {
      started = performance.now();
      const runs: LighthouseResult[] = [];
      for (let run = 1; run <= options.lighthouseRuns; run++) {
        const reportFile = path.join(path.dirname(options.out), `pages-lighthouse-${kind}-${route.key}${options.lighthouseRuns > 1 ? `-${run}` : ""}.json`);
        runs.push(await runLighthouse(`${server.baseUrl}${route.path}`, cookie, reportFile));
      }
      lighthouse.push({ page: route.name, runs: runs.length, ...medianRun(runs) });
      console.log(`  Lighthouse, ${route.name}: ${seconds(started).toFixed(0)} s`);
    }
    return { kind, version: prepared.version, datasetSeconds: prepared.datasetSeconds, serverReadySeconds, measured, lighthouse };
  } finally {
    await server?.stop();
    await prepared.database.destroy();
  }
}

/* ---------- the run ---------- */

function targetsOf(run: DatabaseRun): Target[] {
  const label = run.kind === "postgres" ? "PostgreSQL" : "PGlite";
  const find = (target: string, connections: number) => run.measured.find((measured) => measured.target === target && measured.connections === connections);
  const check = (what: string, limit: string, measured: Measured | undefined, value: (measured: Measured) => number, met: (value: number) => boolean, unit: string): Target => {
    const figure = measured ? value(measured) : Number.NaN;
    return { what: `${label}: ${what}`, limit, value: measured ? `${figure.toFixed(unit === "req/s" ? 1 : 0)} ${unit}` : "not measured", met: measured !== undefined && met(figure) };
  };
  const dashboardAt10 = find(TARGET_NAMES.dashboard, 10);
  const targets = [
    check("dashboard page, 10 connections, requests/s", `≥ ${DASHBOARD_PER_SECOND_AT_10}`, dashboardAt10, (m) => m.perSecond, (v) => v >= DASHBOARD_PER_SECOND_AT_10, "req/s"),
    check("dashboard page, 10 connections, p95", `≤ ${DASHBOARD_P95_AT_10_MS} ms`, dashboardAt10, (m) => m.p95, (v) => v <= DASHBOARD_P95_AT_10_MS, "ms"),
    check("dashboard page, 1 connection, p50", `≤ ${DASHBOARD_P50_AT_1_MS} ms`, find(TARGET_NAMES.dashboard, 1), (m) => m.p50, (v) => v <= DASHBOARD_P50_AT_1_MS, "ms"),
    check(`${TARGET_NAMES.batch}, 10 connections, requests/s`, `≥ ${BATCH_PER_SECOND_AT_10}`, find(TARGET_NAMES.batch, 10), (m) => m.perSecond, (v) => v >= BATCH_PER_SECOND_AT_10, "req/s"),
  ];
  const failures = run.measured.reduce((sum, measured) => sum + measured.non2xx + measured.errors, 0);
  targets.push({ what: `${label}: non-2xx answers and errors, every run`, limit: "0", value: String(failures), met: failures === 0 });
  for (const page of run.lighthouse) {
    targets.push(
      { what: `${label}: Lighthouse score, ${page.page}`, limit: `≥ ${LIGHTHOUSE_SCORE}`, value: String(page.score), met: page.score >= LIGHTHOUSE_SCORE },
      { what: `${label}: Lighthouse TBT, ${page.page}`, limit: `≤ ${LIGHTHOUSE_TBT_MS} ms`, value: `${page.totalBlockingTimeMs.toFixed(0)} ms`, met: page.totalBlockingTimeMs <= LIGHTHOUSE_TBT_MS },
    );
  }
  return targets;
}

export async function runPagesBench(argv: readonly string[]): Promise<void> {
  const options = parseOptions(argv);
  const adminUrl = postgresServerUrl();
  const runId = randomBytes(4).toString("hex");
  await ensureBuild(options.build);

  const runs: DatabaseRun[] = [];
  for (const kind of options.databases) runs.push(await runOnDatabase(kind, options, adminUrl, runId));

  const machine = machineFacts();
  printReport(runs, options, machine);
  const targets = runs.flatMap(targetsOf);
  printTargets(targets);
  finishBench(options, { ranAt: new Date().toISOString(), machine, options, runs, targets }, targets);
}

/* ---------- printing ---------- */

function printReport(runs: readonly DatabaseRun[], options: Options, machine: ReturnType<typeof machineFacts>) {
  console.log(
    `\nOne coordinator's session, each target ${options.durationSeconds} s at 1 and at 10 connections (autocannon, after ${options.warmupSeconds} s of warm-up), ` +
      `one server process, on ${machine.cpus} cores (${machine.cpuModel}), Node ${machine.node}; load average at the end ${machine.loadAverageAtEnd.join(", ")} (latency in ms)`,
  );
  const cores = (value: number | null) => (value === null ? "?" : value.toFixed(2));
  for (const run of runs) {
    console.log(`\n${run.kind === "postgres" ? "PostgreSQL" : "PGlite"} ${run.version}\n`);
    printTable(
      ["target", "connections", ...LATENCY_COLUMNS, "non-2xx", "errors", "server cores", "CPU ms/answer", "autocannon cores"],
      run.measured.map((measured) => [
        measured.target,
        String(measured.connections),
        ...latencyCells(measured),
        String(measured.non2xx),
        String(measured.errors),
        cores(measured.serverCores),
        measured.serverCpuMsPerRequest === null ? "?" : measured.serverCpuMsPerRequest.toFixed(1),
        cores(measured.loadGeneratorCores),
      ]),
    );
    if (run.lighthouse.length > 0) {
      const runs = run.lighthouse[0]?.runs ?? 1;
      console.log(
        `\nLighthouse (mobile profile, performance only${runs > 1 ? `, the median of ${runs} runs` : ""}; CPU benchmark index ${run.lighthouse.map((page) => page.benchmarkIndex.toFixed(0)).join(", ")})\n`,
      );
      printTable(
        ["page", "score", "FCP ms", "LCP ms", "TBT ms", "JS KiB", "all KiB"],
        run.lighthouse.map((page) => [
          page.page,
          String(page.score),
          page.firstContentfulPaintMs.toFixed(0),
          page.largestContentfulPaintMs.toFixed(0),
          page.totalBlockingTimeMs.toFixed(0),
          page.scriptKiB.toFixed(0),
          page.totalKiB.toFixed(0),
        ]),
      );
      for (const page of run.lighthouse) for (const warning of page.warnings) console.log(`  ${page.page}: ${warning}`);
    }
  }
}
