/**
 * `npm test` (and `npm run test:all`, which installs first): every check, in order, and a summary.
 *
 *   typecheck    npm run typecheck                        counts as one test   } side by side
 *   lint         npm run lint                             counts as one test   }
 *   unit         vitest --project unit                    each test counts     }
 *   integration  vitest --project integration (PGlite),   each test counts; the two databases run
 *                side by side with integration-postgres   side by side
 *                when TEST_DATABASE_URL is set
 *   clock        unit and the date-sensitive integration  each test counts; the instants run side
 *                files again at the hours that break      by side, and the build beside them
 *                date code
 *   build        next build                               counts as one test; budget and e2e are skipped if it fails
 *   budget       each route's first-load JavaScript       each route counts
 *                against its budget (bundleBudget.ts)
 *   e2e          playwright test, two workers each with   each test counts
 *                a server and database of its own,
 *                in English but for SPANISH_SPECS
 *   e2e-es       SPANISH_SPECS, read in Spanish           each test counts
 *
 * Every vitest run starts its clock (libfaketime) at one of the moments that break date code, in the
 * process time zone Pacific/Kiritimati (far from both UTC and Chicago, so nothing may lean on the
 * machine's zone either): see clockPlan() in testClock.ts.
 *
 * Steps side by side share the two cores of a CI machine: each alone would leave one mostly idle.
 * A failing step does not stop the next one, so one run shows everything that is wrong. The last
 * line of output is exactly `N passed, N failed`; the exit code is non-zero when anything failed.
 * Test counts come from the runners' JSON reports in .data/test-results/.
 *
 * `TEST_CLOCK=<ISO instant>` runs every step with the clock set to that instant (and moving on from
 * there), e.g. `TEST_CLOCK=2026-12-05T03:30:00Z npm test`.
 */
import { spawn, spawnSync } from "node:child_process";
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
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
  /** Write the output here instead of the terminal (for a step that runs beside another). */
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

interface SideBySideStep {
  /** The step's name; its log is .data/test-results/<name>.log. */
  name: string;
  /** The banner over its output, when it says more than the name. */
  title?: string;
  /** Runs the step, writing its output to `logFile` when one is given (else to the terminal). */
  run: (logFile: string | undefined) => Promise<StepResult>;
}

/**
 * Steps run at the same time. The first one's output goes to the terminal as it runs; the others'
 * is kept in files under .data/test-results and printed, each under its banner, when all are done,
 * so the outputs never interleave.
 */
async function sideBySide(steps: SideBySideStep[]): Promise<StepResult[]> {
  const logFile = (index: number) => (index === 0 ? undefined : path.join(RESULTS, `${steps[index]!.name}.log`));
  banner(steps[0]!.title ?? steps[0]!.name);
  const results = await Promise.all(steps.map((step, index) => step.run(logFile(index))));
  for (const [index, step] of steps.entries()) {
    if (index === 0) continue;
    banner(step.title ?? step.name);
    console.log(readFileSync(logFile(index)!, "utf8"));
  }
  return results;
}

/**
 * Counts from a runner's report. A crash before a test ran (config error, suite that fails to
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
 * The integration suite on both databases at once: PGlite is in-process and CPU-bound, PostgreSQL
 * waits on a server, so side by side they finish sooner than one after the other on two cores.
 */
