/**
 * `npm test` (and `npm run test:all`, which installs first): every check, in order, and a summary.
 *
 *   step         what it runs                             counts                  starts when
 *   typecheck    npm run typecheck                        as one test             at once
 *   lint         npm run lint                             as one test             at once
 *   unit         vitest --project unit                    each test               at once
 *   integration  vitest --project integration (PGlite)    each test               typecheck, lint, unit are done
 *   integration-postgres  the same on PostgreSQL, when    each test               typecheck, lint, unit are done
 *                TEST_DATABASE_URL is set
 *   clock-N      unit and the date-sensitive integration  each test               integration is done (unit
 *                files again at the hours that break                              files only: both are)
 *                date code
 *   build        next build                               as one test             integration is done
 *   budget       each route's first-load JavaScript       each route              the build is done
 *                against its budget (bundleBudget.ts)
 *   e2e          playwright test, two workers each with   each test               the budget is done
 *                a server and database of its own
 *
 * Every vitest run starts its clock (libfaketime) at one of the moments that break date code, in the
 * process time zone Pacific/Kiritimati (far from both UTC and Chicago, so nothing may lean on the
 * machine's zone either): see clockPlan() in testClock.ts.
 *
 * Steps start as soon as what they need is done (jobGraph.ts), so the two cores of a CI machine
 * stay busy: most steps alone leave one mostly idle. A failing step does not stop the next one
 * (budget and e2e are skipped when the build fails), so one run shows everything that is wrong. The last
 * line of output is exactly `N passed, N failed`; the exit code is non-zero when anything failed.
 * Test counts come from the runners' JSON reports in .data/test-results/.
 *
 * `TEST_CLOCK=<ISO instant>` runs every step with the clock set to that instant (and moving on from
 * there), e.g. `TEST_CLOCK=2026-12-05T03:30:00Z npm test`.
 */
import { spawn, spawnSync } from "node:child_process";
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { runJobs, type Job } from "./jobGraph";
import { clockPlan, type ClockInstant } from "./testClock";
import { playwrightFailures, vitestFailures, type PlaywrightReport, type VitestReport } from "./testReports";

const ROOT = process.cwd();
const RESULTS = path.join(ROOT, ".data", "test-results");

type Status = "passed" | "failed" | "skipped";
interface StepResult {
  name: string;
  status: Status;
  passed: number;
  failed: number;
  seconds: number;
  note?: string;
  /** The failed tests, each as "file › test: first line of the error", repeated under the summary. */
  failures?: string[];
}

/** Date-sensitive integration files: those that build dates, read the clock or work with periods. */
const DATE_SENSITIVE = /dateFromToday|currentTime|todayIn|dateInZone|addDays|runReminders|[pP]eriod|dueOn|closesOn|opensOn|expiresOn|effectiveOn|startsAt|Date\.now|new Date\(\)/;

/** The whole run's own clock (`TEST_CLOCK`), when one was asked for. */
const RUN_CLOCK = process.env.TEST_CLOCK?.trim() || undefined;

/** A time zone far from both UTC and Chicago, for the runs at a moved clock. */
const FAR_ZONE = "Pacific/Kiritimati";

const WITH_POSTGRES = Boolean(process.env.TEST_DATABASE_URL?.trim());

interface RunOptions {
  env?: Record<string, string>;
  /** Start the command's clock at this instant (libfaketime); it then moves with real time. */
  clock?: string;
  /** Write the output here instead of the terminal (every step of the graph has a file of its own). */
  logFile?: string;
}

/**
 * libfaketime shifts every clock the process and its children read (Node's Date, PGlite's now(),
 * next start, Chromium) by a fixed offset, so time still moves. The offset is relative, so it does
 * not depend on the process's TZ, which the clock step also changes.
 */
function clockWrapped(command: string, args: string[], clock: string | undefined): [string, string[]] {
  if (!clock) return [command, args];
  const offsetSeconds = Math.round((Date.parse(clock) - Date.now()) / 1000);
  return ["faketime", ["-f", `${offsetSeconds >= 0 ? "+" : ""}${offsetSeconds}`, command, ...args]];
}

