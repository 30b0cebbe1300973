import { describe, expect, it } from "vitest";
import type { ReportSectionContent } from "@/db/schema";
import { reportFileName, sectionToCsv } from "./reports.export";

const section: ReportSectionContent = {
  key: "gaps",
  title: "Gaps",
  columns: [
    { key: "title", header: "Gap", type: "text" },
    { key: "count", header: "Count", type: "number" },
    { key: "dueOn", header: "Due", type: "date" },
  ],
  rows: [
    { title: 'Protocol, "draft"', count: 3, dueOn: "2026-07-30" },
    { title: "=HYPERLINK(1)", count: null, dueOn: null },
    { title: "\t=1+2", count: -4, dueOn: null },
    { title: "\r@SUM(A1)", count: 0, dueOn: null },
  ],
  totals: [],
};

const contributions: ReportSectionContent = {
  key: "contributions",
  title: "Contributions and match",
  columns: [
    { key: "measure", header: "Measure", type: "text" },
    { key: "period", header: "In the period (USD)", type: "money", currency: "USD" },
  ],
  rows: [
    { measure: "Total value", period: 13977.5 },
    { measure: "Match target", period: null },
  ],
  totals: [{ label: "Staff hours in the period", value: 100.5 }],
};

describe("report files", () => {
  it("writes money in a CSV as a plain number with cents, and the totals after a blank record as wide as the heading", () => {
    expect(sectionToCsv(contributions)).toBe("Measure,In the period (USD)\r\nTotal value,13977.50\r\nMatch target,\r\n,\r\nStaff hours in the period,100.5\r\n");
  });

  it("quotes CSV fields and keeps formulas from running, including after a leading tab or carriage return", () => {
    expect(sectionToCsv(section)).toBe('Gap,Count,Due\r\n"Protocol, ""draft""",3,2026-07-30\r\n\'=HYPERLINK(1),,\r\n\'\t=1+2,-4,\r\n"\'\r@SUM(A1)",0,\r\n');
  });

  it("names files by task force, period and day generated", () => {
    const content = { taskForceSlug: "riverbend-demo", period: { start: "2026-01-01", end: "2026-06-30", dueOn: "2026-07-30" } };
    expect(reportFileName(content, "2026-11-28", "xlsx")).toBe("riverbend-demo_progress-report_2026-01-01_to_2026-06-30_generated-2026-11-28.xlsx");
    expect(reportFileName(content, "2026-11-28", "csv", "gaps")).toBe("riverbend-demo_progress-report_2026-01-01_to_2026-06-30_gaps_generated-2026-11-28.csv");
  });
});
