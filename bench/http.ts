/*
 * `npm run bench -- http`: the production build on PostgreSQL under many signed-in people at once,
 * over HTTP, and then a check that nothing written was lost. This script
 *   1. builds the app unless .next holds a build (--build rebuilds), creates a new database on the
 *      PostgreSQL server of BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test),
 *      migrates it and fills it with the bench data set (bench/dataset.ts), its measured task force
 *      shaped as 40 staffed agencies; then, through the API as its coordinator, gives each person a gap
 *      of their own and prepares the records of the conflict check;
 *   2. starts the server as `npm start` does (server/cli/app.ts start) on that database, on --port
 *      (default 3200), with the daily jobs off;
 *   3. signs in --users people (default 200: its coordinators and members, spread over the
 *      agencies), and the conflict check's pairs, through next-auth's credentials endpoints, and
 *      opens each one's dashboard once;
 *   4. drives the server for --duration seconds (default 60), one loop per person
 *      (bench/httpLoad.ts): dashboard pages, and gap edits, assessment answers and (one reporting
 *      officer per agency) contribution reports, each save based on the version just read, with a
 *      pause of --think seconds after each answer (default 10-30, drawn for each pause); meanwhile
 *      two people at a time save the same record at once (bench/httpConflicts.ts);
 *   5. stops the server and checks the database (bench/httpVerify.ts): every acknowledged write
 *      there exactly once, every refused one absent; counts deadlocks (pg_stat_database and the
 *      server's log);
 *   6. prints the tables, writes .data/bench/http.json (--out) and exits 1 when a target is missed
 *      (--no-fail only reports). The database is dropped and the server stopped whatever happens.
 *
 * `--think 0` sends each person's next request as soon as the last is answered: the most the
 * server can answer, not a day people have. `--processes N` runs N server processes
 * (SERVER_PROCESSES; default 1, as `npm start`).
 *
 * Options: --users N, --duration S, --think MIN-MAX, --processes N, --port P, --build, --out FILE, --no-fail.
 */
import { randomBytes } from "node:crypto";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import { closeDatabase, getDb, installDatabase } from "@/db/client";
import { callProcedure } from "@/server/testing/factories";
import { createTestDatabase, databaseUrl } from "@/server/testing/testDatabase";
import { periodContaining, previousPeriod } from "@/server/domains/contributions/periods";
import { DEFAULT_FRAMEWORK_CONTENT } from "@/server/domains/frameworks/defaultFrameworkContent";
import { findTaskForce } from "@/server/domains/taskForces/taskForces.queries";
import { todayIn } from "@/server/lib/clock";
import type { SessionUser } from "@/server/trpc/context";
import { BENCH_PASSWORD, HTTP_PROFILE, type BenchPerson, type BenchTaskForce } from "./dataset";
import { cpuShares, cpuSnapshot, type CpuShare } from "./cpu";
import { generateDataset } from "./generate";
import { runConflictChecks, type ConflictOutcome, type ConflictTarget } from "./httpConflicts";
import { LoadRecorder, ROUTES, runLoad, type LoadUser, type RouteTally, type Scenario, type ThinkTime } from "./httpLoad";
import { ensureBuild, startServer, type RunningServer } from "./httpServer";
import { verifyWrites, type KindCheck } from "./httpVerify";
import { signIn } from "./httpWire";
import { rowsOf } from "./queryPlans";
import { optionReader, postgresServerUrl, type ResultOptions } from "./options";
import { finishBench, LATENCY_COLUMNS, latencyCells, latencySummary, machineFacts, printTable, printTargets, type LatencySummary, type Target } from "./report";

/* ---------- targets, and why these numbers ---------- */

/** The dashboard is the page everyone opens first; the dashboard bench gives its data the same budget. */
const DASHBOARD_P95_MS = 300;

/* ---------- the load's shape ---------- */

/** Pairs of people saving the same record at once, per kind of record. */
const CONFLICT_TRIALS_PER_KIND = 10;

/**
 * Sign-ins in flight at once. All come from 127.0.0.1, and first sign-ins of different accounts
 * from one address share one counter (server/domains/auth/attempts.ts) that lets 30 through at a
 * time; eight keep well clear of it, so the limit is not what is measured.
 */
const SIGN_IN_CONCURRENCY = 8;

