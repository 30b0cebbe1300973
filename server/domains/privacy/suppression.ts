import type { PublishedFigures } from "@/db/schema";

/*
 * Small-cell suppression for victim-related counts shown outside the task force (funder views and
 * exports), as ../shared/domain/privacy.md rule 2 requires. Pure: it sees numbers, not who asks.
 * Every funder-facing victim-related number comes from here, and protection holds for everything an
 * outsider sees together (linked tables, and the same tables at different moments), which the
 * attacker's audit (server/domains/privacy/disclosure.int.test.ts) checks by linear programming.
 *
 * 1. One publication per period. Figures reach outsiders per reporting period, as published once —
 *    not live, so that a total does not move when one more agency submits (the move would be that
 *    agency's count). A period's figures are cut into lines: each count on its own, and services by
 *    type with their total.
 * 2. Primary: a count from 1 to the threshold is suppressed; 0 is shown.
 * 3. Complementary, within a line: the hidden cells of a line whose total is shown add up to a known
 *    number, so each of them lies between 0 and that number. More cells are hidden (the smallest
 *    non-zero first, then the total) until at least two are and they add up to at least the
 *    threshold, so that no hidden cell can be narrowed to a range under the threshold wide.
 * 4. Linked tables: every figure over several periods (the overview's totals, a half-year report,
 *    an award period) is the sum of the periods' published figures, shown only when each of them is
 *    shown (sumShown). A sum over a suppressed figure would otherwise give it away by subtraction.
 * 5. Over time: a late report or a correction may change a published period. The new version may
 *    only show less of a line that has shown something: a figure stays shown only while its value is
 *    unchanged, so comparing two versions reveals nothing that one of them did not. A line of which
 *    nothing was shown yet is published afresh.
 * 6. A percentage of a hidden part or of a hidden whole is hidden too (shareOf).
 */

export type Shown = { suppressed: false; value: number } | { suppressed: true };

export const SUPPRESSED: Shown = Object.freeze({ suppressed: true });
const shown = (value: number): Shown => ({ suppressed: false, value });

/** Cells published together: their total (when there is one) is published with them. */
export interface FigureLine {
  key: string;
  cells: readonly string[];
  /** Key of the line's total; null for a count that stands alone. */
  total: string | null;
}

export type { PublishedFigures };

function assertCount(value: number) {
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`suppression takes counts (whole numbers from 0), got ${value}`);
}

function assertThreshold(threshold: number) {
  if (!Number.isInteger(threshold) || threshold < 0) throw new RangeError(`threshold must be a whole number from 0, got ${threshold}`);
}

const isSmall = (value: number, threshold: number) => value >= 1 && value <= threshold;

/** A line published for the first time: primary, then complementary suppression (rules 2 and 3). */
function freshLine(line: FigureLine, valueOf: (key: string) => number, threshold: number): Map<string, number | null> {
  const hidden = new Set(line.cells.filter((key) => isSmall(valueOf(key), threshold)));
  if (line.total !== null) {
    if (isSmall(valueOf(line.total), threshold)) hidden.add(line.total);
    const hiddenCells = () => line.cells.filter((key) => hidden.has(key));
    const hiddenSum = () => hiddenCells().reduce((sum, key) => sum + valueOf(key), 0);
    while (!hidden.has(line.total) && hiddenCells().length > 0 && (hiddenCells().length < 2 || hiddenSum() < threshold)) {
      const candidates = line.cells.filter((key) => !hidden.has(key) && valueOf(key) > 0);
      const smallest = candidates.reduce<string | null>((best, key) => (best === null || valueOf(key) < valueOf(best) ? key : best), null);
      hidden.add(smallest ?? line.total);
    }
  }
  const keys = line.total === null ? line.cells : [...line.cells, line.total];
  return new Map(keys.map((key) => [key, hidden.has(key) ? null : valueOf(key)]));
}

/**
 * The figures of one period as outsiders may see them, given the period's current counts by key
 * (a line's total is computed here) and the version published before, if any (rules 1–5).
 */
export function publishFigures(values: Readonly<Record<string, number>>, lines: readonly FigureLine[], threshold: number, previous: PublishedFigures | null): PublishedFigures {
  assertThreshold(threshold);
  const cells: Record<string, number | null> = {};
  const locked: string[] = [];
  for (const line of lines) {
    const valueOf = (key: string) => {
      const value = key === line.total ? line.cells.reduce((sum, cell) => sum + (values[cell] ?? 0), 0) : (values[key] ?? 0);
      assertCount(value);
      return value;
    };
    let published: Map<string, number | null>;
    if (previous?.locked.includes(line.key)) {
      // Rule 5: only what was shown before, and only while it has not changed.
      const keys = line.total === null ? line.cells : [...line.cells, line.total];
      published = new Map(keys.map((key) => {
        const before = previous.cells[key];
        return [key, before !== null && before !== undefined && before === valueOf(key) ? before : null];
      }));
      locked.push(line.key);
    } else {
      published = freshLine(line, valueOf, threshold);
      if ([...published.values()].some((value) => value !== null)) locked.push(line.key);
    }
    for (const [key, value] of published) cells[key] = value;
  }
  return { cells, locked };
}

/** One published figure; suppressed when the period is not published or the figure was held back. */
export function shownOf(figures: PublishedFigures | null | undefined, key: string): Shown {
  const value = figures?.cells[key];
  return value === null || value === undefined ? SUPPRESSED : shown(value);
}

/** A figure over several periods: shown only when every part is (rule 4). */
export function sumShown(parts: readonly Shown[]): Shown {
  let total = 0;
  for (const part of parts) {
    if (part.suppressed) return SUPPRESSED;
    total += part.value;
  }
  return shown(total);
}

/** A share (0..1) of `part` in `whole`; hidden when either is, since either would reveal the other. */
export function shareOf(part: Shown, whole: Shown): Shown {
  if (part.suppressed || whole.suppressed) return SUPPRESSED;
  return shown(whole.value === 0 ? 0 : part.value / whole.value);
}