function run(command: string, args: string[], options: RunOptions = {}): Promise<number> {
  const [wrappedCommand, wrappedArgs] = clockWrapped(command, args, options.clock ?? RUN_CLOCK);
  return new Promise((resolve) => {
    const log = options.logFile ? openSync(options.logFile, "w") : undefined;
    const child = spawn(wrappedCommand, wrappedArgs, {
      stdio: log === undefined ? "inherit" : ["ignore", log, log],
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...options.env },
    });
    const finish = (code: number) => {
      if (log !== undefined) closeSync(log);
      resolve(code);
    };
    child.on("error", (error) => {
      console.error(`Could not run ${wrappedCommand}: ${error.message}`);
      finish(127);
    });
    child.on("exit", (code, signal) => finish(code ?? (signal ? 1 : 0)));
  });
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

function banner(title: string): void {
  console.log(`\n━━━ ${title} ${"━".repeat(Math.max(0, 70 - title.length))}`);
}

/** A check that is one test: it passes when the command exits 0. */
async function single(name: string, command: string, args: string[], options: RunOptions = {}): Promise<StepResult> {
  const started = Date.now();
  const code = await run(command, args, options);
  const ok = code === 0;
  return { name, status: ok ? "passed" : "failed", passed: ok ? 1 : 0, failed: ok ? 0 : 1, seconds: (Date.now() - started) / 1000 };
}

/**
 * Counts from a runner's report. A crash before any test ran (config error, suite that fails to
 * import) still exits non-zero; it then counts as one failure so it shows in the final line.
 */
function counted(name: string, code: number, started: number, counts: { passed: number; failed: number } | null): StepResult {
  const seconds = (Date.now() - started) / 1000;
  if (!counts) {
    return { name, status: code === 0 ? "passed" : "failed", passed: 0, failed: code === 0 ? 0 : 1, seconds, note: "no report" };
  }
  const failed = code !== 0 && counts.failed === 0 ? 1 : counts.failed;
  const note = code !== 0 && counts.failed === 0 ? "runner failed outside a test" : undefined;
  return { name, status: failed === 0 ? "passed" : "failed", passed: counts.passed, failed, seconds, note };
}

interface VitestRun {
  name: string;
  projects: string[];
  files?: string[];
  options?: RunOptions;
  note?: string;
}

async function vitest({ name, projects, files = [], options = {}, note }: VitestRun): Promise<StepResult> {
  const started = Date.now();
  const report = path.join(RESULTS, `${name}.json`);
  rmSync(report, { force: true });
  const code = await run(
    "npx",
    ["vitest", "run", ...projects.flatMap((project) => ["--project", project]), "--reporter=default", "--reporter=json", `--outputFile=${report}`, ...files],
    options,
  );
  const json = readJson(report) as VitestReport | null;
  const counts = json && typeof json.numPassedTests === "number" ? { passed: json.numPassedTests, failed: json.numFailedTests ?? 0 } : null;
  const result = { ...counted(name, code, started, counts), failures: json ? vitestFailures(json, ROOT) : [] };
  return note && !result.note ? { ...result, note } : result;
}


/**
 * A vitest run's clock and zone: the instant of the plan (or the whole run's TEST_CLOCK) in a far
 * time zone, or the real time and zone where libfaketime is missing (the clock step then fails).
 */
function movedClock(instant: ClockInstant): Pick<RunOptions, "clock" | "env"> & { note: string } {
  if (RUN_CLOCK) return { clock: RUN_CLOCK, note: `clock at ${RUN_CLOCK}` };
  if (!commandExists("faketime")) return { note: "real time: faketime not installed" };
  return { clock: instant.at, env: { TZ: FAR_ZONE }, note: `clock at ${instant.at}` };
}

/**
 * What the clock step runs: every unit test file, and the integration files whose tests deal in
 * dates. Named one by one, because file filters apply to every project of one vitest run.
 */
function clockStepFiles(): { unit: string[]; integration: string[] } {
  const files = { unit: [] as string[], integration: [] as string[] };
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith(".int.test.ts")) {
        if (DATE_SENSITIVE.test(readFileSync(full, "utf8"))) files.integration.push(path.relative(ROOT, full));
      } else if (entry.name.endsWith(".test.ts")) files.unit.push(path.relative(ROOT, full));
    }
  };
  for (const folder of ["app", "server", "db"]) walk(path.join(ROOT, folder));
  return { unit: files.unit.sort(), integration: files.integration.sort() };
}

