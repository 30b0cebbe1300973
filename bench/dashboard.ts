/*
 * `npm run bench` (or `npm run bench -- dashboard`): how fast the task force's home page
 * (/tf/[slug]/dashboard) and the funder portfolio get their data, on a data set the size of a large
 * task force five years in.
 *
 * Speed targets belong here, not in tests: tests must be deterministic, and timings on a shared
 * two-core machine are not. This script
 *   1. opens a fresh database: in-memory PGlite, or a new database on the PostgreSQL server of
 *      BENCH_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test), dropped at the end;
 *   2. generates the data set (bench/dataset.ts): Bench Task Force 1 — 60 organizations, 150
 *      people, 5 years of meetings, gaps, action items, assessment rounds, contributions, 3 awards,
 *      30 MOUs — beside 20 smaller task forces, then ANALYZEs (as autovacuum would after a load);
 *   3. calls, as Bench Task Force 1's coordinator and through createCaller with a real context (the
 *      path a request takes), each procedure the dashboard reads (read from its folder), alone
 *      and all at once as the page does, and `funder.portfolio` as a funder of five task forces;
 *   4. records the SQL each one issues, compares the statement count with the same call on a small
 *      task force (a count that grows with the data is an N+1), and EXPLAINs every statement,
 *      reporting sequential scans of large tables;
 *   5. prints a table, writes it as JSON (.data/bench/dashboard.json unless --out says otherwise) and
 *      exits 1 when a target below is missed (--no-fail only reports).
 *
 * `npm run bench -- scale` does the same on PostgreSQL only (BENCH_DATABASE_URL, by default the local
 * server) with the data set at national scale: the measured task force beside 499 others (about
 * 25,000 organizations, a million attendance rows and assessment responses, two million
 * contribution values; bench/dataset.ts NATIONAL_SIZE). The targets are the same: a query that
 * picks one tenant's rows through an index takes as long beside 499 tenants as beside 20.
 *
 * Options: --runs N (timed runs, default 30), --warmup N (default 5), --out FILE, --no-fail.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { closeDatabase, installDatabase } from "@/db/client";
import { callProcedure } from "@/server/testing/factories";
import { createTestDatabase } from "@/server/testing/testDatabase";
import type { SessionUser } from "@/server/trpc/context";
import { BENCH_SIZE, FUNDED_TASK_FORCES, MEASURED_PROFILE, NATIONAL_SIZE, type DatasetSize, type RowCounts } from "./dataset";
import { generateDataset } from "./generate";
import { PlanInspector, StatementRecorder, type Statement, type StatementPlan } from "./queryPlans";
import { optionReader, postgresServerUrl, type ResultOptions } from "./options";
import { finishBench, percentile, printTable, printTargets, type Target } from "./report";

/* ---------- targets, and why these numbers ---------- */

/**
 * The page prefetches every widget on the server before it sends a byte, so their sum (PGlite
 * runs one statement at a time) is most of the time to first byte. 300 ms for all of them leaves
 * room for rendering within half a second on the small server a task force self-hosts on.
 */
const DASHBOARD_P95_MS = 300;
/** No single widget may take more than half of that budget: one slow widget holds up the whole page. */
const WIDGET_P95_MS = 150;
/** The portfolio is the funder's one page; five task forces at once get the same budget as one dashboard. */
const PORTFOLIO_P95_MS = 300;
/** "A few thousand rows": below this a sequential scan is as good as an index (a few pages). */
const LARGE_TABLE_ROWS = 3_000;

/* ---------- options ---------- */

interface Options extends ResultOptions {
  runs: number;
  warmup: number;
}

function parseOptions(argv: readonly string[], name: string): Options {
  const { count, results } = optionReader(argv);
  return {
    runs: count("--runs", 30, 1),
    warmup: count("--warmup", 5),
    ...results(`${name}.json`),
  };
}

/* ---------- the procedures measured ---------- */

