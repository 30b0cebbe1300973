import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { ResultOptions } from "./options";

/* What every benchmark ends with: percentiles, tables, its targets, a JSON file and an exit code. */

/** Nearest-rank percentile of sorted samples. */
export const percentile = (sorted: readonly number[], p: number) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;

/** How many answers a route gave and how fast: latencies in ms. */
export interface LatencySummary {
  requests: number;
  perSecond: number;
  /** Mean size of an answer, as the load tool counts it: the decoded body (the HTTP bench, fetch), headers and body as sent (autocannon). */
  kibPerAnswer: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function latencySummary(latenciesMs: readonly number[], bytes: number, seconds: number): LatencySummary {
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  return {
    requests: sorted.length,
    perSecond: sorted.length / seconds,
    kibPerAnswer: sorted.length === 0 ? 0 : bytes / sorted.length / 1024,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? Number.NaN,
  };
}

export const LATENCY_COLUMNS = ["requests", "req/s", "KiB", "p50", "p95", "p99", "max"];

export const latencyCells = (summary: LatencySummary) => [
  String(summary.requests),
  summary.perSecond.toFixed(1),
  summary.kibPerAnswer.toFixed(1),
  ...[summary.p50, summary.p95, summary.p99, summary.max].map((ms) => ms.toFixed(ms < 10 ? 1 : 0)),
];

export interface Target {
  what: string;
  limit: string;
  value: string;
  met: boolean;
}

/** The machine a run's figures came from, and how busy it was at the end. */
export function machineFacts() {
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? "?",
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    loadAverageAtEnd: os.loadavg().map((value) => Number(value.toFixed(2))),
  };
}

/** A plain-text table: the first column to the left, the others to the right. */
export function printTable(header: string[], rows: string[][]) {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? "").length)));
  const line = (cells: string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join("  ");
  console.log(line(header));
  console.log(widths.map((width) => "-".repeat(width)).join("  "));
  for (const row of rows) console.log(line(row));
}

export function printTargets(targets: readonly Target[]) {
  console.log("\nTargets\n");
  printTable(
    ["target", "limit", "measured", "met"],
    targets.map((target) => [target.what, target.limit, target.value, target.met ? "yes" : "MISSED"]),
  );
}

/** Writes the results to `--out`, counts the targets met and sets exit code 1 when one was missed (unless `--no-fail`). */
export function finishBench({ out, fail }: ResultOptions, result: object, targets: readonly Target[]) {
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\nResults written to ${out}`);
  const missed = targets.filter((target) => !target.met);
  console.log(`${targets.length - missed.length} targets met, ${missed.length} missed`);
  if (missed.length > 0 && fail) process.exitCode = 1;
}