/**
 * The clock step: unit tests and the date-sensitive integration files again at the instants of
 * clockPlan() (only the unit files where the instant says so). A test that takes UTC's date for the
 * task force's fails here every run. A run with integration files starts when PGlite's integration
 * run has finished (it runs the same files on the same kind of database); a run of unit files only
 * when every integration run has.
 */
function clockJobs(plan: ReturnType<typeof clockPlan>, integrationJobs: string[]): Job<StepResult[]>[] {
  if (!commandExists("faketime")) {
    return [
      {
        name: "clock",
        after: integrationJobs,
        run: async (logFile) => {
          writeFileSync(logFile, "The clock step needs libfaketime: `sudo apt-get install faketime` (.ci/run installs it).\n");
          return [{ name: "clock", status: "failed", passed: 0, failed: 1, seconds: 0, note: "faketime not installed" }];
        },
      },
    ];
  }
  const files = clockStepFiles();
  return plan.clockStep.map((instant, index) => ({
    name: `clock-${index + 1}`,
    title: `clock ${index + 1}/${plan.clockStep.length}: ${instant.label}, ${instant.at}`,
    after: instant.integration ? ["integration"] : integrationJobs,
    run: async (logFile) => [
      await vitest({
        name: `clock-${index + 1}`,
        projects: instant.integration ? ["unit", "integration", "integration-isolated"] : ["unit"],
        files: instant.integration ? [...files.unit, ...files.integration] : files.unit,
        options: { clock: instant.at, env: { TZ: FAR_ZONE }, logFile },
        note: instant.integration ? instant.at : `${instant.at}, unit files`,
      }),
    ],
  }));
}

function commandExists(command: string): boolean {
  return spawnSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" }).status === 0;
}

/** Each route's first-load JavaScript against its budget (server/cli/bundleBudgets.ts), one test per route. */
async function bundleBudget(logFile: string): Promise<StepResult> {
  const started = Date.now();
  const report = path.join(RESULTS, "budget.json");
  rmSync(report, { force: true });
  const code = await run("npx", ["tsx", "server/cli/bundleBudget.ts", "--report", report], { logFile });
  return counted("budget", code, started, readJson(report) as { passed: number; failed: number } | null);
}

async function playwright(logFile: string): Promise<StepResult> {
  const started = Date.now();
  const report = path.join(RESULTS, "e2e.json");
  rmSync(report, { force: true });
  const code = await run("npx", ["playwright", "test"], { env: { PLAYWRIGHT_JSON_OUTPUT_NAME: report }, logFile });
  const json = readJson(report) as PlaywrightReport | null;
  const stats = json?.stats;
  const counts = stats ? { passed: (stats.expected ?? 0) + (stats.flaky ?? 0), failed: stats.unexpected ?? 0 } : null;
  return { ...counted("e2e", code, started, counts), failures: json ? playwrightFailures(json.suites ?? []) : [] };
}

function printSummary(results: StepResult[]): void {
  const rows = results.map((result) => [
    result.name,
    result.status,
    String(result.passed),
    String(result.failed),
    `${result.seconds.toFixed(1)}s`,
    result.note ?? "",
  ]);
  const header = ["step", "result", "passed", "failed", "time", "note"];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)));
  const format = (row: string[]) => row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join("  ").trimEnd();
  banner("summary");
  console.log(format(header));
  console.log(widths.map((width) => "─".repeat(width)).join("  "));
  for (const row of rows) console.log(format(row));
  // The end of a long CI log is often all anyone sees of it: name what failed there.
  const failures = results.flatMap((result) => (result.failures ?? []).map((failure) => `${result.name}: ${failure}`));
  if (failures.length > 0) {
    console.log(`\nfailed tests:`);
    for (const failure of failures) console.log(`  ${failure}`);
  }
}

