import { movement, type Movement } from "@/server/domains/assessments/consensus";

/*
 * What the text summary of a chart says, computed from the same numbers the chart draws. Pure, so
 * the sentences are tested without rendering; the wording itself lives in the message catalog.
 * Movement uses the domain's own rule (server/domains/assessments/consensus.ts), not a second copy.
 */

export interface Valued {
  label: string;
  value: number | null;
}

export interface Extremes {
  strongest: { label: string; value: number };
  weakest: { label: string; value: number };
  /** Every value present is the same (so "strongest" and "weakest" would mislead). */
  even: boolean;
}

/** The highest and lowest of the values present (the first one wins a tie); null when none is. */
export function extremesOf(items: readonly Valued[]): Extremes | null {
  const present = items.filter((item): item is { label: string; value: number } => item.value !== null && Number.isFinite(item.value));
  const first = present[0];
  if (!first) return null;
  let strongest = first;
  let weakest = first;
  for (const item of present) {
    if (item.value > strongest.value) strongest = item;
    if (item.value < weakest.value) weakest = item;
  }
  return { strongest, weakest, even: strongest.value === weakest.value };
}

export type MovementTally = Record<Movement, number> & {
  /** Pairs with a value on both sides. */
  comparable: number;
};

/** How many pairs moved up, down, stayed, or could not be compared. */
export function tallyMovements(pairs: readonly { before: number | null; after: number | null }[]): MovementTally {
  const tally: MovementTally = { up: 0, down: 0, unchanged: 0, notComparable: 0, comparable: 0 };
  for (const pair of pairs) {
    const moved = movement(pair.before, pair.after);
    tally[moved] += 1;
    if (moved !== "notComparable") tally.comparable += 1;
  }
  return tally;
}
