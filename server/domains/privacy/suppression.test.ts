import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { shareOf, suppressCount, suppressTable, SUPPRESSED, type Shown, type SuppressedTable } from "./suppression";

const v = (value: number): Shown => ({ suppressed: false, value });
const S = SUPPRESSED;

/** Every line of the output with its entries (cells and total), as the algorithm's equations. */
function linesOf(table: SuppressedTable): Shown[][] {
  const lines: Shown[][] = [];
  const rows = table.cells.length;
  const columns = table.cells[0]?.length ?? 0;
  if (table.rowTotals) {
    table.cells.forEach((row, index) => lines.push([...row, table.rowTotals![index]!]));
    if (table.columnTotals && table.grandTotal) lines.push([...table.columnTotals, table.grandTotal]);
  }
  if (table.columnTotals) {
    for (let column = 0; column < columns; column++) {
      lines.push([...table.cells.map((row) => row[column]!), table.columnTotals[column]!]);
    }
    if (table.rowTotals && table.grandTotal) lines.push([...table.rowTotals.slice(0, rows), table.grandTotal]);
  }
  return lines;
}

describe("suppressCount", () => {
  it("hides 1 to the threshold and shows 0 and larger counts", () => {
    expect([0, 1, 10, 11].map((value) => suppressCount(value, 10))).toEqual([v(0), S, S, v(11)]);
  });

  it("refuses negative and fractional counts", () => {
    expect(() => suppressCount(-1, 10)).toThrow(RangeError);
    expect(() => suppressCount(1.5, 10)).toThrow(RangeError);
  });
});

describe("suppressTable", () => {
  it("hides a small cell and a second cell in its row and column, so the totals give nothing away", () => {
    const table = suppressTable(
      [
        [20, 3, 40],
        [25, 30, 12],
      ],
      { threshold: 10, rowTotals: true, columnTotals: true },
    );
    // 3 is hidden; its row hides the smallest other non-zero cell (20), its column the 30.
    // Column 0 then has 20 hidden alone, so 25 follows; row 1 now has 25 and 30 hidden: settled.
    expect(table.cells).toEqual([
      [S, S, v(40)],
      [S, S, v(12)],
    ]);
    expect(table.rowTotals).toEqual([v(63), v(67)]);
    expect(table.columnTotals).toEqual([v(45), v(33), v(52)]);
    expect(table.grandTotal).toEqual(v(130));
  });

  it("hides the total when every other cell of the line is zero", () => {
    const table = suppressTable([[0, 4, 0]], { threshold: 10, rowTotals: true, columnTotals: false });
    expect(table.cells).toEqual([[v(0), S, v(0)]]);
    expect(table.rowTotals).toEqual([S]);
    expect(table.columnTotals).toBeNull();
    expect(table.grandTotal).toBeNull();
  });

  it("hides a small total, and the row totals column follows", () => {
    const table = suppressTable(
      [
        [2, 3],
        [40, 50],
      ],
      { threshold: 10, rowTotals: true, columnTotals: true },
    );
    // Row 0 (2, 3, total 5) is hidden by primary suppression; each column then hides its other cell,
    // and the row totals column (5 hidden, 90, grand total 95) hides 90.
    expect(table.cells).toEqual([
      [S, S],
      [S, S],
    ]);
    expect(table.rowTotals).toEqual([S, S]);
    expect(table.columnTotals).toEqual([v(42), v(53)]);
    expect(table.grandTotal).toEqual(v(95));
  });

  it("works on a single column with a total (services by type)", () => {
    const table = suppressTable([[40], [2], [15], [0]], { threshold: 10, rowTotals: false, columnTotals: true });
    expect(table.cells).toEqual([[v(40)], [S], [S], [v(0)]]);
    expect(table.columnTotals).toEqual([v(57)]);
  });

  it("iterates to a fixed point through the totals row", () => {
    const table = suppressTable(
      [
        [1, 50],
        [60, 70],
      ],
      { threshold: 10, rowTotals: true, columnTotals: true },
    );
    for (const line of linesOf(table)) expect(line.filter((entry) => entry.suppressed).length).not.toBe(1);
    expect(table.cells[0]?.[0]).toEqual(S);
  });

  it("leaves a table without small counts as it is, zeros included", () => {
    const table = suppressTable(
      [
        [0, 12],
        [30, 0],
      ],
      { threshold: 10, rowTotals: true, columnTotals: true },
    );
    expect(table.cells).toEqual([
      [v(0), v(12)],
      [v(30), v(0)],
    ]);
    expect(table.grandTotal).toEqual(v(42));
  });

  it("refuses ragged tables and a negative threshold", () => {
    expect(() => suppressTable([[1, 2], [3]], { threshold: 10, rowTotals: true, columnTotals: false })).toThrow(RangeError);
    expect(() => suppressTable([[1]], { threshold: -1, rowTotals: true, columnTotals: false })).toThrow(RangeError);
  });

  it("never shows a small count, never leaves one hidden entry in a line, and never changes a shown value", () => {
    const tables = fc.record({
      cells: fc.integer({ min: 1, max: 5 }).chain((columns) =>
        fc.array(fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 40 })), { minLength: columns, maxLength: columns }), {
          minLength: 1,
          maxLength: 5,
        }),
      ),
      threshold: fc.integer({ min: 1, max: 10 }),
      rowTotals: fc.boolean(),
      columnTotals: fc.boolean(),
    });
    fc.assert(
      fc.property(tables, ({ cells, ...options }) => {
        const table = suppressTable(cells, options);
        const entries = [...table.cells.flat(), ...(table.rowTotals ?? []), ...(table.columnTotals ?? []), ...(table.grandTotal ? [table.grandTotal] : [])];
        for (const entry of entries) if (!entry.suppressed) expect(entry.value === 0 || entry.value > options.threshold).toBe(true);
        // No hidden value is recoverable by one subtraction: no line has exactly one hidden entry.
        for (const line of linesOf(table)) expect(line.filter((entry) => entry.suppressed).length).not.toBe(1);
        table.cells.forEach((row, r) =>
          row.forEach((entry, c) => {
            if (entry.suppressed) expect(cells[r]?.[c]).toBeGreaterThan(0);
            else expect(entry.value).toBe(cells[r]?.[c]);
          }),
        );
      }),
      { numRuns: 500 },
    );
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
