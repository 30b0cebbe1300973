import { describe, expect, it } from "vitest";
import { SUPPRESSED, type Shown } from "@/server/domains/privacy/suppression";
import { changeBetween, compareSection, comparesSomething, figureOf, pairRows, type BuiltSection, type ComparisonWords } from "./comparison.rules";

const shown = (value: number): Shown => ({ suppressed: false, value });

const words: ComparisonWords = {
  suppressed: "suppressed",
  previousHeader: (figure) => `${figure}: previous period`,
  changeHeader: (figure) => `${figure}: change`,
  changePercentHeader: (figure) => `${figure}: change (percent)`,
  totalsHeader: ["Figure", "This period", "Previous period", "Change", "Change (percent)"],
};

describe("the change between two periods' figures", () => {
  it("gives the difference and, for a quantity, the difference in percent of the previous figure", () => {
    expect(changeBetween(shown(52), shown(40), "relative")).toEqual({ previous: shown(40), change: shown(12), changePercent: shown(30) });
    expect(changeBetween(shown(30), shown(40), "relative")).toEqual({ previous: shown(40), change: shown(-10), changePercent: shown(-25) });
    expect(changeBetween(shown(7), shown(7), "relative")).toEqual({ previous: shown(7), change: shown(0), changePercent: shown(0) });
    // One decimal of percent; cents at most of the difference, never floating point's tail.
    expect(changeBetween(shown(2), shown(3), "relative").changePercent).toEqual(shown(-33.3));
    expect(changeBetween(shown(0.3), shown(0.1), "relative").change).toEqual(shown(0.2));
  });

  it("gives no percent of a previous 0, nor of a percentage or a level (absolute)", () => {
    expect(changeBetween(shown(5), shown(0), "relative")).toEqual({ previous: shown(0), change: shown(5), changePercent: null });
    expect(changeBetween(shown(31.5), shown(28), "absolute")).toEqual({ previous: shown(28), change: shown(3.5), changePercent: null });
  });

  it("has nothing to say without a previous period or without a figure on either side: blank, not 0", () => {
    expect(changeBetween(shown(5), null, "relative")).toEqual({ previous: null, change: null, changePercent: null });
    expect(changeBetween(null, shown(5), "relative")).toEqual({ previous: shown(5), change: null, changePercent: null });
  });

  it("suppresses the change whenever either figure is suppressed, whichever side and whatever the other shows", () => {
    for (const [current, previous] of [
      [SUPPRESSED, shown(40)],
      [shown(40), SUPPRESSED],
      [SUPPRESSED, SUPPRESSED],
      [SUPPRESSED, shown(0)],
      [shown(0), SUPPRESSED],
    ] as const) {
      expect(changeBetween(current, previous, "relative")).toEqual({ previous, change: SUPPRESSED, changePercent: SUPPRESSED });
      expect(changeBetween(current, previous, "absolute")).toEqual({ previous, change: SUPPRESSED, changePercent: null });
    }
  });

  it("reads a number column's cell: a number is shown, text is the suppressed mark, blank is no figure", () => {
    expect(figureOf(12)).toEqual(shown(12));
    expect(figureOf("suppressed")).toEqual(SUPPRESSED);
    expect(figureOf(null)).toBeNull();
  });
});

describe("pairing the rows of two periods", () => {
  const key = (row: { name: string }) => row.name;
  it("keeps this period's order and puts a row only the previous period had after the row it followed there", () => {
    const current = [{ name: "type: full" }, { name: "discipline: police" }];
    const previous = [{ name: "type: committee" }, { name: "type: full" }, { name: "discipline: shelter" }, { name: "discipline: police" }, { name: "discipline: clinic" }];
    expect(pairRows(current, previous, key).map((pair) => [pair.current?.name ?? null, pair.previous?.name ?? null])).toEqual([
      [null, "type: committee"],
      ["type: full", "type: full"],
      [null, "discipline: shelter"],
      ["discipline: police", "discipline: police"],
      [null, "discipline: clinic"],
    ]);
  });

  it("pairs nothing when the previous period had no rows", () => {
    expect(pairRows([{ name: "a" }], [], key)).toEqual([{ current: { name: "a" }, previous: null }]);
  });
});