const DASHBOARD_FOLDER = path.join("app", "(app)", "tf", "[slug]", "dashboard");

/**
 * The procedures the dashboard reads (each widget reads its own; the page prefetches the person's
 * tasks and the setup checklist), from the source of its folder so that a new widget is measured
 * without touching the benchmark (those files are server-only React code that tsx cannot run).
 * Two widgets that read one procedure share one call on the page, so each is listed once. The
 * coordinator measured holds every permission, so every read of the page counts.
 */
function dashboardProcedures(): string[] {
  const files = readdirSync(DASHBOARD_FOLDER).filter((file) => /\.tsx?$/.test(file));
  const source = files.map((file) => readFileSync(path.join(DASHBOARD_FOLDER, file), "utf8")).join("\n");
  const paths = [...source.matchAll(/trpc\.(\w+)\.(\w+)\.queryOptions/g)].map((match) => `${match[1]}.${match[2]}`);
  if (paths.length === 0) throw new Error(`found no procedure read in ${DASHBOARD_FOLDER}; the benchmark reads them as trpc.<router>.<procedure>.queryOptions`);
  return [...new Set(paths)].sort();
}

const PORTFOLIO_PROCEDURE = "funder.portfolio";

/* ---------- timing ---------- */

interface Timing {
  p50: number;
  p95: number;
  max: number;
  runs: number;
}

async function time(work: () => Promise<unknown>, options: Options): Promise<Timing> {
  for (let run = 0; run < options.warmup; run++) await work();
  const samples: number[] = [];
  for (let run = 0; run < options.runs; run++) {
    const started = performance.now();
    await work();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p95: percentile(samples, 95), max: samples.at(-1) ?? Number.NaN, runs: samples.length };
}

/* ---------- statements and plans ---------- */

interface QueryReport {
  /** Statements issued for the measured (large) task force, and for the small one. */
  count: number;
  countOnSmall: number;
  /** More statements on more data: a query per record somewhere (N+1). */
  grows: boolean;
  /** Each distinct statement text of the measured call, slowest first, with how often it ran. */
  statements: (StatementPlan & { sql: string; times: number })[];
}

async function inspect(recorder: StatementRecorder, inspector: PlanInspector, onLarge: () => Promise<unknown>, onSmall: () => Promise<unknown>): Promise<QueryReport> {
  const measured = await recorder.record(onLarge);
  const small = await recorder.record(onSmall);
  // The same text with other parameters is the same query run again (in a loop, or once per record); it plans alike.
  const byText = new Map<string, { first: Statement; times: number }>();
  for (const statement of measured) {
    const seen = byText.get(statement.sql);
    if (seen) seen.times += 1;
    else byText.set(statement.sql, { first: statement, times: 1 });
  }
  const statements: QueryReport["statements"] = [];
  for (const [text, { first, times }] of byText) statements.push({ sql: text, times, ...(await inspector.inspect(first)) });
  statements.sort((a, b) => (b.databaseMs ?? 0) - (a.databaseMs ?? 0));
  return { count: measured.length, countOnSmall: small.length, grows: measured.length > small.length, statements };
}

const sequentialScansOf = (queries: QueryReport) => queries.statements.flatMap((statement) => statement.sequentialScans.map((scan) => ({ ...scan, sql: statement.sql })));

/* ---------- the run ---------- */

const ms = (value: number) => `${value.toFixed(1)} ms`;

/** What a run measures on: its name (of the results file too), the data set's size and the PostgreSQL server, if one (else PGlite in memory). */
interface BenchSetup {
  name: string;
  size: DatasetSize;
  adminUrl: string | undefined;
}

/** `npm run bench [-- dashboard] [options]`; `argv` holds the options only. */
export const runDashboardBench = (argv: readonly string[]) => runProcedureBench(argv, { name: "dashboard", size: BENCH_SIZE, adminUrl: process.env.BENCH_DATABASE_URL?.trim() });

