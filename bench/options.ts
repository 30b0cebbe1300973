import path from "node:path";

/** Where a bench writes its results (`--out`), and whether a missed target fails the run (`--no-fail` only reports). */
export interface ResultOptions {
  out: string;
  fail: boolean;
}

/** Reads `--name value` options of a benchmark's command line, as the benches share them. */
export function optionReader(argv: readonly string[]) {
  const valueOf = (name: string): string | undefined => {
    const index = argv.indexOf(name);
    return index >= 0 ? argv[index + 1] : undefined;
  };
  /** A whole number of at least `min`, or `fallback` when the option is absent. */
  const count = (name: string, fallback: number, min = 0): number => {
    const value = valueOf(name);
    if (value === undefined) return fallback;
    if (!/^\d+$/.test(value) || Number(value) < min) throw new Error(`${name} takes a whole number from ${min}, not ${value}`);
    return Number(value);
  };
  const has = (flag: string) => argv.includes(flag);
  /** `--out` (by default `file` in .data/bench/) and `--no-fail`. */
  const results = (file: string): ResultOptions => ({ out: valueOf("--out") ?? path.join(".data", "bench", file), fail: !has("--no-fail") });
  return { valueOf, count, has, results };
}

/** The PostgreSQL server a bench that needs one creates its database on: BENCH_DATABASE_URL, or the local one. */
export const postgresServerUrl = () => process.env.BENCH_DATABASE_URL?.trim() || "postgres://postgres@127.0.0.1:5432/test";