async function integration(plan: ReturnType<typeof clockPlan>): Promise<StepResult[]> {
  const pglite = movedClock(plan.integration);
  const steps: SideBySideStep[] = [
    {
      name: "integration",
      run: (logFile) =>
        vitest({ name: "integration", projects: ["integration", "integration-isolated"], options: { ...pglite, logFile }, note: `PGlite, ${pglite.note}` }),
    },
  ];
  if (WITH_POSTGRES) {
    const postgres = movedClock(plan.integrationPostgres);
    steps.push({
      name: "integration-postgres",
      run: (logFile) =>
        vitest({
          name: "integration-postgres",
          projects: ["integration-postgres", "integration-postgres-isolated"],
          options: { ...postgres, logFile },
          note: `PostgreSQL, ${postgres.note}`,
        }),
    });
  }
  return sideBySide(steps);
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
 * task force's fails here every run. The instants run side by side, each vitest on one core, with
 * `beside` (the build) meanwhile, so the two cores stay busy.
 */
async function clockStep(plan: ReturnType<typeof clockPlan>, beside: SideBySideStep): Promise<StepResult[]> {
  if (!commandExists("faketime")) {
    banner("clock");
    console.error("The clock step needs libfaketime: `sudo apt-get install faketime` (.ci/run installs it).");
    return [{ name: "clock", status: "failed", passed: 0, failed: 1, seconds: 0, note: "faketime not installed" }, ...(await sideBySide([beside]))];
  }
  const files = clockStepFiles();
  const runs = plan.clockStep.map(
    (instant, index): SideBySideStep => ({
      name: `clock-${index + 1}`,
      title: `clock ${index + 1}/${plan.clockStep.length}: ${instant.label}, ${instant.at}`,
      run: (logFile) =>
        vitest({
          name: `clock-${index + 1}`,
          projects: instant.integration ? ["unit", "integration", "integration-isolated"] : ["unit"],
          files: instant.integration ? [...files.unit, ...files.integration] : files.unit,
          options: { clock: instant.at, env: { TZ: FAR_ZONE }, logFile },
          note: instant.integration ? instant.at : `${instant.at}, unit files`,
        }),
    }),
  );
  const [besideResult, ...results] = await sideBySide([beside, ...runs]);
  return [...results, besideResult!];
}

function commandExists(command: string): boolean {
  return spawnSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" }).status === 0;
}

/** Each route's first-load JavaScript against its budget (server/cli/bundleBudgets.ts), one test per route. */
async function bundleBudget(): Promise<StepResult> {
  banner("budget");
  const started = Date.now();
  const report = path.join(RESULTS, "budget.json");
  rmSync(report, { force: true });
  const code = await run("npx", ["tsx", "server/cli/bundleBudget.ts", "--report", report]);
  return counted("budget", code, started, readJson(report) as { passed: number; failed: number } | null);
}

/**
 * The specs the e2e step reads in Spanish (issue 21): the whole axe pass, over every role's pages, and
 * a full flow for each role (a round opened, answered by members and closed; gaps made, worked and
 * read by a funder; the funder's pages and portfolio; what a viewer may not do). Every other spec
 * reads English. Each spec passes in either language (`E2E_LOCALE`); CI has time to run each once.
 * Chosen also so that the two workers of the Spanish run finish together (the axe pass is one file).
 */
const SPANISH_SPECS = ["pages-a11y.spec.ts", "assessments-flow.spec.ts", "gaps.spec.ts", "funder.spec.ts", "funder-portfolio.spec.ts", "tenancy.spec.ts"];

/** One Playwright run: `language` is E2E_LOCALE; `only` its specs, else every spec but the Spanish ones. */
async function playwright(name: string, language: "en" | "es", only?: readonly string[]): Promise<StepResult> {
  banner(name);
  const started = Date.now();
  const report = path.join(RESULTS, `${name}.json`);
  rmSync(report, { force: true });
  const env = { PLAYWRIGHT_JSON_OUTPUT_NAME: report, E2E_LOCALE: language, E2E_SKIP_SPECS: only ? "" : SPANISH_SPECS.join(",") };
  const code = await run("npx", ["playwright", "test", ...(only ?? []).map((spec) => `e2e/${spec}`)], { env });
  const json = readJson(report) as PlaywrightReport | null;
  const stats = json?.stats;
  const counts = stats ? { passed: (stats.expected ?? 0) + (stats.flaky ?? 0), failed: stats.unexpected ?? 0 } : null;
  const note = language === "es" ? "in Spanish" : "in English";
  return { ...counted(name, code, started, counts), note, failures: json ? playwrightFailures(json.suites ?? []) : [] };
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
  const results: StepResult[] = [];
  const plan = clockPlan({ withPostgres: WITH_POSTGRES });
  const unitClock = movedClock(plan.unit);

  results.push(
    ...(await sideBySide([
      { name: "typecheck", run: (logFile) => single("typecheck", "npm", ["run", "--silent", "typecheck"], { logFile }) },
      { name: "lint", run: (logFile) => single("lint", "npm", ["run", "--silent", "lint"], { logFile }) },
      { name: "unit", run: (logFile) => vitest({ name: "unit", projects: ["unit"], options: { ...unitClock, logFile }, note: unitClock.note }) },
    ])),
  );
  results.push(...(await integration(plan)));
  // The build skips its own type check when the typecheck step passed (next.config.js).
  const typecheckPassed = results.find((result) => result.name === "typecheck")?.status === "passed";
  const afterTypecheck: Record<string, string> = typecheckPassed ? { BUILD_TYPECHECKED: "1" } : {};
  const clockAndBuild = await clockStep(plan, { name: "build", run: (logFile) => single("build", "npx", ["tsx", "server/cli/app.ts", "build"], { logFile, env: afterTypecheck }) });
  results.push(...clockAndBuild);
  const build = clockAndBuild.at(-1)!;
  if (build.status === "passed") {
    results.push(await bundleBudget());
    results.push(await playwright("e2e", "en"));
    results.push(await playwright("e2e-es", "es", SPANISH_SPECS));
  } else {
    for (const name of ["budget", "e2e", "e2e-es"]) results.push({ name, status: "skipped", passed: 0, failed: 0, seconds: 0, note: "build failed" });
  }

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
