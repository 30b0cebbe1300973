import type { Database } from "@/server/lib/unitOfWork";
import type { TaskForceScope } from "@/server/trpc/context";
import { sumMatchInputs } from "./contributions.queries";
import { hoursValueCents } from "./contributions.rules";
import { settingsOf } from "./contributions.service";

/**
 * What the task force's contributions are worth toward a grant's match between `from` and `to`
 * (calendar dates, inclusive): in-kind estimated value + staff hours × the staff rate + paid
 * survivor-consultant hours × the consultant rate, at the task force's current rates. Counts
 * submitted reports whose whole period lies within the range. Amounts in whole cents.
 */
export async function contributionMatchValue(tx: Database, scope: Pick<TaskForceScope, "taskForceId">, range: { from: string; to: string }) {
  const [settings, sums] = await Promise.all([settingsOf(tx, scope.taskForceId), sumMatchInputs(tx, scope.taskForceId, range.from, range.to)]);
  const staffTimeCents = hoursValueCents(sums.staffHours, settings.staffHourlyRateCents);
  const consultantTimeCents = hoursValueCents(sums.consultantPaidHours, settings.consultantHourlyRateCents);
  return {
    staffHours: sums.staffHours,
    consultantPaidHours: sums.consultantPaidHours,
    inKindCents: sums.inKindCents,
    staffTimeCents,
    consultantTimeCents,
    totalCents: sums.inKindCents + staffTimeCents + consultantTimeCents,
  };
}
