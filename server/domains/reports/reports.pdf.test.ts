import { describe, expect, it } from "vitest";
import type { ReportContent, ReportSectionContent } from "@/db/schema";
import { bandsOf, missingInOrder, readPdf, textOf } from "@/server/testing/pdfText";
import { COMPARED_SECTION, LEGACY_TRAININGS_SECTION } from "./sections.fixtures";
import { PDF_MARGINS, reportToPdf } from "./reports.pdf";

/*
 * The progress report's PDF, made from content written by hand (the integration test compares the
 * PDF of generated reports with their XLSX): the same bytes for the same report, a long table's
 * heading on every page it runs onto, every page's heading and number, the facts of the first page,
 * and names in letters Helvetica lacks.
 */

const GENERATED_AT = new Date("2026-07-03T21:30:00Z");

/** A table long enough for three pages, its names in letters outside Helvetica's set. */
const partners: ReportSectionContent = {
  key: "mousProtocols",
  title: "MOUs and protocols",
  columns: [
    { key: "title", header: "Title", type: "text" },
    { key: "detail", header: "Parties or topic", type: "text" },
    { key: "signedOn", header: "Signed", type: "date" },
  ],
  rows: Array.from({ length: 120 }, (_, index) => ({
    title: `Partner ${index + 1}`,
    detail: index === 0 ? "Łódź Niños — “Señora” Dvořák" : "Sheriff; Safe Harbor (demo)",
    signedOn: index === 0 ? "2026-03-31" : null,
  })),
  totals: [],
};

const content: ReportContent = {
  title: "Progress report: Riverbend Task Force (demo)",
  taskForceName: "Riverbend Task Force (demo)",
  taskForceSlug: "riverbend-demo",
  grant: { funderName: "Office for Victims of Crime", program: "ECM", awardNumber: "DEMO-2025-ECM-0001", amount: 750_000, periodStart: "2025-10-01", periodEnd: "2028-09-30" },
  period: { start: "2026-01-01", end: "2026-06-30", dueOn: "2026-07-30" },
  comparedWith: { start: "2025-10-01", end: "2025-12-31" },
  sections: [COMPARED_SECTION, partners, LEGACY_TRAININGS_SECTION],
};

describe("the progress report's PDF", () => {
  it("is the same file every time it is made from the same report, dated when the report was generated", async () => {
    const first = await reportToPdf(content, GENERATED_AT, "America/Chicago");
    await new Promise((resolve) => setTimeout(resolve, 5));
    const second = await reportToPdf(content, GENERATED_AT, "America/Chicago");
    expect(first.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(second.equals(first)).toBe(true);
    const { info } = await readPdf(first);
    expect(info).toMatchObject({ Title: content.title, Author: content.taskForceName, Creator: "Task Force Roadmap", CreationDate: "D:20260703213000Z" });
  });

  it("names the task force, award and period at the top of every page and numbers the pages", async () => {
    const { pages } = await readPdf(await reportToPdf(content, GENERATED_AT, "America/Chicago"));
    expect(pages.length).toBeGreaterThanOrEqual(3);
    pages.forEach((page, index) => {
      const { heading, foot } = bandsOf(page, PDF_MARGINS.top, PDF_MARGINS.bottom);
      expect(textOf(heading)).toBe("Riverbend Task Force (demo) · Award DEMO-2025-ECM-0001 · Reporting period Jan 1, 2026 – Jun 30, 2026");
      expect(textOf(foot)).toBe(`Page ${index + 1} of ${pages.length}`);
    });
  });

  it("writes the facts of the page first, then each section's totals and table as the page shows them", async () => {
    const { pages } = await readPdf(await reportToPdf(content, GENERATED_AT, "America/Chicago"));
    const text = pages.map((page) => textOf(bandsOf(page, PDF_MARGINS.top, PDF_MARGINS.bottom).body)).join(" ");
    expect(
      missingInOrder(text, [
        "Progress report: Riverbend Task Force (demo)",
        "Reporting period Jan 1, 2026 – Jun 30, 2026",
        "Report due Jul 30, 2026",
        "Award DEMO-2025-ECM-0001, ECM (Office for Victims of Crime)",
        "Award amount $750,000.00",
        "Compared with Oct 1, 2025 – Dec 31, 2025",
        // 21:30 UTC is 4:30 PM in Chicago.
        "Generated Jul 3, 2026, 4:30 PM",
        // The figures as the page shows them (ReportSection.test.ts), a change with its sign.
        "Persons identified and services",
        "Figure This period Previous period Change Change (percent)",
        "Trainings delivered 3 9 -6 -66.7%",
        "Gaps open now 4 — — —",
        "Measure Count Count: previous period Count: change Count: change (percent) Value (USD) Value (USD): change Value (USD): previous period",
        "Referrals received 52 40 +12 +30% $1,000.00 -$250.50 $1,250.50",
        "Persons identified as potential victims 25 suppressed suppressed suppressed — — —",
        "Referrals made 0 0 0 — — — —",
        "MOUs and protocols",
        "Title Parties or topic Signed",
        "Partner 1 ?ódz Niños — “Señora” Dvorák Mar 31, 2026",
        "Partner 120 Sheriff; Safe Harbor (demo) —",
        // A report stored before figures were compared: its totals in a line each, as on the page.
        "Trainings and people trained",
        "Trainings delivered: 4",
        "Sector People trained",
        "Health and mental health 8",
      ]),
    ).toEqual([]);
  });

  it("repeats a long table's heading at the top of every page it continues on, and never splits a row", async () => {
    const { pages } = await readPdf(await reportToPdf(content, GENERATED_AT, "UTC"));
    const continued = pages.slice(1).filter((page) => textOf(page.pieces).includes("Partner "));
    expect(continued.length).toBeGreaterThanOrEqual(2);
    for (const page of continued) {
      const body = textOf(bandsOf(page, PDF_MARGINS.top, PDF_MARGINS.bottom).body);
      expect(body.startsWith("Title Parties or topic Signed Partner ")).toBe(true);
    }
    // Every row once, whole: its title and its parties on one page, in order.
    const rows = pages.flatMap((page) => [...textOf(page.pieces).matchAll(/Partner (\d+) (Sheriff; Safe Harbor \(demo\) —|\?ódz .*? Mar 31, 2026)/g)].map((match) => Number(match[1])));
    expect(rows).toEqual(Array.from({ length: 120 }, (_, index) => index + 1));
  });
});
