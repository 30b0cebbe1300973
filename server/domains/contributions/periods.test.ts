import { describe, expect, it } from "vitest";
import { dueOnOf, hasEnded, isFuture, parsePeriod, periodContaining, previousPeriod, recentPeriods } from "./periods";

describe("reporting periods", () => {
  it("parses quarter and month keys into their first and last day", () => {
    expect(parsePeriod("2026-Q1")).toEqual({ key: "2026-Q1", length: "quarter", start: "2026-01-01", end: "2026-03-31" });
    expect(parsePeriod("2026-Q4")).toEqual({ key: "2026-Q4", length: "quarter", start: "2026-10-01", end: "2026-12-31" });
    expect(parsePeriod("2028-02")).toEqual({ key: "2028-02", length: "month", start: "2028-02-01", end: "2028-02-29" });
    expect(parsePeriod("2026-09")?.end).toBe("2026-09-30");
  });

  // Regression (fuzz suite): "0001-Q1" was accepted and its dates ("1-03-31") crashed the export with a 500.
  it.each(["2026-Q5", "2026-Q0", "2026-13", "2026-00", "2026-9", "26-Q1", "2026-q1", "", "2026-Q1 ", "0001-Q1", "0099-12", "1899-Q4", "3000-01"])("refuses %j", (key) => {
    expect(parsePeriod(key)).toBeNull();
  });

  it("finds the period of a date and the one before, across a year boundary", () => {
    expect(periodContaining("2026-11-28", "quarter").key).toBe("2026-Q4");
    expect(periodContaining("2026-11-28", "month").key).toBe("2026-11");
    expect(previousPeriod(parsePeriod("2026-Q1")!).key).toBe("2025-Q4");
    expect(previousPeriod(parsePeriod("2026-01")!).key).toBe("2025-12");
  });

  it("lists recent periods oldest first, ending with the current one", () => {
    expect(recentPeriods("2026-11-28", "quarter", 4).map((period) => period.key)).toEqual(["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]);
    expect(recentPeriods("2026-02-10", "month", 3).map((period) => period.key)).toEqual(["2025-12", "2026-01", "2026-02"]);
  });

  it("knows due dates, future and ended periods", () => {
    const q3 = parsePeriod("2026-Q3")!;
    expect(dueOnOf(q3, 30)).toBe("2026-10-30");
    expect(isFuture(q3, "2026-06-30")).toBe(true);
    expect(isFuture(q3, "2026-07-01")).toBe(false);
    expect(hasEnded(q3, "2026-09-30")).toBe(false);
    expect(hasEnded(q3, "2026-10-01")).toBe(true);
  });
});
