import type { ReportSectionContent } from "@/db/schema";

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
