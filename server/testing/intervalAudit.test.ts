import { describe, expect, it } from "vitest";
import { auditIntervals } from "./intervalAudit";

/*
 * The audit's own checks for changes between periods (issue 20): a change is an equation with cells
 * on both sides. Cells: 0 = this period's count (25), 1 = the previous period's (3, suppressed),
 * 2 and 3 = other cells.
 */

const threshold = 10;
const previousTarget = { label: "previous period's count", terms: [1], trueValue: 3 };

describe("interval audit of changes between periods", () => {
  it("finds the suppressed previous figure a shown change would give away", async () => {
    const { leaks } = await auditIntervals({
      equations: [
        { terms: [0], value: 25, source: "this period's count" },
        { terms: [0], minus: [1], value: 22, source: "the change" },
      ],
      targets: [previousTarget],
      threshold,
    });
    expect(leaks.map((leak) => [leak.label, leak.min, leak.max, leak.sources])).toEqual([["previous period's count", 3, 3, ["this period's count", "the change"]]]);
  });

  it("finds nothing when the change is suppressed with the previous figure", async () => {
    const { leaks } = await auditIntervals({ equations: [{ terms: [0], value: 25, source: "this period's count" }], targets: [previousTarget], threshold });
    expect(leaks).toEqual([]);
  });

  it("pins no cell at 0 for a change of 0: both sides may be whatever, as long as they are equal", async () => {
    const { leaks } = await auditIntervals({
      equations: [
        { terms: [1], minus: [2], value: 0, source: "the change" },
        { terms: [1, 3], value: 30, source: "a total with a third cell" },
      ],
      targets: [previousTarget],
      threshold,
    });
    // Somewhere from 0 to 30: protected. Taken for 0, the audit would throw (a cell of 3 pinned at 0).
    expect(leaks).toEqual([]);
  });
});
