import highsLoader from "highs";

/*
 * Interval auditing, as statistical offices check linked tables: everything an outsider saw is a set
 * of linear equations over hidden non-negative cells; for each protected cell, linear programming
 * gives the smallest and largest value consistent with all of it. A small count (1..threshold) is
 * disclosed when that range falls inside 1..threshold or is narrower than the threshold
 * (../shared/domain/privacy.md, rule 2). The solver is HiGHS (the `highs` package, WebAssembly);
 * nothing here solves anything by hand. Test code only: `highs` is a development dependency.
 */

/**
 * Something the outsider saw: the hidden cells `terms` (variable ids) add up to `value`, less the
 * cells `minus` when there are some (a change between two figures: this period's less the previous one's).
 */
export interface Equation {
  terms: readonly number[];
  minus?: readonly number[];
  value: number;
  /** Where it was seen, e.g. "overview@t1: confirmed victims identified, total of 2025-Q3..2026-Q4". */
  source: string;
}

/** A linear form of hidden cells that must stay protected, with its true value. */
export interface Target {
  label: string;
  terms: readonly number[];
  trueValue: number;
}

export interface Leak {
  label: string;
  trueValue: number;
  min: number;
  max: number;
  /** The sightings whose equations pin the range (non-zero duals at the optimum). */
  sources: string[];
}

type Highs = Awaited<ReturnType<typeof highsLoader>>;
let solver: Promise<Highs> | undefined;
const highs = () => (solver ??= highsLoader());

const EPSILON = 1e-7;

/** A target is protected when its range is at least `threshold` wide and not inside 1..threshold. */
export function isDisclosed(min: number, max: number, threshold: number): boolean {
  return max - min < threshold - EPSILON || (min >= 1 - EPSILON && max <= threshold + EPSILON);
}

interface Row {
  coefficients: Map<number, number>;
  value: number;
  sources: string[];
}

const variable = (id: number) => `x${id}`;

function linear(coefficients: Map<number, number>): string {
  const parts = [...coefficients.entries()].filter(([, coefficient]) => coefficient !== 0).map(([id, coefficient]) => `${coefficient >= 0 ? "+" : "-"} ${Math.abs(coefficient)} ${variable(id)}`);
  return parts.join(" ").replace(/^\+ /, "");
}

function countTerms(terms: readonly number[], minus: readonly number[] = []): Map<number, number> {
  const coefficients = new Map<number, number>();
  for (const id of terms) coefficients.set(id, (coefficients.get(id) ?? 0) + 1);
  for (const id of minus) coefficients.set(id, (coefficients.get(id) ?? 0) - 1);
  // A cell on both sides of a change cancels out.
  for (const [id, coefficient] of coefficients) if (coefficient === 0) coefficients.delete(id);
  return coefficients;
}

/**
 * The range of every target given the equations, and the targets whose range discloses them.
 * Equations are grouped into connected parts (cells linked through some equation), so each linear
 * program holds only the equations that can bear on its target.
 */
