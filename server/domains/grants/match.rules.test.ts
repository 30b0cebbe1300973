import { describe, expect, it } from "vitest";
import { matchValue } from "@/server/domains/contributions/contributions.rules";
import { matchProgress, matchStatus, matchTargetCents, matchWindow } from "./match.rules";

const award = { periodStart: "2026-07-01", periodEnd: "2027-06-30" };
const quarter = (periodStart: string, periodEnd: string, staffHours: number, consultantPaidHours: number, inKindCents: number) => ({ periodStart, periodEnd, staffHours, consultantPaidHours, inKindCents });
const PERIODS = [
  quarter("2026-04-01", "2026-06-30", 100, 0, 100_000),
  quarter("2026-07-01", "2026-09-30", 40, 10, 200_000),
  quarter("2026-10-01", "2026-12-31", 0, 0, 40_000),
];
const RATES = { staffHourlyRateCents: 3000, consultantHourlyRateCents: 5000 };

describe("an award's local match to date", () => {
  it("has no target without one or at $0, and a target in cents otherwise", () => {
    expect(matchTargetCents(null)).toBeNull();
    expect(matchTargetCents(0)).toBeNull();
    expect(matchTargetCents(25_000.1)).toBe(2_500_010);
  });

  it("counts from the award's first day to today, and to its last day once it has ended", () => {
    expect(matchWindow(award, "2026-11-15")).toEqual({ from: "2026-07-01", to: "2026-11-15" });
    expect(matchWindow(award, "2027-06-30")).toEqual({ from: "2026-07-01", to: "2027-06-30" });
    expect(matchWindow(award, "2027-08-01")).toEqual({ from: "2026-07-01", to: "2027-06-30" });
  });

  it("counts the periods wholly within the window: none before the award, none not yet over", () => {
    expect(matchValue(PERIODS, RATES, matchWindow(award, "2026-12-30"))).toEqual({
      staffHours: 40,
      consultantPaidHours: 10,
      inKindCents: 200_000,
      staffTimeCents: 120_000,
      consultantTimeCents: 50_000,
      totalCents: 370_000,
    });
    expect(matchValue(PERIODS, RATES, matchWindow(award, "2026-12-31")).totalCents).toBe(410_000);
    // Before the award begins the window is empty.
    expect(matchValue(PERIODS, RATES, matchWindow(award, "2026-06-30")).totalCents).toBe(0);
  });

  it("gives the share, what is left and the status against the target", () => {
    const window = matchWindow(award, "2026-12-30");
    const value = matchValue(PERIODS, RATES, window);
    const progress = matchProgress(value, RATES, 1_000_000, window);
    expect(progress).toMatchObject({ from: "2026-07-01", to: "2026-12-30", targetCents: 1_000_000, share: 0.37, remainingCents: 630_000, unvalued: { staffHours: false, consultantHours: false } });
    expect(matchStatus(progress)).toBe("in_progress");
    const exceeded = matchProgress(value, RATES, 300_000, window);
    expect(exceeded).toMatchObject({ share: 370_000 / 300_000, remainingCents: 0 });
    expect(matchStatus(exceeded)).toBe("met");
    expect(matchStatus({ totalCents: 300_000, targetCents: 300_000 })).toBe("met");
    expect(matchStatus({ totalCents: 0, targetCents: 300_000 })).toBe("not_started");
  });

  it("flags hours counted at a rate of $0, and only where there are hours", () => {
    const window = matchWindow(award, "2026-12-30");
    const noRates = { staffHourlyRateCents: 0, consultantHourlyRateCents: 0 };
    const progress = matchProgress(matchValue(PERIODS, noRates, window), noRates, 1_000_000, window);
    expect(progress).toMatchObject({ staffTimeCents: 0, consultantTimeCents: 0, totalCents: 200_000, unvalued: { staffHours: true, consultantHours: true } });
    const staffOnly = [quarter("2026-07-01", "2026-09-30", 40, 0, 0)];
    const staffRate = { staffHourlyRateCents: 0, consultantHourlyRateCents: 5000 };
    expect(matchProgress(matchValue(staffOnly, staffRate, window), staffRate, 1_000_000, window).unvalued).toEqual({ staffHours: true, consultantHours: false });
    const noHours = [quarter("2026-07-01", "2026-09-30", 0, 0, 10_000)];
    expect(matchProgress(matchValue(noHours, noRates, window), noRates, 1_000_000, window).unvalued).toEqual({ staffHours: false, consultantHours: false });
  });
});
