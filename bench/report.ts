import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

/* What every benchmark ends with: percentiles, tables, its targets, a JSON file and an exit code. */

/** Nearest-rank percentile of sorted samples. */
export const percentile = (sorted: readonly number[], p: number) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;

export interface Target {
  what: string;
  limit: string;
  value: string;
  met: boolean;
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

/** Writes the results to `out`, counts the targets met and sets exit code 1 when one was missed (unless `fail` is off). */
export function finishBench(out: string, result: object, targets: readonly Target[], fail: boolean) {
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\nResults written to ${out}`);
  const missed = targets.filter((target) => !target.met);
  console.log(`${targets.length - missed.length} targets met, ${missed.length} missed`);
  if (missed.length > 0 && fail) process.exitCode = 1;
}