/* ---------- options ---------- */

interface Options extends ResultOptions {
  users: number;
  durationSeconds: number;
  think: ThinkTime;
  processes: number;
  port: number;
  build: boolean;
}

function parseOptions(argv: readonly string[]): Options {
  const { valueOf, count, has, results } = optionReader(argv);
  return {
    users: count("--users", 200, 1),
    durationSeconds: count("--duration", 60, 1),
    think: parseThink(valueOf("--think") ?? "10-30"),
    processes: count("--processes", 1, 1),
    port: count("--port", 3200, 1),
    build: has("--build"),
    ...results("http.json"),
  };
}

/** "10-30" (a pause drawn between 10 and 30 s), "5" (always 5 s) or "0" (no pause). */
function parseThink(value: string): ThinkTime {
  const match = /^(\d+(?:\.\d+)?)(?:-(\d+(?:\.\d+)?))?$/.exec(value);
  const min = Number(match?.[1]);
  const max = Number(match?.[2] ?? match?.[1]);
  if (!match || max < min) throw new Error(`--think takes seconds as MIN-MAX (such as 10-30) or one number, not ${value}`);
  return { min, max };
}

function describeThink(think: ThinkTime): string {
  if (think.max === 0) return "each sending the next request as soon as the last is answered";
  return think.min === think.max ? `each pausing ${think.min} s after every answer` : `each pausing ${think.min}–${think.max} s after every answer`;
}

/* ---------- helpers ---------- */

/** Runs `work` on every item, at most `limit` at a time, keeping the order of the results. */
async function inParallel<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

const seconds = (since: number) => (performance.now() - since) / 1000;

/* ---------- preparing the task force ---------- */

interface Plan {
  taskForceId: string;
  people: (BenchPerson & { gapId: string; reportsFor: string | null })[];
  scenario: Scenario;
  conflictTargets: Omit<ConflictTarget, "people">[];
  /** Two people of the agency for each conflict target, by the target's index. */
  conflictPairs: [BenchPerson, BenchPerson][];
  initialVersions: Map<string, number | null>;
}

/**
 * Everything the load needs, made through the API as the task force's coordinator: a gap for each
 * person (owned by their agency and them), the open round, the period being reported, and the
 * records of the conflict check (their own gaps, and the previous quarter's reports, returned for
 * correction where they were submitted, so that two people of the agency may edit them).
 */
