import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { publishFigures, shareOf, shownOf, sumShown, SUPPRESSED, type FigureLine, type Shown } from "./suppression";

const v = (value: number): Shown => ({ suppressed: false, value });
const S = SUPPRESSED;

const LINES: FigureLine[] = [
  { key: "confirmed", cells: ["confirmed"], total: null },
  { key: "services", cells: ["a", "b", "c", "d"], total: "total" },
];

describe("publishFigures: one period's figures for outsiders", () => {
  it("hides counts from 1 to the threshold and shows 0 and larger ones", () => {
    expect(publishFigures({ confirmed: 0 }, [LINES[0]!], 10, null).cells).toEqual({ confirmed: 0 });
    expect(publishFigures({ confirmed: 1 }, [LINES[0]!], 10, null).cells).toEqual({ confirmed: null });
    expect(publishFigures({ confirmed: 10 }, [LINES[0]!], 10, null).cells).toEqual({ confirmed: null });
    expect(publishFigures({ confirmed: 11 }, [LINES[0]!], 10, null).cells).toEqual({ confirmed: 11 });
  });

  it("hides more of a line shown with its total until the hidden cells add up to the threshold", () => {
    // b (2) is small; c (3) alone would leave b between 0 and 5, so d (20) is hidden as well.
    const { cells } = publishFigures({ a: 40, b: 2, c: 3, d: 20 }, [LINES[1]!], 10, null);
    expect(cells).toEqual({ a: 40, b: null, c: null, d: null, total: 65 });
  });

  it("hides the total when no other cell can hide a lone small count", () => {
    const { cells } = publishFigures({ a: 0, b: 4, c: 0, d: 0 }, [LINES[1]!], 10, null);
    expect(cells).toEqual({ a: 0, b: null, c: 0, d: 0, total: null });
  });

  it("once a line has shown something, later versions show only unchanged figures (a late report or a correction)", () => {
    const first = publishFigures({ confirmed: 30, a: 40, b: 0, c: 12, d: 0 }, LINES, 10, null);
    expect(first.cells).toEqual({ confirmed: 30, a: 40, b: 0, c: 12, d: 0, total: 52 });
    expect(first.locked.sort()).toEqual(["confirmed", "services"]);
    // One more agency reports 3 persons and 2 services of type b: comparing totals would reveal them.
    const second = publishFigures({ confirmed: 33, a: 40, b: 2, c: 12, d: 0 }, LINES, 10, first);
    expect(second.cells).toEqual({ confirmed: null, a: 40, b: null, c: 12, d: 0, total: null });
    // And nothing comes back later, even when the value returns to what was shown.
    expect(publishFigures({ confirmed: 30, a: 40, b: 0, c: 12, d: 0 }, LINES, 10, second).cells).toEqual(second.cells);
  });

  it("publishes a line afresh when nothing of it was shown before", () => {
    const first = publishFigures({ confirmed: 3 }, [LINES[0]!], 10, null);
    expect(first).toEqual({ cells: { confirmed: null }, locked: [] });
    expect(publishFigures({ confirmed: 11 }, [LINES[0]!], 10, first).cells).toEqual({ confirmed: 11 });
  });

  it("refuses a negative threshold and counts that are not whole numbers from 0", () => {
    expect(() => publishFigures({ confirmed: 1 }, LINES, -1, null)).toThrow(RangeError);
    expect(() => publishFigures({ confirmed: -1 }, LINES, 10, null)).toThrow(RangeError);
    expect(() => publishFigures({ confirmed: 1.5 }, LINES, 10, null)).toThrow(RangeError);
  });

  it("never shows a small count, and leaves every hidden cell of a shown total a range at least the threshold wide", () => {
    const count = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 13, max: 60 }));
    fc.assert(
      fc.property(fc.tuple(count, count, count, count), fc.integer({ min: 1, max: 12 }), ([a, b, c, d], threshold) => {
        const values = { a, b, c, d };
        const { cells } = publishFigures(values, [LINES[1]!], threshold, null);
        for (const [key, shown] of Object.entries(cells)) {
          if (shown !== null) expect(shown === 0 || shown > threshold, key).toBe(true);
        }
        const hidden = ["a", "b", "c", "d"].filter((key) => cells[key] === null);
        if (cells.total !== null && hidden.length > 0) {
          // With the total shown, each hidden cell lies between 0 and the sum of the hidden ones.
          expect(hidden.length).toBeGreaterThanOrEqual(2);
          expect(hidden.reduce((sum, key) => sum + values[key as keyof typeof values], 0)).toBeGreaterThanOrEqual(threshold);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe("figures over several periods", () => {
  it("reads a published figure, suppressed when held back or not published", () => {
    expect(shownOf({ cells: { a: 12, b: null }, locked: [] }, "a")).toEqual(v(12));
    expect(shownOf({ cells: { a: 12, b: null }, locked: [] }, "b")).toEqual(S);
    expect(shownOf(null, "a")).toEqual(S);
  });

  it("shows a sum only when every part is shown, so no subtraction gives a hidden part away", () => {
    expect(sumShown([v(12), v(0), v(30)])).toEqual(v(42));
    expect(sumShown([v(12), S, v(30)])).toEqual(S);
    expect(sumShown([])).toEqual(v(0));
  });
});

describe("shareOf", () => {
  it("hides a percentage of a hidden part or whole", () => {
    expect(shareOf(v(25), v(100))).toEqual(v(0.25));
    expect(shareOf(S, v(100))).toEqual(S);
    expect(shareOf(v(25), S)).toEqual(S);
    expect(shareOf(v(0), v(0))).toEqual(v(0));
  });
});
