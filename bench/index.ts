/*
 * `npm run bench -- <name> [options]`: the benchmarks, by name. Without a name (or with options
 * only) it runs the dashboard bench, as `npm run bench` always did.
 *
 *   dashboard  each dashboard query through createCaller, with statement counts and plans (bench/dashboard.ts)
 *   scale      the same on PostgreSQL with 500 task forces, a national deployment's data (bench/dashboard.ts)
 *   http       the production build under 200 signed-in users over HTTP, then every write checked (bench/http.ts)
 *   pages      one coordinator's pages and a tRPC batch under autocannon, on PostgreSQL and PGlite, and Lighthouse (bench/pages.ts)
 */
import { runDashboardBench, runScaleBench } from "./dashboard";
import { runHttpBench } from "./http";
import { runPagesBench } from "./pages";

const BENCHES: Record<string, (argv: readonly string[]) => Promise<void>> = {
  dashboard: runDashboardBench,
  http: runHttpBench,
  scale: runScaleBench,
  pages: runPagesBench,
};

async function main(argv: readonly string[]): Promise<void> {
  const [first, ...rest] = argv;
  if (first === undefined || first.startsWith("--")) return runDashboardBench(argv);
  const bench = BENCHES[first];
  if (!bench) throw new Error(`unknown benchmark "${first}"; use one of: ${Object.keys(BENCHES).join(", ")}`);
  return bench(rest);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
