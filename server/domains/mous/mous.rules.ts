/** Days before expiry at which coordinators are warned, latest first; and on the day after expiry. */
export const RENEWAL_THRESHOLDS = [90, 60, 30] as const;

export type RenewalStage = (typeof RENEWAL_THRESHOLDS)[number] | "expired";

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * Which renewal notice a signed MOU is due for today: "expired" once its expiry date has passed,
 * else the tightest threshold it is within (30 before 60 before 90), else none. A job that missed
 * the 90-day day still sends the 60-day notice when it runs inside 60 days.
 */
export function renewalStage(expiresOn: string | null, today: string): RenewalStage | null {
  if (!expiresOn) return null;
  const days = daysBetween(today, expiresOn);
  if (days < 0) return "expired";
  const within = RENEWAL_THRESHOLDS.filter((threshold) => days <= threshold);
  return within.length ? (within[within.length - 1] ?? null) : null;
}

export type ExpiryState = "expired" | "expiringSoon" | "current" | "none";

/** Signed MOUs past their expiry date read as expired even before anyone changes the status. */
export function expiryState(status: string, expiresOn: string | null, today: string): ExpiryState {
  if (status !== "signed" || !expiresOn) return status === "expired" ? "expired" : "none";
  const stage = renewalStage(expiresOn, today);
  if (stage === "expired") return "expired";
  return stage === null ? "current" : "expiringSoon";
}

export function daysUntil(expiresOn: string, today: string): number {
  return daysBetween(today, expiresOn);
}