describe("a section compared with the previous period's", () => {
  const built = (rows: BuiltSection["rows"], totals: [number, number]): BuiltSection => ({
    title: "Persons identified and services",
    columns: [
      { key: "measure", header: "Measure", type: "text" },
      { key: "count", header: "Count", type: "number", compare: "relative" },
      { key: "share", header: "Share", type: "number" },
    ],
    rows,
    totals: [
      { label: "Areas up", value: totals[0], compare: "absolute" },
      { label: "Open now", value: totals[1] },
    ],
  });

  it("sets the previous figure and the changes beside each compared column, with headings in the reader's words", () => {
    const section = compareSection(built([{ measure: "Referrals", count: 52, share: null }], [3, 9]), built([{ measure: "Referrals", count: 40, share: null }], [1, 4]), words);
    expect(section.columns.map((column) => [column.key, column.header, column.type, column.comparison?.role ?? null])).toEqual([
      ["measure", "Measure", "text", null],
      ["count", "Count", "number", null],
      ["countPrevious", "Count: previous period", "number", "previous"],
      ["countChange", "Count: change", "number", "change"],
      ["countChangePercent", "Count: change (percent)", "percent", "changePercent"],
      ["share", "Share", "number", null],
    ]);
    expect(section.rows).toEqual([{ measure: "Referrals", count: 52, countPrevious: 40, countChange: 12, countChangePercent: 30, share: null }]);
    // A compared total gets its previous figure and change; today's count has none.
    expect(section.totals).toEqual([
      { label: "Areas up", value: 3, previous: 1, change: 2, changePercent: null },
      { label: "Open now", value: 9 },
    ]);
    expect(section.totalsHeader).toEqual(words.totalsHeader);
  });

  it("writes a suppressed previous figure and its change as suppressed, and a row gone since as 0 now", () => {
    const section = compareSection(
      built([{ measure: "Referrals", count: "suppressed", share: null }], [0, 0]),
      built(
        [
          { measure: "Referrals", count: 40, share: null },
          { measure: "Housing", count: "suppressed", share: "suppressed" },
          { measure: "Food", count: 12, share: 60 },
        ],
        [0, 0],
      ),
      words,
    );
    expect(section.rows).toEqual([
      { measure: "Referrals", count: "suppressed", countPrevious: 40, countChange: "suppressed", countChangePercent: "suppressed", share: null },
      { measure: "Housing", count: 0, countPrevious: "suppressed", countChange: "suppressed", countChangePercent: "suppressed", share: null },
      { measure: "Food", count: 0, countPrevious: 12, countChange: -12, countChangePercent: -100, share: null },
    ]);
  });

  it("leaves every previous figure and change blank in an award's first period (no previous section), not 0", () => {
    const section = compareSection(built([{ measure: "Referrals", count: 12, share: null }], [2, 1]), null, words);
    expect(section.rows).toEqual([{ measure: "Referrals", count: 12, countPrevious: null, countChange: null, countChangePercent: null, share: null }]);
    expect(section.totals[0]).toEqual({ label: "Areas up", value: 2, previous: null, change: null, changePercent: null });
  });

  it("takes a row missing in the previous period as 0 then, and leaves a figure that is blank on either side without a change", () => {
    const money: BuiltSection = {
      title: "Contributions",
      columns: [
        { key: "measure", header: "Measure", type: "text" },
        { key: "period", header: "In the period (USD)", type: "money", currency: "USD", compare: "relative" },
      ],
      rows: [
        { measure: "Total value", period: 2500.5 },
        { measure: "Match target", period: null },
      ],
      totals: [],
    };
    const section = compareSection(money, { ...money, rows: [{ measure: "Match target", period: null }, { measure: "Returned", period: null }] }, words);
    // The previous figure and the change are money too.
    expect(section.columns.filter((column) => column.type === "money").map((column) => column.key)).toEqual(["period", "periodPrevious", "periodChange"]);
    expect(section.rows).toEqual([
      { measure: "Total value", period: 2500.5, periodPrevious: 0, periodChange: 2500.5, periodChangePercent: null },
      { measure: "Match target", period: null, periodPrevious: null, periodChange: null, periodChangePercent: null },
      // Gone since, but it had no figure then either: none now, rather than a 0 that was never there.
      { measure: "Returned", period: null, periodPrevious: null, periodChange: null, periodChangePercent: null },
    ]);
    expect(section.totalsHeader).toBeUndefined();
  });

  it("keeps the section's sheet name, which XLSX files name its sheet by", () => {
    const named: BuiltSection = { title: "Persons identified and services", sheetName: "Identification and services", columns: [], rows: [], totals: [] };
    expect(compareSection(named, null, words).sheetName).toBe("Identification and services");
  });

  it("stores a section without compared figures as it was built", () => {
    const plain: BuiltSection = { title: "MOUs", columns: [{ key: "title", header: "Title", type: "text" }], rows: [{ title: "Shared MOU" }], totals: [{ label: "MOUs signed", value: 1 }] };
    expect(comparesSomething(plain)).toBe(false);
    expect(compareSection(plain, null, words)).toEqual({ title: "MOUs", columns: [{ key: "title", header: "Title", type: "text" }], rows: [{ title: "Shared MOU" }], totals: [{ label: "MOUs signed", value: 1 }] });
  });
});
