import { getDb } from "@/server/lib/unitOfWork";
import { todayOfScope, type TaskForceScope } from "@/server/trpc/context";
import { summarizeGaps } from "./dashboard.queries";
import { currentTime } from "@/server/lib/clock";

/*
 * Figures for dashboard widgets that no domain page already serves. Each widget reads one
 * procedure (one aggregated query); the roadmap widgets reuse assessment.trend and the
 * requirement and report widgets grant.progress.
 */

export async function getGapSummary(scope: TaskForceScope, now = currentTime()) {
  const db = await getDb();
  const today = todayOfScope(scope, now);
  const [row] = await summarizeGaps(db, [{ id: scope.taskForceId, today }]);
  return { today, open: row?.open ?? 0, overdue: row?.overdue ?? 0, resolved: row?.resolved ?? 0, updatedAt: row?.updatedAt ?? null };
}
