import { describe, expect, it } from "vitest";
import {
  addMonths,
  combineProgress,
  daysUntil,
  effectiveStatus,
  endedPeriods,
  nextReportDue,
  reportingPeriods,
  requirementProgress,
} from "./grants.rules";

describe("reporting periods", () => {
  const award = { periodStart: "2025-10-01", periodEnd: "2028-09-30", reportingCadence: "semiannual" as const };

  it("cuts calendar half-years to the award, due Jan 30 and Jul 30, funds withheld 15 days later", () => {
    const periods = reportingPeriods(award);
    expect(periods.slice(0, 3)).toEqual([
      { start: "2025-10-01", end: "2025-12-31", dueOn: "2026-01-30", suspensionOn: "2026-02-14" },
      { start: "2026-01-01", end: "2026-06-30", dueOn: "2026-07-30", suspensionOn: "2026-08-14" },
      { start: "2026-07-01", end: "2026-12-31", dueOn: "2027-01-30", suspensionOn: "2027-02-14" },
    ]);
    // The last period is cut at the award end but due on the calendar half-year's date.
    expect(periods.at(-1)).toEqual({ start: "2028-07-01", end: "2028-09-30", dueOn: "2029-01-30", suspensionOn: "2029-02-14" });
    expect(periods).toHaveLength(7);
  });

  it("uses calendar quarters for quarterly reporting", () => {
    const periods = reportingPeriods({ periodStart: "2026-02-15", periodEnd: "2026-12-31", reportingCadence: "quarterly" });
    expect(periods.map((period) => [period.start, period.end, period.dueOn])).toEqual([
      ["2026-02-15", "2026-03-31", "2026-04-30"],
      ["2026-04-01", "2026-06-30", "2026-07-30"],
      ["2026-07-01", "2026-09-30", "2026-10-30"],
      ["2026-10-01", "2026-12-31", "2027-01-30"],
    ]);
  });

  it("finds the next report due, skipping periods already reported", () => {
    const periods = reportingPeriods(award);
    expect(nextReportDue(periods, "2026-11-28", new Set())?.dueOn).toBe("2027-01-30");
    expect(nextReportDue(periods, "2026-07-30", new Set())?.dueOn).toBe("2026-07-30");
    expect(nextReportDue(periods, "2026-07-15", new Set(["2026-06-30"]))?.dueOn).toBe("2027-01-30");
    expect(nextReportDue(periods, "2029-02-01", new Set())).toBeNull();
  });

  it("lists periods that have ended before today", () => {
    expect(endedPeriods(reportingPeriods(award), "2026-07-01").map((period) => period.end)).toEqual(["2025-12-31", "2026-06-30"]);
    expect(endedPeriods(reportingPeriods(award), "2026-06-30").map((period) => period.end)).toEqual(["2025-12-31"]);
  });
});

describe("dates", () => {
  it("counts days and adds months, clamping to the month's end", () => {
    expect(daysUntil("2027-01-30", "2026-11-28")).toBe(63);
    expect(daysUntil("2026-11-27", "2026-11-28")).toBe(-1);
    expect(addMonths("2025-10-01", 18)).toBe("2027-04-01");
    expect(addMonths("2026-08-31", 6)).toBe("2027-02-28");
    expect(addMonths("2026-01-31", -2)).toBe("2025-11-30");
  });
});

describe("requirement status", () => {
  const computed = { status: "met" as const, explanation: { key: "k", values: {} } };

  it("prefers an override, then the computed status, then the one set by hand", () => {
    expect(effectiveStatus({ status: "not_started", overrideStatus: "in_progress" }, computed)).toBe("in_progress");
    expect(effectiveStatus({ status: "not_started", overrideStatus: null }, computed)).toBe("met");
    expect(effectiveStatus({ status: "in_progress", overrideStatus: null }, null)).toBe("in_progress");
    expect(effectiveStatus({ status: "not_applicable", overrideStatus: null }, computed)).toBe("not_applicable");
  });

  it("counts progress without the requirements that do not apply", () => {
    const progress = requirementProgress(["met", "met", "in_progress", "not_started", "not_applicable"]);
    expect(progress).toEqual({ total: 5, met: 2, inProgress: 1, notStarted: 1, notApplicable: 1, share: 0.5 });
    expect(requirementProgress(["not_applicable"]).share).toBeNull();
    expect(combineProgress([progress, requirementProgress(["met", "met"])])).toEqual({
      total: 7,
      met: 4,
      inProgress: 1,
      notStarted: 1,
      notApplicable: 1,
      share: 4 / 6,
    });
  });
});
