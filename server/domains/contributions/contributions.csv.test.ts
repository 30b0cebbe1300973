import { describe, expect, it } from "vitest";
import { parseContributionsCsv, TEMPLATE_COLUMNS, toCsv } from "./contributions.csv";

const header = "organization,staff_hours,trainings_delivered,people_trained_health,services_housing,in_kind_description,in_kind_value";

describe("parseContributionsCsv", () => {
  it("reads one row per organization, blank cells as not reported", () => {
    const { rows, problems } = parseContributionsCsv(`${header}\r\nSafe Harbor,12.5,2,14,,"Room, 6 sessions",450\r\n"Clinic",,0,,3,,\r\n`);
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      {
        line: 2,
        organization: "Safe Harbor",
        content: { values: { staffHours: 12.5, trainingsDelivered: 2 }, peopleTrained: { health: 14 }, services: {}, inKind: [{ description: "Room, 6 sessions", value: 450 }] },
      },
      { line: 3, organization: "Clinic", content: { values: { trainingsDelivered: 0 }, peopleTrained: {}, services: { housing: 3 }, inKind: [] } },
    ]);
  });

  it("reports every bad cell with its line and column, and returns no rows then", () => {
    const csv = [header, "Safe Harbor,-3,1.5,abc,2,,", "Safe Harbor,1.234,1,1,1,Chairs,", ",1,1,1,1,,"].join("\n");
    const { rows, problems } = parseContributionsCsv(csv);
    expect(rows).toEqual([]);
    expect(problems.map((problem) => [problem.line, problem.column, problem.key])).toEqual([
      [2, "staff_hours", "importNegative"],
      [2, "trainings_delivered", "importWholeNumber"],
      [2, "people_trained_health", "importNotANumber"],
      [3, "organization", "importDuplicateOrganization"],
      [3, "staff_hours", "importTwoDecimals"],
      [3, "in_kind_value", "importInKindIncomplete"],
      [4, "organization", "importOrganizationMissing"],
    ]);
  });

  it("refuses unknown and duplicate columns, a missing organization column and an empty file", () => {
    expect(parseContributionsCsv("organization,victim_names\nA,1").problems).toEqual([{ line: 1, column: "victim_names", key: "importUnknownColumn" }]);
    expect(parseContributionsCsv("staff_hours,staff_hours\n1,2").problems.map((problem) => problem.key)).toEqual([
      "importDuplicateColumn",
      "importNoOrganizationColumn",
    ]);
    expect(parseContributionsCsv(`${header}\n`).problems).toEqual([{ line: 1, column: "", key: "importEmpty" }]);
    expect(parseContributionsCsv('organization\n"unclosed').problems[0]?.key).toBe("importUnreadable");
  });

  it("accepts its own template", () => {
    expect(parseContributionsCsv(`${TEMPLATE_COLUMNS.join(",")}\nSafe Harbor${",".repeat(TEMPLATE_COLUMNS.length - 1)}`).problems).toEqual([]);
  });
});

describe("toCsv", () => {
  it("quotes what needs quoting and keeps formulas from running", () => {
    expect(toCsv([["a,b", 'say "hi"', "=SUM(A1)", 3.5, null]])).toBe('\uFEFF"a,b","say ""hi""",\'=SUM(A1),3.5,\r\n');
  });
});
