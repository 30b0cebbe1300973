import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { ReportContent, ReportSectionContent } from "@/db/schema";
import { reportFileName, reportToXlsx, sectionToCsv } from "./reports.export";

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

/** A narrow table (as the roadmap's) whose compared totals are wider than it. */
const compared: ReportSectionContent = {
  key: "contributions",
  title: "Contributions and match",
  columns: [
    { key: "measure", header: "Measure", type: "text" },
    { key: "period", header: "In the period (USD)", type: "money", currency: "USD" },
    { key: "periodPrevious", header: "In the period (USD): previous period", type: "money", currency: "USD", comparison: { of: "period", role: "previous" } },
    { key: "periodChange", header: "In the period (USD): change", type: "money", currency: "USD", comparison: { of: "period", role: "change" } },
  ],
  rows: [{ measure: "Total value", period: 1000, periodPrevious: 1250.5, periodChange: -250.5 }],
  totals: [
    { label: "Staff hours in the period", value: 100.5, previous: 90, change: 10.5, changePercent: 11.7 },
    { label: "Gaps open now", value: 4 },
  ],
  totalsHeader: ["Figure", "This period", "Previous period", "Change", "Change (percent)"],
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

  it("writes compared totals under their own heading, every record as wide as the widest", () => {
    expect(sectionToCsv(compared)).toBe(
      [
        "Measure,In the period (USD),In the period (USD): previous period,In the period (USD): change,",
        "Total value,1000.00,1250.50,-250.50,",
        ",,,,",
        "Figure,This period,Previous period,Change,Change (percent)",
        "Staff hours in the period,100.5,90,10.5,11.7",
        "Gaps open now,4,,,",
        "",
      ].join("\r\n"),
    );
  });

  it("shows a change with its sign in the sheet, and totals as plain figures whatever the table's column beneath them", async () => {
    const content = { title: "Report", sections: [compared] } as ReportContent;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(await reportToXlsx(content, new Date("2026-07-01T12:00:00Z"))).buffer);
    const sheet = workbook.getWorksheet("Contributions and match")!;
    // A cell in the General format reads back without one.
    const formats = (rowNumber: number) => [2, 3, 4, 5].map((column) => sheet.getRow(rowNumber).getCell(column).numFmt ?? "General");
    expect(formats(2).slice(0, 3)).toEqual(["[$$]#,##0.00", "[$$]#,##0.00", "+[$$]#,##0.00;-[$$]#,##0.00;[$$]#,##0.00"]);
    expect(sheet.getRow(4).getCell(1).value).toBe("Figure");
    // Staff hours stand under the money column, but are hours.
    expect(sheet.getRow(5).values).toEqual([undefined, "Staff hours in the period", 100.5, 90, 10.5, 11.7]);
    expect(formats(5)).toEqual(["General", "General", "+General;-General;General", '+General"%";-General"%";General"%"']);
  });

  it("names each sheet by the section's short name, and a long title without one ends at a word", async () => {
    const sheetNames = async (sections: ReportSectionContent[]) => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(new Uint8Array(await reportToXlsx({ title: "Informe", sections } as ReportContent, new Date("2026-07-01T12:00:00Z"))).buffer);
      return workbook.worksheets.map((sheet) => sheet.name);
    };
    const trainings = { ...section, key: "trainings", title: "Capacitaciones y personas capacitadas" };
    expect(await sheetNames([{ ...trainings, sheetName: "Capacitaciones y participantes" }])).toEqual(["Capacitaciones y participantes"]);
    // A report filed before sections had short names: cut where a word ends, not inside one.
    expect(await sheetNames([trainings, { ...section, title: "Metas: avance / logros [2026]?" }])).toEqual(["Capacitaciones y personas…", "Metas avance logros 2026"]);
  });
});
