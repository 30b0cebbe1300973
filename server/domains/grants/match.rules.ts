import { toCents, type ContributionSettings, type MatchValue } from "@/server/domains/contributions/contributions.rules";

/*
 * An award's local match to date: what the task force's contributions are worth toward the award's
 * match target (contributions.rules.ts matchValue: submitted reports whose whole period lies within
 * the window), against the target. Shown on the award page and the dashboard, and the local-match
 * calculator's input (calculators.ts).
 */

/**
 * The award's match target in cents, or null when it has none. A target of $0 is no target either:
 * the award form asks for it only when the award requires a match, so neither has progress to show.
 */
export function matchTargetCents(matchTarget: number | null): number | null {
  return matchTarget !== null && matchTarget > 0 ? toCents(matchTarget) : null;
}

/**
 * The days a match to date counts: from the award's first day to today (in the task force's zone),
 * or to its last day once it has ended. Before the award begins the window is empty (to < from).
 */
export function matchWindow(award: { periodStart: string; periodEnd: string }, today: string) {
  return { from: award.periodStart, to: today < award.periodEnd ? today : award.periodEnd };
}

export type HourlyRates = Pick<ContributionSettings, "staffHourlyRateCents" | "consultantHourlyRateCents">;

export interface MatchProgress extends MatchValue {
  /** The window counted (matchWindow). */
  from: string;
  to: string;
  targetCents: number;
  /** Matched of the target, 0… (above 1 once exceeded). */
  share: number;
  /** What is left to match, 0 once the target is reached. */
  remainingCents: number;
  staffHourlyRateCents: number;
  consultantHourlyRateCents: number;
  /** Hours counted at a rate of $0 because no rate is set: the match shown is lower than the work done. */
  unvalued: { staffHours: boolean; consultantHours: boolean };
}

export function matchProgress(value: MatchValue, rates: HourlyRates, targetCents: number, window: { from: string; to: string }): MatchProgress {
  return {
    ...value,
    ...window,
    targetCents,
    share: value.totalCents / targetCents,
    remainingCents: Math.max(0, targetCents - value.totalCents),
    staffHourlyRateCents: rates.staffHourlyRateCents,
    consultantHourlyRateCents: rates.consultantHourlyRateCents,
    unvalued: {
      staffHours: rates.staffHourlyRateCents === 0 && value.staffHours > 0,
      consultantHours: rates.consultantHourlyRateCents === 0 && value.consultantPaidHours > 0,
    },
  };
}

/** The local-match requirement: met once the target is reached, in progress while something counts, not started at $0. */
export function matchStatus(progress: Pick<MatchProgress, "totalCents" | "targetCents">): "met" | "in_progress" | "not_started" {
  if (progress.totalCents >= progress.targetCents) return "met";
  return progress.totalCents > 0 ? "in_progress" : "not_started";
}
