import { describe, expect, it } from "vitest";
import { completenessOf, contentToRows, flatContent, hoursValueCents, rowsToContent, toCents } from "./contributions.rules";
import type { ReportContent } from "./contributions.schemas";

const content: ReportContent = {
  values: { staffHours: 12.5, trainingsDelivered: 2, referralsMade: 0 },
  peopleTrained: { health: 14, prosecution: 3 },
  services: { housing: 4 },
  inKind: [{ description: "Meeting room, 6 sessions", value: 450.25 }],
};

describe("report content", () => {
  it("stores only what was filled in (zero included) and reads back the same", () => {
    const rows = contentToRows(content);
    expect(rows.values).toEqual([
      { measure: "staffHours", dimension: "", value: 12.5 },
      { measure: "trainingsDelivered", dimension: "", value: 2 },
      { measure: "referralsMade", dimension: "", value: 0 },
      { measure: "peopleTrained", dimension: "health", value: 14 },
      { measure: "peopleTrained", dimension: "prosecution", value: 3 },
      { measure: "services", dimension: "housing", value: 4 },
    ]);
    expect(rows.inKind).toEqual([{ description: "Meeting room, 6 sessions", estimatedValueCents: 45025 }]);
    expect(rowsToContent(rows.values, rows.inKind)).toEqual(content);
  });

  it("flattens content for the audit log", () => {
    expect(flatContent(content)).toMatchObject({ staffHours: 12.5, "peopleTrained.health": 14, "services.housing": 4 });
  });

  it("values hours at a rate in whole cents", () => {
    expect(hoursValueCents(12.5, 3050)).toBe(38125);
    expect(hoursValueCents(0.33, 1000)).toBe(330);
    expect(toCents(0.1 + 0.2)).toBe(30);
  });
});

describe("completeness", () => {
  it("counts submitted, on time, late, returned and missing organizations", () => {
    expect(
      completenessOf({
        expected: 5,
        statuses: [
          { status: "submitted", late: false },
          { status: "submitted", late: true },
          { status: "returned", late: false },
          { status: "draft", late: false },
        ],
      }),
    ).toEqual({ expected: 5, submitted: 2, onTime: 1, late: 1, returned: 1, drafts: 1, missing: 3, reportingRate: 0.4, onTimeRate: 0.2 });
  });

  it("reads an empty task force as 0 %, not as a division by zero", () => {
    expect(completenessOf({ expected: 0, statuses: [] })).toMatchObject({ reportingRate: 0, onTimeRate: 0 });
  });
});