async function preparePlan(taskForce: BenchTaskForce, users: number, runId: string): Promise<Plan> {
  const coordinator: SessionUser = taskForce.coordinator;
  const taskForceSlug = taskForce.slug;
  const call = (procedure: string, input: object) => callProcedure(coordinator, procedure, { taskForceSlug, ...input });
  const selected = [
    ...taskForce.people.filter((person) => person.role === "coordinator"),
    ...taskForce.people.filter((person) => person.role === "member" && person.organizationId !== null),
  ].slice(0, users);
  if (selected.length < users) throw new Error(`${taskForce.name} has ${selected.length} current coordinators and members, fewer than --users ${users}`);

  const elementKeys = DEFAULT_FRAMEWORK_CONTENT.areas.flatMap((area) => area.elements.map((element) => element.key));
  const rounds = (await call("assessment.list", {})) as { id: string; status: string }[];
  const round = rounds.find((candidate) => candidate.status === "open");
  if (!round) throw new Error(`${taskForce.name} has no open assessment round`);
  const calendar = await findTaskForce(await getDb(), taskForce.id);
  if (!calendar) throw new Error(`${taskForce.name} is missing`);
  const period = periodContaining(todayIn(calendar.timeZone), "quarter");

  const initialVersions = new Map<string, number | null>();
  const reportVersion = async (organizationId: string, periodKey: string) => {
    const form = (await call("contribution.report", { period: periodKey, organizationId })) as { report: { id: string; status: string; version: number } | null };
    return form.report;
  };

  const officers = new Set<string>();
  const people: Plan["people"] = [];
  for (const [index, person] of selected.entries()) {
    const gap = (await call("gap.create", {
      elementKey: elementKeys[index % elementKeys.length],
      title: `Load test gap of ${person.user.name}`,
      ownerOrganizationId: person.organizationId,
      ownerUserId: person.user.id,
    })) as { id: string; version: number };
    initialVersions.set(gap.id, gap.version);
    // One reporting officer per agency, as agencies work: the first of its people.
    const reportsFor = person.organizationId !== null && !officers.has(person.organizationId) ? person.organizationId : null;
    if (reportsFor) {
      officers.add(reportsFor);
      initialVersions.set(`${reportsFor}/${period.key}`, (await reportVersion(reportsFor, period.key))?.version ?? null);
    }
    people.push({ ...person, gapId: gap.id, reportsFor });
  }

  // From all of the agency's current people, so that a small --users still finds pairs; those not in the load sign in too.
  const byAgency = new Map<string, BenchPerson[]>();
  for (const person of taskForce.people) {
    if (person.role === "member" && person.organizationId) byAgency.set(person.organizationId, [...(byAgency.get(person.organizationId) ?? []), person]);
  }
  const pairs = [...byAgency.entries()].filter(([, staff]) => staff.length >= 2).slice(0, CONFLICT_TRIALS_PER_KIND);
  if (pairs.length < CONFLICT_TRIALS_PER_KIND) throw new Error(`the conflict check needs ${CONFLICT_TRIALS_PER_KIND} agencies with two people; found ${pairs.length}`);
  const previous = previousPeriod(period).key;
  const conflictTargets: Plan["conflictTargets"] = [];
  const conflictPairs: Plan["conflictPairs"] = [];
  for (const [index, [organizationId, staff]] of pairs.entries()) {
    const gap = (await call("gap.create", { elementKey: elementKeys[index % elementKeys.length], title: `Load test conflict gap ${index + 1}`, ownerOrganizationId: organizationId })) as {
      id: string;
      version: number;
    };
    initialVersions.set(gap.id, gap.version);
    let report = await reportVersion(organizationId, previous);
    if (report?.status === "submitted") {
      await call("contribution.returnForCorrection", { reportId: report.id, version: report.version, reason: "Returned for the HTTP bench's conflict check (bench)." });
      report = await reportVersion(organizationId, previous);
    }
    const reportRecord = `${organizationId}/${previous}`;
    initialVersions.set(reportRecord, report?.version ?? null);
    const pair: [BenchPerson, BenchPerson] = [staff[0] as BenchPerson, staff[1] as BenchPerson];
    // Gaps and reports alternate, so both kinds are tried throughout the run.
    conflictTargets.push(
      {
        kind: "gap",
        record: gap.id,
        read: { procedure: "gap.get", input: { taskForceSlug, gapId: gap.id }, versionOf: (data) => (data as { gap?: { version?: number } } | undefined)?.gap?.version },
        save: (version, marker) => ({ procedure: "gap.update", input: { taskForceSlug, gapId: gap.id, version, description: marker } }),
      },
      {
        kind: "contribution",
        record: reportRecord,
        read: {
          procedure: "contribution.report",
          input: { taskForceSlug, period: previous },
          versionOf: (data) => {
            const form = data as { report?: { version: number } | null } | undefined;
            return form === undefined ? undefined : (form.report?.version ?? null);
          },
        },
        save: (version, marker) => ({
          procedure: "contribution.saveDraft",
          input: { taskForceSlug, period: previous, organizationId, version, values: { staffHours: 12 }, inKind: [{ description: marker, value: 10 }] },
        }),
      },
    );
    conflictPairs.push(pair, pair);
  }
  return {
    taskForceId: taskForce.id,
    people,
    scenario: { slug: taskForceSlug, roundId: round.id, period: period.key, elementKeys, runId },
    conflictTargets,
    conflictPairs,
    initialVersions,
  };
}

/* ---------- the run ---------- */

interface RouteReport extends LatencySummary {
  /** A route, or "all". */
  route: string;
  non2xx: number;
  serverErrors: number;
  timeouts: number;
  connectionErrors: number;
}

function routeReport(route: string, tally: RouteTally, durationSeconds: number): RouteReport {
  const count = (test: (status: number) => boolean) => [...tally.statuses].filter(([status]) => test(status)).reduce((sum, [, times]) => sum + times, 0);
  return {
    route,
    ...latencySummary(tally.latenciesMs, tally.bytes, durationSeconds),
    non2xx: count((status) => status < 200 || status >= 300),
    serverErrors: count((status) => status >= 500),
    timeouts: tally.timeouts,
    connectionErrors: tally.connectionErrors,
  };
}

