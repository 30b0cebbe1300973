import type { Database } from "@/server/lib/unitOfWork";
import type { TaskForceScope } from "@/server/trpc/context";
import { sumMatchInputsByPeriod } from "./contributions.queries";
import { matchValue } from "./contributions.rules";
import { settingsOf } from "./contributions.service";

/**
 * What the task force's contributions are worth toward a grant's match between `from` and `to`
 * (calendar dates, inclusive), at the task force's current rates: see matchValue. Amounts in whole cents.
 */
export async function contributionMatchValue(tx: Database, scope: Pick<TaskForceScope, "taskForceId">, range: { from: string; to: string }) {
  const [settings, periods] = await Promise.all([settingsOf(tx, scope.taskForceId), sumMatchInputsByPeriod(tx, [scope.taskForceId])]);
  return matchValue(periods, settings, range);
}