export async function auditIntervals(input: { equations: readonly Equation[]; targets: readonly Target[]; threshold: number }): Promise<{ leaks: Leak[]; linearPrograms: number }> {
  // Identical equations seen in several places are one row with several sources.
  const rows = new Map<string, Row>();
  for (const equation of input.equations) {
    const coefficients = countTerms(equation.terms, equation.minus);
    if (coefficients.size === 0) {
      if (equation.value !== 0) throw new Error(`audit: "${equation.source}" shows ${equation.value} for an empty set of cells`);
      continue;
    }
    const key = `${[...coefficients.entries()].sort((a, b) => a[0] - b[0]).map(([id, coefficient]) => `${id}*${coefficient}`).join("+")}=${equation.value}`;
    const row = rows.get(key) ?? { coefficients, value: equation.value, sources: [] };
    if (!row.sources.includes(equation.source)) row.sources.push(equation.source);
    rows.set(key, row);
  }

  // A figure shown as 0 pins each of its cells at 0 (they are non-negative): take those cells out of
  // every equation, which keeps the programs small (most service types are 0 most of the time). Not
  // a change of 0: its cells on either side may be whatever, as long as they are equal.
  const zero = new Set<number>();
  for (const row of rows.values()) {
    if (row.value === 0 && [...row.coefficients.values()].every((coefficient) => coefficient > 0)) for (const id of row.coefficients.keys()) zero.add(id);
  }
  for (const [key, row] of [...rows.entries()]) {
    for (const id of zero) row.coefficients.delete(id);
    if (row.coefficients.size > 0) continue;
    if (row.value !== 0) throw new Error(`audit: "${row.sources[0]}" shows ${row.value} for cells that other figures pin at 0`);
    rows.delete(key);
  }

  // Union-find over variables: two cells are linked when an equation holds both.
  const parent = new Map<number, number>();
  const find = (id: number): number => {
    let root = id;
    while (parent.has(root) && parent.get(root) !== root) root = parent.get(root)!;
    parent.set(id, root);
    return root;
  };
  const union = (a: number, b: number) => parent.set(find(a), find(b));
  for (const row of rows.values()) {
    const [first, ...rest] = [...row.coefficients.keys()];
    find(first!);
    for (const id of rest) union(first!, id);
  }
  const rowsOfPart = new Map<number, Row[]>();
  for (const row of rows.values()) {
    const part = find(row.coefficients.keys().next().value!);
    rowsOfPart.set(part, [...(rowsOfPart.get(part) ?? []), row]);
  }

  const engine = await highs();
  const leaks: Leak[] = [];
  let linearPrograms = 0;
  for (const target of input.targets) {
    const coefficients = countTerms(target.terms);
    for (const id of zero) coefficients.delete(id);
    // Every cell of it pinned at 0: the range is 0..0, which is only a leak for a cell that is not 0.
    if (coefficients.size === 0) {
      if (target.trueValue !== 0) throw new Error(`audit: ${target.label} is ${target.trueValue} but figures shown as 0 pin it at 0`);
      continue;
    }
    // A cell in no equation can be anything from 0 up: the target's range is unbounded, so it is safe.
    if ([...coefficients.keys()].some((id) => !parent.has(id))) continue;
    const parts = new Set([...coefficients.keys()].map(find));
    const constraints = [...parts].flatMap((part) => rowsOfPart.get(part) ?? []);
    const subjectTo = constraints.map((row, index) => ` r${index}: ${linear(row.coefficients)} = ${row.value}`).join("\n");
    const solve = (sense: "Minimize" | "Maximize") => {
      linearPrograms += 1;
      // Quiet (its log costs more than the solve) and without presolve: these programs are small.
      const result = engine.solve(`${sense}\n obj: ${linear(coefficients)}\nSubject To\n${subjectTo}\nEnd\n`, { output_flag: false, presolve: "off" });
      if (result.Status === "Infeasible" || (sense === "Minimize" && result.Status === "Primal infeasible or unbounded")) {
        throw new Error(`audit: what the outsider saw is inconsistent (a view's cells do not add up to what it shows) around ${target.label}`);
      }
      const unbounded = result.Status === "Unbounded" || (sense === "Maximize" && result.Status === "Primal infeasible or unbounded");
      if (unbounded) return { bound: sense === "Maximize" ? Infinity : -Infinity, sources: [] as string[] };
      if (result.Status !== "Optimal") throw new Error(`audit: HiGHS answered ${result.Status} for ${target.label}`);
      // One line per binding equation: where it was first seen, and how often the same figure was seen again.
      const binding = result.Rows.flatMap((row, index) => {
        const sources = constraints[index]?.sources ?? [];
        if (Math.abs((row as { Dual: number }).Dual) <= EPSILON || sources.length === 0) return [];
        return [sources.length > 1 ? `${sources[0]} (the same figure seen ${sources.length - 1} more times)` : sources[0]!];
      });
      return { bound: result.ObjectiveValue, sources: binding };
    };
    const low = solve("Minimize");
    const high = solve("Maximize");
    const min = Math.round(low.bound * 1e6) / 1e6;
    const max = high.bound === Infinity ? Infinity : Math.round(high.bound * 1e6) / 1e6;
    if (isDisclosed(min, max, input.threshold)) {
      leaks.push({ label: target.label, trueValue: target.trueValue, min, max, sources: [...new Set([...low.sources, ...high.sources])] });
    }
  }
  return { leaks, linearPrograms };
}

export function describeLeak(leak: Leak, threshold: number): string {
  const range = `${leak.min}..${leak.max === Infinity ? "∞" : leak.max}`;
  const why = leak.max - leak.min < threshold ? `narrower than the threshold ${threshold}` : `inside 1..${threshold}`;
  return [`LEAK ${leak.label} (true value ${leak.trueValue}): feasible range ${range}, ${why}; given away by:`, ...leak.sources.map((source) => `    - ${source}`)].join("\n");
}