/** `npm run bench -- scale [options]`: a national data set is PostgreSQL's to hold (PGlite keeps it all in memory). */
export const runScaleBench = (argv: readonly string[]) => runProcedureBench(argv, { name: "scale", size: NATIONAL_SIZE, adminUrl: postgresServerUrl() });

async function runProcedureBench(argv: readonly string[], { name, size, adminUrl }: BenchSetup): Promise<void> {
  const options = parseOptions(argv, name);
  const recorder = new StatementRecorder();
  const database = await createTestDatabase(adminUrl ? { kind: "postgres", adminUrl } : { kind: "pglite" }, { logger: recorder });
  installDatabase(database.handle);
  try {
    console.log(`Database: ${database.handle.kind}${adminUrl ? ` (${database.name}, dropped afterwards)` : " (in memory)"}`);
    const { dataset, seconds } = await generateDataset(MEASURED_PROFILE, size);
    console.log(`Data set: ${seconds.bulk.toFixed(1)} s bulk load, ${seconds.grants.toFixed(1)} s awards through the API`);
    const listed = (counts: RowCounts) =>
      Object.entries(counts)
        .map(([table, rows]) => `${table} ${rows}`)
        .join(", ");
    console.log(`${dataset.measured.name}: ${listed(dataset.rowCounts.measured)}`);
    console.log(`All ${dataset.all.length} task forces: ${listed(dataset.rowCounts.all)}`);

    const call = (user: SessionUser, procedure: string, input?: unknown) => () => callProcedure(user, procedure, input);
    const onMeasured = (procedure: string) => call(dataset.measured.coordinator, procedure, { taskForceSlug: dataset.measured.slug });
    const onSmall = (procedure: string) => call(dataset.small.coordinator, procedure, { taskForceSlug: dataset.small.slug });
    const inspector = new PlanInspector(database.handle.db, LARGE_TABLE_ROWS);

    const procedures = dashboardProcedures();
    const widgets = [];
    for (const procedure of procedures) {
      const timing = await time(onMeasured(procedure), options);
      widgets.push({ procedure, timing, queries: await inspect(recorder, inspector, onMeasured(procedure), onSmall(procedure)) });
    }
    const dashboard = await time(() => Promise.all(procedures.map((procedure) => onMeasured(procedure)())), options);

    const portfolioCall = call(dataset.portfolioFunder, PORTFOLIO_PROCEDURE);
    const portfolio = {
      procedure: PORTFOLIO_PROCEDURE,
      timing: await time(portfolioCall, options),
      queries: await inspect(recorder, inspector, portfolioCall, call(dataset.singleFunder, PORTFOLIO_PROCEDURE)),
    };

    const targets: Target[] = [
      ...widgets.map(({ procedure, timing }) => ({ what: `${procedure} p95`, limit: `≤ ${WIDGET_P95_MS} ms`, value: ms(timing.p95), met: timing.p95 <= WIDGET_P95_MS })),
      { what: "whole dashboard p95", limit: `≤ ${DASHBOARD_P95_MS} ms`, value: ms(dashboard.p95), met: dashboard.p95 <= DASHBOARD_P95_MS },
      { what: `${PORTFOLIO_PROCEDURE} p95`, limit: `≤ ${PORTFOLIO_P95_MS} ms`, value: ms(portfolio.timing.p95), met: portfolio.timing.p95 <= PORTFOLIO_P95_MS },
      ...[...widgets, portfolio].map(({ procedure, queries }) => ({
        what: `${procedure} statements`,
        limit: "no more on more data",
        value: `${queries.count} (small: ${queries.countOnSmall})`,
        met: !queries.grows,
      })),
      ...[...widgets, portfolio].map(({ procedure, queries }) => {
        const scans = sequentialScansOf(queries);
        return {
          what: `${procedure} sequential scans`,
          limit: `none on tables over ${LARGE_TABLE_ROWS} rows`,
          value: scans.map((scan) => `${scan.table} (${scan.tableRows} rows)`).join(", ") || "none",
          met: scans.length === 0,
        };
      }),
    ];

    printReport({ widgets, dashboard, portfolio, targets, options, taskForce: dataset.measured.name });

    const result = {
      database: database.handle.kind,
      ranAt: new Date().toISOString(),
      runs: options.runs,
      warmup: options.warmup,
      dataset: { seconds, rowCounts: dataset.rowCounts, measuredTaskForce: dataset.measured.slug, taskForces: dataset.all.length },
      widgets,
      dashboard,
      portfolio,
      targets,
    };
    finishBench(options, result, targets);
  } finally {
    await closeDatabase();
    await database.destroy();
  }
}

