/*
 * Small-cell suppression for victim-related counts shown outside the task force (funder views and
 * exports), as ../shared/domain/privacy.md requires. Pure: it sees numbers, not who asks.
 *
 * 1. Primary: a count from 1 to the threshold is shown as "suppressed"; 0 is shown.
 * 2. Complementary: a table's row, column and grand totals are equations. A line (its cells and its
 *    total) with exactly one hidden entry would give it away by one subtraction, so a second entry is
 *    hidden: the line's smallest non-zero visible cell, or its total when no cell qualifies. Hiding
 *    one entry can expose another line, so this repeats until no line has exactly one hidden entry.
 * 3. A percentage of a hidden part or of a hidden whole is hidden too (shareOf).
 */

export type Shown = { suppressed: false; value: number } | { suppressed: true };

export interface SuppressedTable {
  cells: Shown[][];
  /** Per row; null when the table has no row totals. */
  rowTotals: Shown[] | null;
  /** Per column; null when the table has no column totals. */
  columnTotals: Shown[] | null;
  /** Present when the table has both row and column totals. */
  grandTotal: Shown | null;
}

export interface SuppressionOptions {
  threshold: number;
  rowTotals: boolean;
  columnTotals: boolean;
}

export const SUPPRESSED: Shown = Object.freeze({ suppressed: true });
const shown = (value: number): Shown => ({ suppressed: false, value });

/** A single count with no total beside it: primary suppression only. */
export function suppressCount(value: number, threshold: number): Shown {
  assertCount(value);
  return value >= 1 && value <= threshold ? SUPPRESSED : shown(value);
}

function assertCount(value: number) {
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`suppression takes counts (whole numbers from 0), got ${value}`);
}

type Position = readonly [row: number, column: number];

/** Suppresses a table of counts (rows × columns) and the totals it is shown with. */
export function suppressTable(cells: readonly (readonly number[])[], options: SuppressionOptions): SuppressedTable {
  const { threshold, rowTotals, columnTotals } = options;
  if (!Number.isInteger(threshold) || threshold < 0) throw new RangeError(`threshold must be a whole number from 0, got ${threshold}`);
  const rows = cells.length;
  const columns = cells[0]?.length ?? 0;
  for (const row of cells) {
    if (row.length !== columns) throw new RangeError("every row of the table needs the same number of cells");
    row.forEach(assertCount);
  }

  // The table with its totals: column `columns` holds row totals, row `rows` column totals.
  const grid: number[][] = cells.map((row) => [...row, row.reduce((sum, value) => sum + value, 0)]);
  const totalsRow = Array.from({ length: columns + 1 }, (_, column) => grid.reduce((sum, row) => sum + (row[column] ?? 0), 0));
  grid.push(totalsRow);
  const present = (row: number, column: number) =>
    (row < rows || columnTotals) && (column < columns || rowTotals) && (row < rows || column < columns || (rowTotals && columnTotals));
  const valueAt = ([row, column]: Position) => grid[row]?.[column] ?? 0;

  // Each line: its cells and the total they add up to.
  const lines: { members: Position[]; total: Position }[] = [];
  // The totals row (column) is a line of its own only when both kinds of totals exist, since only
  // then do the totals add up to a grand total.
  const lastRow = columnTotals ? rows : rows - 1;
  const lastColumn = rowTotals ? columns : columns - 1;
  if (rowTotals) {
    for (let row = 0; row <= lastRow; row++) {
      lines.push({ members: Array.from({ length: columns }, (_, column) => [row, column] as const), total: [row, columns] });
    }
  }
  if (columnTotals) {
    for (let column = 0; column <= lastColumn; column++) {
      lines.push({ members: Array.from({ length: rows }, (_, row) => [row, column] as const), total: [rows, column] });
    }
  }

  const hidden = new Set<string>();
  const keyOf = ([row, column]: Position) => `${row}:${column}`;
  const isHidden = (position: Position) => hidden.has(keyOf(position));
  for (let row = 0; row <= rows; row++) {
    for (let column = 0; column <= columns; column++) {
      const value = valueAt([row, column]);
      if (present(row, column) && value >= 1 && value <= threshold) hidden.add(keyOf([row, column]));
    }
  }

  let changed = true;
  while (changed) {
    changed = false;
    for (const line of lines) {
      const entries = [...line.members, line.total];
      if (entries.filter(isHidden).length !== 1) continue;
      const candidates = line.members.filter((position) => !isHidden(position) && valueAt(position) > 0);
      const smallest = candidates.reduce<Position | null>((best, position) => (best === null || valueAt(position) < valueAt(best) ? position : best), null);
      hidden.add(keyOf(smallest ?? line.total));
      changed = true;
    }
  }

  const out = (position: Position): Shown => (isHidden(position) ? SUPPRESSED : shown(valueAt(position)));
  return {
    cells: cells.map((row, rowIndex) => row.map((_, column) => out([rowIndex, column]))),
    rowTotals: rowTotals ? Array.from({ length: rows }, (_, row) => out([row, columns])) : null,
    columnTotals: columnTotals ? Array.from({ length: columns }, (_, column) => out([rows, column])) : null,
    grandTotal: rowTotals && columnTotals ? out([rows, columns]) : null,
  };
}

/** A share (0..1) of `part` in `whole`; hidden when either is, since either would reveal the other. */
export function shareOf(part: Shown, whole: Shown): Shown {
  if (part.suppressed || whole.suppressed) return SUPPRESSED;
  return shown(whole.value === 0 ? 0 : part.value / whole.value);
}
