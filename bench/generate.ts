import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { todayIn } from "@/server/lib/clock";
import { BENCH_SIZE, generateBulkData, MEASURED_PROFILE, type BenchDataset, type DatasetSize, type TaskForceProfile } from "./dataset";
import { generateGrants } from "./datasetGrants";

/**
 * The whole bench data set in the installed database: the bulk load, then the awards through the
 * API, then ANALYZE. Shared by the dashboard bench and the HTTP bench, so both measure the same
 * kind of task force.
 */
export async function generateDataset(
  measuredProfile: TaskForceProfile = MEASURED_PROFILE,
  size: DatasetSize = BENCH_SIZE,
): Promise<{ dataset: BenchDataset; seconds: { bulk: number; grants: number } }> {
  // The measured task force's today (Chicago), not UTC's, which is a day ahead every evening there.
  const startOfToday = new Date(`${todayIn("America/Chicago")}T00:00:00Z`);
  const db = await getDb();
  let started = performance.now();
  const dataset = await generateBulkData(db, startOfToday, measuredProfile, size);
  const bulk = (performance.now() - started) / 1000;
  started = performance.now();
  const grants = await generateGrants(dataset.all, startOfToday.toISOString().slice(0, 10));
  for (const [index, made] of grants.entries()) {
    for (const [table, rows] of Object.entries(made)) {
      dataset.rowCounts.all[table] = (dataset.rowCounts.all[table] ?? 0) + rows;
      if (index === 0) dataset.rowCounts.measured[table] = rows;
    }
  }
  // PostgreSQL's autovacuum would analyze the tables after a load this size. PGlite runs a standalone
  // backend without that daemon, so both get an explicit ANALYZE and plan on real statistics.
  await db.execute(sql`analyze`);
  return { dataset, seconds: { bulk, grants: (performance.now() - started) / 1000 } };
}