interface Measured {
  procedure: string;
  timing: Timing;
  queries: QueryReport;
}

interface Report {
  widgets: Measured[];
  dashboard: Timing;
  portfolio: Measured;
  targets: Target[];
  options: Options;
  taskForce: string;
}

const oneLine = (text: string, length = 160) => (text.length > length ? `${text.slice(0, length - 1)}…` : text);

function printReport({ widgets, dashboard, portfolio, targets, options, taskForce }: Report) {
  const timingCells = (timing: Timing) => [timing.p50.toFixed(1), timing.p95.toFixed(1), timing.max.toFixed(1)];
  const databaseMs = (queries: QueryReport) => queries.statements.reduce((sum, statement) => sum + (statement.databaseMs ?? 0) * statement.times, 0);
  const queryCells = (timing: Timing, queries: QueryReport) => [
    `${queries.count}${queries.grows ? ` (small ${queries.countOnSmall}: N+1)` : ""}`,
    databaseMs(queries).toFixed(1),
    (timing.p50 / databaseMs(queries)).toFixed(1),
    String(sequentialScansOf(queries).length),
  ];
  console.log(`\n${taskForce}, as its coordinator: ${options.warmup} warm-up and ${options.runs} timed runs each (ms)\n`);
  printTable(
    ["procedure", "p50", "p95", "max", "statements", "in database", "p50 ÷ database", "large seq scans"],
    [
      ...widgets.map(({ procedure, timing, queries }) => [procedure, ...timingCells(timing), ...queryCells(timing, queries)]),
      ["whole dashboard (all at once)", ...timingCells(dashboard), String(widgets.reduce((sum, widget) => sum + widget.queries.count, 0)), "", "", ""],
      [`${portfolio.procedure} (funds ${FUNDED_TASK_FORCES})`, ...timingCells(portfolio.timing), ...queryCells(portfolio.timing, portfolio.queries)],
    ],
  );
  console.log(
    "\n'in database': planning and execution of each statement once more under EXPLAIN ANALYZE; the rest of a call is driver, mapping and JavaScript." +
      "\n'p50 ÷ database': how many times its time in the database a call takes (statements of one call may overlap, so it can be under 1).",
  );

  const measured = [...widgets, portfolio];
  const slowest = measured
    .flatMap(({ procedure, queries }) => queries.statements.map((statement) => ({ procedure, ...statement })))
    .sort((a, b) => (b.databaseMs ?? 0) - (a.databaseMs ?? 0))
    .slice(0, 5);
  console.log("\nSlowest statements (ms in the database, times run per call)\n");
  for (const statement of slowest) console.log(`  ${(statement.databaseMs ?? 0).toFixed(1).padStart(6)}  ×${statement.times}  ${statement.procedure}: ${oneLine(statement.sql)}`);

  const scans = measured.flatMap(({ procedure, queries }) => sequentialScansOf(queries).map((scan) => ({ procedure, ...scan })));
  if (scans.length > 0) {
    console.log("\nSequential scans of large tables\n");
    for (const scan of scans) console.log(`  ${scan.procedure}: ${scan.table} (${scan.tableRows} rows, ${scan.plannedRows} planned) in ${oneLine(scan.sql)}`);
  }
  printTargets(targets);
}
