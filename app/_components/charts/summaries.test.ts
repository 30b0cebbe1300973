import { describe, expect, it } from "vitest";
import { extremesOf, tallyMovements } from "./summaries";

describe("extremesOf", () => {
  it("finds the strongest and weakest, ignoring missing values", () => {
    expect(
      extremesOf([
        { label: "A", value: 2 },
        { label: "B", value: null },
        { label: "C", value: 3.5 },
        { label: "D", value: 1.5 },
      ]),
    ).toEqual({ strongest: { label: "C", value: 3.5 }, weakest: { label: "D", value: 1.5 }, even: false });
  });

  it("keeps the first of tied values and says when all are even", () => {
    const result = extremesOf([
      { label: "A", value: 2 },
      { label: "B", value: 2 },
    ]);
    expect(result).toEqual({ strongest: { label: "A", value: 2 }, weakest: { label: "A", value: 2 }, even: true });
  });

  it("is null when nothing has a value", () => {
    expect(extremesOf([])).toBeNull();
    expect(extremesOf([{ label: "A", value: null }])).toBeNull();
  });
});

describe("tallyMovements", () => {
  it("counts up, down, unchanged and not comparable", () => {
    expect(
      tallyMovements([
        { before: 1, after: 2 },
        { before: 2.5, after: 2 },
        { before: 3, after: 3 },
        { before: null, after: 3 },
        { before: 2, after: null },
      ]),
    ).toEqual({ up: 1, down: 1, unchanged: 1, notComparable: 2, comparable: 3 });
  });

  it("is all zero for no pairs", () => {
    expect(tallyMovements([])).toEqual({ up: 0, down: 0, unchanged: 0, notComparable: 0, comparable: 0 });
  });
});