function totalReport(tallies: readonly RouteTally[], durationSeconds: number): RouteReport {
  const all: RouteTally = { latenciesMs: tallies.flatMap((tally) => tally.latenciesMs), bytes: 0, statuses: new Map(), timeouts: 0, connectionErrors: 0 };
  for (const tally of tallies) {
    all.bytes += tally.bytes;
    for (const [status, times] of tally.statuses) all.statuses.set(status, (all.statuses.get(status) ?? 0) + times);
    all.timeouts += tally.timeouts;
    all.connectionErrors += tally.connectionErrors;
  }
  return routeReport("all", all, durationSeconds);
}

async function deadlockCount(): Promise<number> {
  const [row] = rowsOf(await (await getDb()).execute(sql`select deadlocks from pg_stat_database where datname = current_database()`));
  return Number(row?.deadlocks ?? 0);
}

export async function runHttpBench(argv: readonly string[]): Promise<void> {
  const options = parseOptions(argv);
  const adminUrl = postgresServerUrl();
  const runId = randomBytes(4).toString("hex");
  await ensureBuild(options.build);

  const database = await createTestDatabase({ kind: "postgres", adminUrl });
  installDatabase(database.handle);
  let server: RunningServer | undefined;
  try {
    const [versionRow] = rowsOf(await database.handle.db.execute(sql`show server_version`));
    const postgresVersion = String(versionRow?.server_version ?? "?");
    console.log(`Database: PostgreSQL ${postgresVersion} (${database.name}, dropped afterwards)`);
    const { dataset, seconds: generated } = await generateDataset(HTTP_PROFILE);
    console.log(`Data set: ${generated.bulk.toFixed(1)} s bulk load, ${generated.grants.toFixed(1)} s awards through the API`);
    const taskForce = dataset.measured;
    let started = performance.now();
    const plan = await preparePlan(taskForce, options.users, runId);
    const agencies = new Set(plan.people.map((person) => person.organizationId).filter(Boolean)).size;
    const coordinators = plan.people.filter((person) => person.role === "coordinator").length;
    console.log(
      `${taskForce.name}: ${plan.people.length} people (${coordinators} coordinators, ${plan.people.length - coordinators} members of ${agencies} agencies, ` +
        `${plan.people.filter((person) => person.reportsFor).length} reporting officers); gaps and conflict records made in ${seconds(started).toFixed(1)} s`,
    );

    const logFile = path.join(path.dirname(options.out), "http-server.log");
    started = performance.now();
    server = await startServer({ port: options.port, database: { kind: "postgres", url: databaseUrl(adminUrl, database.name) }, logFile, processes: options.processes });
    console.log(
      `Server: ${server.baseUrl} (npm start's server/cli/app.ts start, JOBS=off, SERVER_PROCESSES=${options.processes}), ready in ${seconds(started).toFixed(1)} s; its output in ${logFile}`,
    );

    const baseUrl = server.baseUrl;
    started = performance.now();
    const signingIn = [...new Map([...plan.people, ...plan.conflictPairs.flat()].map((person) => [person.user.id, person])).values()];
    const cookieList = await inParallel(signingIn, SIGN_IN_CONCURRENCY, (person) => signIn(baseUrl, person.user.email, BENCH_PASSWORD));
    const cookieOf = new Map(signingIn.map((person, index) => [person.user.id, cookieList[index] as string]));
    const cookie = (person: BenchPerson) => cookieOf.get(person.user.id) as string;
    const signInSeconds = seconds(started);
    started = performance.now();
    // Each person opens their dashboard once: proves the session works, and warms the server up as a morning would.
    await inParallel(signingIn, SIGN_IN_CONCURRENCY, async (person) => {
      const response = await fetch(`${baseUrl}/tf/${plan.scenario.slug}/dashboard`, { headers: { cookie: cookie(person) }, redirect: "manual" });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`${person.user.email} got ${response.status} for the dashboard after signing in`);
    });
    console.log(`Signed in ${signingIn.length} people in ${signInSeconds.toFixed(1)} s (${SIGN_IN_CONCURRENCY} at a time); each opened the dashboard once (${seconds(started).toFixed(1)} s).`);

    const users: LoadUser[] = plan.people.map((person, index) => ({
      number: index + 1,
      userId: person.user.id,
      email: person.user.email,
      cookie: cookie(person),
      gapId: person.gapId,
      reportsFor: person.reportsFor,
    }));
    const conflictTargets: ConflictTarget[] = plan.conflictTargets.map((target, index) => {
      const [first, second] = plan.conflictPairs[index] as [BenchPerson, BenchPerson];
      return { ...target, people: [{ cookie: cookie(first) }, { cookie: cookie(second) }] };
    });

    const deadlocksBefore = await deadlockCount();
    const recorder = new LoadRecorder();
    // Audit entries from this moment on are the run's; a second of margin for clocks that read differently.
    const since = new Date(Date.now() - 1_000);
    console.log(
      `\nLoad: ${users.length} people for ${options.durationSeconds} s, ${describeThink(options.think)}; ` +
        `${conflictTargets.length} conflict trials meanwhile …`,
    );
    const cpuBefore = cpuSnapshot();
    const [summary, conflicts] = await Promise.all([
      runLoad({ baseUrl, users, scenario: plan.scenario, durationSeconds: options.durationSeconds, think: options.think, recorder }),
      runConflictChecks({ baseUrl, targets: conflictTargets, durationSeconds: options.durationSeconds, runId, recorder }),
    ]);
    const cpuAfter = cpuSnapshot();
    const processGroup = server.processGroup;
    const cpu =
      cpuBefore && cpuAfter
        ? cpuShares(cpuBefore, cpuAfter, [
            { what: "app server (Node.js)", includes: (running) => running.processGroup === processGroup },
            { what: "PostgreSQL", includes: (running) => running.command === "postgres" },
            { what: "load generator (this process)", includes: (running) => running.pid === process.pid },
          ])
        : [];
    // Stopped before counting: a server's database sessions hand in their deadlock counts when they end.
    await server.stop();
    const log = server.log();
    const deadlocks = (await deadlockCount()) - deadlocksBefore;
    const logDeadlocks = log.split("\n").filter((line) => /deadlock|40P01/i.test(line));
    const logErrors = log.split("\n").filter((line) => /error/i.test(line));

    const checks = await verifyWrites({ db: await getDb(), taskForceId: plan.taskForceId, roundId: plan.scenario.roundId, runId, since, writes: recorder.writes, initialVersions: plan.initialVersions });

    const duration = summary.seconds;
    const routes = [...recorder.routes].filter(([, tally]) => tally.latenciesMs.length > 0 || tally.timeouts > 0).map(([route, tally]) => routeReport(route, tally, duration));
    const total = totalReport([...recorder.routes.values()], duration);
    const dashboard = routes.find((route) => route.route === ROUTES.dashboard);
    const errors = total.non2xx + total.timeouts + total.connectionErrors;
    const lost = checks.reduce((sum, check) => sum + check.lost, 0);
    const duplicated = checks.reduce((sum, check) => sum + check.duplicated, 0);
    const refusedStored = checks.reduce((sum, check) => sum + check.refusedStored, 0);
    const conflictFailures = conflicts.filter((outcome) => !outcome.ok);

    const targets: Target[] = [
      { what: "errors (non-2xx, timeouts, connection errors)", limit: "0", value: String(errors), met: errors === 0 },
      { what: "5xx answers", limit: "0", value: String(total.serverErrors), met: total.serverErrors === 0 },
      { what: "acknowledged writes lost", limit: "0", value: String(lost), met: lost === 0 },
      { what: "writes stored twice", limit: "0", value: String(duplicated), met: duplicated === 0 },
      { what: "refused writes stored anyway", limit: "0", value: String(refusedStored), met: refusedStored === 0 },
      { what: "deadlocks (pg_stat_database, server log)", limit: "0", value: `${deadlocks}, ${logDeadlocks.length}`, met: deadlocks === 0 && logDeadlocks.length === 0 },
      {
        what: "same record saved by two at once",
        limit: "one saved, one CONFLICT, every time",
        value: `${conflicts.length - conflictFailures.length} of ${conflicts.length}`,
        met: conflicts.length > 0 && conflictFailures.length === 0,
      },
      { what: "dashboard page p95", limit: `< ${DASHBOARD_P95_MS} ms`, value: dashboard ? `${dashboard.p95.toFixed(0)} ms` : "not measured", met: dashboard !== undefined && dashboard.p95 < DASHBOARD_P95_MS },
    ];

    const machine = { ...machineFacts(), postgres: postgresVersion };
    printReport({ routes, total, checks, conflicts, targets, duration, options, machine, logErrors, cpu });

    const result = {
      ranAt: new Date().toISOString(),
      machine,
      options,
      dataset: { seconds: generated, rowCounts: dataset.rowCounts, measuredTaskForce: taskForce.slug, people: plan.people.length, agencies },
      signInSeconds,
      durationSeconds: duration,
      cpu,
      routes: [...routes, total],
      writes: checks,
      conflicts,
      deadlocks: { pgStatDatabase: deadlocks, serverLogLines: logDeadlocks },
      serverLogErrorLines: logErrors.slice(0, 50),
      targets,
    };
    finishBench(options, result, targets);
  } finally {
    await server?.stop();
    await closeDatabase();
    await database.destroy();
  }
}

