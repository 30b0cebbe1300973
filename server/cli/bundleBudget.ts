/**
 * `npm run budget` (and a step of `npm run test:all`, after the build): the JavaScript each route
 * makes the browser download before the page works, gzip-compressed as it travels, against its
 * budget. Reads the build's own figures (.next/diagnostics/route-bundle-stats.json: each route's
 * first-load chunks), compresses each chunk once, and fails when a route is over.
 *
 *   tsx server/cli/bundleBudget.ts [--report file.json]
 *
 * The budgets are in server/cli/bundleBudgets.ts.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { KB, weighRoutes } from "./bundleBudgets";
import { ROOT } from "./shared";

function main(): void {
  const stats = path.join(ROOT, ".next", "diagnostics", "route-bundle-stats.json");
  if (!existsSync(stats)) {
    console.error(`No ${path.relative(ROOT, stats)}: build first (npx tsx server/cli/app.ts build).`);
    process.exit(1);
  }
  const routes = JSON.parse(readFileSync(stats, "utf8")) as { route: string; firstLoadChunkPaths: string[] }[];
  const sizes = new Map<string, number>();
  const compressedSize = (chunk: string) => {
    let size = sizes.get(chunk);
    if (size === undefined) {
      size = gzipSync(readFileSync(path.join(ROOT, chunk))).length;
      sizes.set(chunk, size);
    }
    return size;
  };
  const weights = weighRoutes(routes, compressedSize).sort((a, b) => a.route.localeCompare(b.route));
  const width = Math.max(...weights.map((weight) => weight.route.length));
  for (const weight of weights) {
    const verdict = weight.over ? `OVER (${weight.budget.reason})` : "ok";
    console.log(`${weight.route.padEnd(width)}  ${(weight.gzipBytes / KB).toFixed(1).padStart(6)} KB of ${String(weight.budget.kilobytes).padStart(3)} KB  ${verdict}`);
  }
  const over = weights.filter((weight) => weight.over);
  console.log(`\nFirst-load JavaScript (gzip): ${weights.length - over.length} routes within budget, ${over.length} over.`);
  const reportIndex = process.argv.indexOf("--report");
  const report = reportIndex >= 0 ? process.argv[reportIndex + 1] : undefined;
  if (report) writeFileSync(report, JSON.stringify({ passed: weights.length - over.length, failed: over.length }));
  process.exitCode = over.length > 0 ? 1 : 0;
}

main();
