/**
 * `npm test` (and `npm run test:all`, which installs first): every check, in order, and a summary.
 *
 *   typecheck   npm run typecheck                     counts as one test
 *   lint        npm run lint                          counts as one test
 *   unit        vitest --project unit                 each test counts
 *   integration vitest --project integration         each test counts; plus integration-postgres
 *               (+ integration-postgres)              when TEST_DATABASE_URL is set
 *   build       next build                            counts as one test; e2e is skipped if it fails
 *   e2e         playwright test                       each test counts
 *
 * A failing step does not stop the next one, so one run shows everything that is wrong. The last
 * line of output is exactly `N passed, N failed`; the exit code is non-zero when anything failed.
 * Test counts come from the runners' JSON reports in .data/test-results/.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";

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
}

function run(command: string, args: string[], env: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      stdio: "inherit",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
    });
    child.on("error", (error) => {
      console.error(`Could not run ${command}: ${error.message}`);
      resolve(127);
    });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
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
async function single(name: string, command: string, args: string[]): Promise<StepResult> {
  banner(name);
  const started = Date.now();
  const code = await run(command, args);
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

async function vitest(name: string, projects: string[]): Promise<StepResult> {
  banner(name);
  const started = Date.now();
  const report = path.join(RESULTS, `${name}.json`);
  rmSync(report, { force: true });
  const code = await run("npx", [
    "vitest",
    "run",
    ...projects.flatMap((project) => ["--project", project]),
    "--reporter=default",
    "--reporter=json",
    `--outputFile=${report}`,
  ]);
  const json = readJson(report) as { numPassedTests?: number; numFailedTests?: number } | null;
  const counts = json && typeof json.numPassedTests === "number" ? { passed: json.numPassedTests, failed: json.numFailedTests ?? 0 } : null;
  return counted(name, code, started, counts);
}

async function playwright(): Promise<StepResult> {
  banner("e2e");
  const started = Date.now();
  const report = path.join(RESULTS, "e2e.json");
  rmSync(report, { force: true });
  const code = await run("npx", ["playwright", "test"], { PLAYWRIGHT_JSON_OUTPUT_NAME: report });
  const json = readJson(report) as { stats?: { expected?: number; unexpected?: number; flaky?: number } } | null;
  const stats = json?.stats;
  const counts = stats ? { passed: (stats.expected ?? 0) + (stats.flaky ?? 0), failed: stats.unexpected ?? 0 } : null;
  return counted("e2e", code, started, counts);
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
}

async function main(): Promise<void> {
  mkdirSync(RESULTS, { recursive: true });
  const results: StepResult[] = [];

  results.push(await single("typecheck", "npm", ["run", "--silent", "typecheck"]));
  results.push(await single("lint", "npm", ["run", "--silent", "lint"]));
  results.push(await vitest("unit", ["unit"]));
  const integrationProjects = process.env.TEST_DATABASE_URL?.trim() ? ["integration", "integration-postgres"] : ["integration"];
  results.push(await vitest("integration", integrationProjects));

  const build = await single("build", "npx", ["tsx", "server/cli/app.ts", "build"]);
  results.push(build);
  if (build.status === "passed") {
    results.push(await playwright());
  } else {
    results.push({ name: "e2e", status: "skipped", passed: 0, failed: 0, seconds: 0, note: "build failed" });
  }

  printSummary(results);
  const passed = results.reduce((sum, result) => sum + result.passed, 0);
  const failed = results.reduce((sum, result) => sum + result.failed, 0);
  if (!process.env.TEST_DATABASE_URL?.trim()) {
    console.log("(integration ran on PGlite only; set TEST_DATABASE_URL to run it on PostgreSQL too)");
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 || results.some((result) => result.status === "failed") ? 1 : 0;
}

if (!existsSync(path.join(ROOT, "package.json"))) {
  console.error("Run the tests from the project folder (where package.json is).");
  process.exit(1);
}
void main();