/* ---------- printing ---------- */

interface Report {
  routes: RouteReport[];
  total: RouteReport;
  checks: KindCheck[];
  conflicts: ConflictOutcome[];
  targets: Target[];
  duration: number;
  options: Options;
  machine: { cpus: number; cpuModel: string; node: string; postgres: string; loadAverageAtEnd: number[] };
  logErrors: string[];
  cpu: CpuShare[];
}

function printReport({ routes, total, checks, conflicts, targets, duration, options, machine, logErrors, cpu }: Report) {
  console.log(
    `\n${options.users} people for ${duration.toFixed(1)} s, ${describeThink(options.think)}, ${options.processes} server process(es), on ${machine.cpus} cores (${machine.cpuModel}), Node ${machine.node}, PostgreSQL ${machine.postgres}; ` +
      `load average at the end ${machine.loadAverageAtEnd.join(", ")} (latency in ms)\n`,
  );
  const cells = (route: RouteReport) => [route.route, ...latencyCells(route), String(route.non2xx), String(route.serverErrors), String(route.timeouts + route.connectionErrors)];
  printTable(["route", ...LATENCY_COLUMNS, "non-2xx", "5xx", "timeouts"], [...routes.map(cells), cells(total)]);
  if (cpu.length > 0) {
    console.log(`\nCPU during the load, in cores kept busy (of ${machine.cpus}): ${cpu.map((share) => `${share.what} ${share.cores.toFixed(2)}`).join(", ")}`);
  }

  console.log("\nWrites, checked in the database afterwards\n");
  printTable(
    ["kind", "sent", "acknowledged", "refused", "unanswered (stored)", "lost", "stored twice", "refused but stored"],
    checks.map((check) => [
      check.kind,
      String(check.sent),
      String(check.acknowledged),
      String(check.refused),
      `${check.unanswered} (${check.unansweredStored})`,
      String(check.lost),
      String(check.duplicated),
      String(check.refusedStored),
    ]),
  );
  for (const check of checks) for (const text of check.problems) console.log(`  ${check.kind}: ${text}`);
  const superseded = checks.reduce((sum, check) => sum + check.superseded, 0);
  if (superseded > 0) console.log(`  (${superseded} answers were replaced by the same person's later answer to the same element, as intended)`);

  console.log("\nConflict check: two people of one agency read the same version and save at once, during the load\n");
  for (const kind of ["gap", "contribution"] as const) {
    const trials = conflicts.filter((outcome) => outcome.kind === kind);
    const ok = trials.filter((outcome) => outcome.ok).length;
    console.log(`  ${kind}: ${ok} of ${trials.length} trials ended with one save and one CONFLICT`);
    for (const outcome of trials.filter((trial) => !trial.ok)) {
      console.log(`    trial ${outcome.trial} on ${outcome.record}: version ${outcome.version}, answers ${outcome.statuses.join(", ")} ${outcome.codes.filter(Boolean).join(", ")}`);
    }
  }
  if (logErrors.length > 0) {
    console.log(`\nThe server logged ${logErrors.length} lines mentioning an error; the first:`);
    for (const line of logErrors.slice(0, 5)) console.log(`  ${line.slice(0, 200)}`);
  }
  printTargets(targets);
}