async function main(): Promise<void> {
  mkdirSync(RESULTS, { recursive: true });
  if (RUN_CLOCK && (Number.isNaN(Date.parse(RUN_CLOCK)) || !commandExists("faketime"))) {
    console.error(`TEST_CLOCK needs an ISO instant such as 2026-12-05T03:30:00Z and libfaketime (\`sudo apt-get install faketime\`); got "${RUN_CLOCK}".`);
    process.exit(2);
  }
  const plan = clockPlan({ withPostgres: WITH_POSTGRES });
  const unitClock = movedClock(plan.unit);
  const pglite = movedClock(plan.integration);
  const postgres = movedClock(plan.integrationPostgres);
  const firstSteps = ["typecheck", "lint", "unit"];
  const integrationJobs = WITH_POSTGRES ? ["integration", "integration-postgres"] : ["integration"];
  const one = async (result: Promise<StepResult>) => [await result];
  const buildFailed = (finished: ReadonlyMap<string, StepResult[]>) => finished.get("build")?.[0]?.status !== "passed";
  const skipped = (name: string): StepResult[] => [{ name, status: "skipped", passed: 0, failed: 0, seconds: 0, note: "build failed" }];

  const jobs: Job<StepResult[]>[] = [
    { name: "typecheck", run: (logFile) => one(single("typecheck", "npm", ["run", "--silent", "typecheck"], { logFile })) },
    { name: "lint", run: (logFile) => one(single("lint", "npm", ["run", "--silent", "lint"], { logFile })) },
    { name: "unit", run: (logFile) => one(vitest({ name: "unit", projects: ["unit"], options: { ...unitClock, logFile }, note: unitClock.note })) },
    // The two databases side by side: PGlite is in-process and CPU-bound, PostgreSQL waits on a
    // server, so together they finish sooner than one after the other on two cores.
    {
      name: "integration",
      after: firstSteps,
      run: (logFile) =>
        one(vitest({ name: "integration", projects: ["integration", "integration-isolated"], options: { ...pglite, logFile }, note: `PGlite, ${pglite.note}` })),
    },
    ...(WITH_POSTGRES
      ? [
          {
            name: "integration-postgres",
            after: firstSteps,
            run: (logFile: string) =>
              one(
                vitest({
                  name: "integration-postgres",
                  projects: ["integration-postgres", "integration-postgres-isolated"],
                  options: { ...postgres, logFile },
                  note: `PostgreSQL, ${postgres.note}`,
                }),
              ),
          },
        ]
      : []),
    ...clockJobs(plan, integrationJobs),
    // The build starts beside the clock runs, once PGlite's integration run has freed its core; it
    // skips its own type check when the typecheck step passed (next.config.js).
    {
      name: "build",
      after: ["integration"],
      run: (logFile, finished) =>
        one(single("build", "npx", ["tsx", "server/cli/app.ts", "build"], { logFile, env: finished.get("typecheck")?.[0]?.status === "passed" ? { BUILD_TYPECHECKED: "1" } : {} })),
    },
    { name: "budget", after: ["build"], run: async (logFile, finished) => (buildFailed(finished) ? skipped("budget") : [await bundleBudget(logFile)]) },
    // The end-to-end suite starts as soon as there is a build, while the clock runs may still go on.
    { name: "e2e", after: ["budget"], run: async (logFile, finished) => (buildFailed(finished) ? skipped("e2e") : [await playwright(logFile)]) },
  ];
  const finished = await runJobs(jobs, (name) => path.join(RESULTS, `${name}.log`), banner);
  const results = jobs.flatMap((job) => finished.get(job.name) ?? []);

  printSummary(results);
  const passed = results.reduce((sum, result) => sum + result.passed, 0);
  const failed = results.reduce((sum, result) => sum + result.failed, 0);
  if (!WITH_POSTGRES) {
    console.log("(integration ran on PGlite only; set TEST_DATABASE_URL to run it on PostgreSQL too)");
  }
  if (RUN_CLOCK) console.log(`(every step but the clock step ran with its clock starting at ${RUN_CLOCK})`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 || results.some((result) => result.status === "failed") ? 1 : 0;
}

if (!existsSync(path.join(ROOT, "package.json"))) {
  console.error("Run the tests from the project folder (where package.json is).");
  process.exit(1);
}
void main();
