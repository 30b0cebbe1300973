import type { ReportSectionContent } from "@/db/schema";

/*
 * Report sections written by hand, for the tests of what shows and writes them (the page, the PDF)
 * without generating a report.
 */

/**
 * A section as progress reports stored it before their figures were compared with the previous
 * period's (issue 20): no comparison columns, no previous figures, no totals heading. Stored reports
 * keep this shape; tests check they still show, read back and export as they were.
 */
export const LEGACY_TRAININGS_SECTION: ReportSectionContent = {
  key: "trainings",
  title: "Trainings and people trained",
  columns: [
    { key: "sector", header: "Sector", type: "text" },
    { key: "peopleTrained", header: "People trained", type: "number" },
  ],
  rows: [{ sector: "Health and mental health", peopleTrained: 8 }],
  totals: [{ label: "Trainings delivered", value: 4 }],
};

/**
 * A section with figures compared with the previous period's: a rise, a fall in money, a suppressed
 * previous figure, a change of 0 with no change in percent, and compared totals beside one that is not.
 */
export const COMPARED_SECTION: ReportSectionContent = {
  key: "victimCounts",
  title: "Persons identified and services",
  columns: [
    { key: "measure", header: "Measure", type: "text" },
    { key: "count", header: "Count", type: "number" },
    { key: "countPrevious", header: "Count: previous period", type: "number", comparison: { of: "count", role: "previous" } },
    { key: "countChange", header: "Count: change", type: "number", comparison: { of: "count", role: "change" } },
    { key: "countChangePercent", header: "Count: change (percent)", type: "percent", comparison: { of: "count", role: "changePercent" } },
    { key: "money", header: "Value (USD)", type: "money", currency: "USD" },
    { key: "moneyChange", header: "Value (USD): change", type: "money", currency: "USD", comparison: { of: "money", role: "change" } },
    { key: "moneyPrevious", header: "Value (USD): previous period", type: "money", currency: "USD", comparison: { of: "money", role: "previous" } },
  ],
  rows: [
    { measure: "Referrals received", count: 52, countPrevious: 40, countChange: 12, countChangePercent: 30, money: 1000, moneyChange: -250.5, moneyPrevious: 1250.5 },
    { measure: "Persons identified as potential victims", count: 25, countPrevious: "suppressed", countChange: "suppressed", countChangePercent: "suppressed", money: null, moneyChange: null, moneyPrevious: null },
    { measure: "Referrals made", count: 0, countPrevious: 0, countChange: 0, countChangePercent: null, money: null, moneyChange: null, moneyPrevious: null },
  ],
  totals: [
    { label: "Trainings delivered", value: 3, previous: 9, change: -6, changePercent: -66.7 },
    { label: "Gaps open now", value: 4 },
  ],
  totalsHeader: ["Figure", "This period", "Previous period", "Change", "Change (percent)"],
};
