import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";

/*
 * Lighthouse's own CLI on one page, as a signed-in person sees it: headless Chromium (the system's,
 * CHROME_PATH, default /usr/bin/chromium; Lighthouse downloads no browser), its default mobile
 * profile (a mid-range phone on a slow 4G network, simulated from one unthrottled load), the
 * performance category only, and the session cookie sent with every request.
 */

const LIGHTHOUSE_CLI = path.join(process.cwd(), "node_modules", "lighthouse", "cli", "index.js");

/** The system's Chromium, as the e2e suite runs it; --no-sandbox because the benches run as root here. */
const CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu";

export interface LighthouseResult {
  url: string;
  /** 0–100. */
  score: number;
  firstContentfulPaintMs: number;
  largestContentfulPaintMs: number;
  totalBlockingTimeMs: number;
  /** JavaScript over the network, as transferred (compressed). */
  scriptKiB: number;
  /** Everything over the network, as transferred. */
  totalKiB: number;
  /** Lighthouse's measure of this machine's CPU speed (a recent desktop scores about 1,000 to 2,000). */
  benchmarkIndex: number;
  warnings: string[];
  /** The whole report, for a closer look. */
  reportFile: string;
}

interface Report {
  runtimeError?: { code: string; message: string };
  runWarnings: string[];
  environment: { benchmarkIndex: number };
  categories: { performance: { score: number | null } };
  audits: Record<string, { numericValue?: number; details?: { items?: { resourceType?: string; transferSize?: number }[] } }>;
}

/**
 * Lighthouse fails now and then for reasons of its own ("Something went wrong with recording the
 * trace over your page load. Please run Lighthouse again. (NO_NAVSTART)", seen here on a busy
 * machine), so a failed run is tried again, twice at most, before the bench gives up.
 */
const ATTEMPTS = 3;

export async function runLighthouse(url: string, cookie: string, reportFile: string): Promise<LighthouseResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await runOnce(url, cookie, reportFile);
    } catch (error) {
      if (attempt >= ATTEMPTS) throw error;
      console.log(`  Lighthouse failed (attempt ${attempt} of ${ATTEMPTS}), trying again: ${error instanceof Error ? error.message.split("\n").slice(0, 2).join(" ") : String(error)}`);
    }
  }
}

async function runOnce(url: string, cookie: string, reportFile: string): Promise<LighthouseResult> {
  const args = [
    LIGHTHOUSE_CLI,
    url,
    "--only-categories=performance",
    "--output=json",
    `--output-path=${reportFile}`,
    `--chrome-flags=${CHROME_FLAGS}`,
    `--extra-headers=${JSON.stringify({ Cookie: cookie })}`,
    "--quiet",
  ];
  const stderr: string[] = [];
  const code = await new Promise<number>((resolve, reject) => {
    const child = spawn(process.execPath, args, { env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH || "/usr/bin/chromium" }, stdio: ["ignore", "ignore", "pipe"] });
    child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk.toString()));
    child.once("error", reject);
    child.once("exit", (exitCode, signal) => resolve(exitCode ?? (signal ? 1 : 0)));
  });
  if (code !== 0) throw new Error(`Lighthouse failed on ${url} (exit code ${code}):\n${stderr.join("").trim().split("\n").slice(-10).join("\n")}`);
  const report = JSON.parse(readFileSync(reportFile, "utf8")) as Report;
  if (report.runtimeError) throw new Error(`Lighthouse could not measure ${url}: ${report.runtimeError.code} ${report.runtimeError.message}`);
  const audit = (id: string) => report.audits[id]?.numericValue ?? Number.NaN;
  const requests = report.audits["network-requests"]?.details?.items ?? [];
  const transferred = (items: typeof requests) => items.reduce((sum, item) => sum + (item.transferSize ?? 0), 0) / 1024;
  return {
    url,
    score: Math.round((report.categories.performance.score ?? Number.NaN) * 100),
    firstContentfulPaintMs: audit("first-contentful-paint"),
    largestContentfulPaintMs: audit("largest-contentful-paint"),
    totalBlockingTimeMs: audit("total-blocking-time"),
    scriptKiB: transferred(requests.filter((item) => item.resourceType === "Script")),
    totalKiB: transferred(requests),
    benchmarkIndex: report.environment.benchmarkIndex,
    warnings: report.runWarnings,
    reportFile,
  };
}
