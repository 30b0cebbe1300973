import type { ReportCell, ReportColumn, ReportComparisonRole, ReportSectionContent, ReportTotal } from "@/db/schema";
import { SUPPRESSED, type Shown } from "@/server/domains/privacy/suppression";

/*
 * Change between reports: beside each compared figure, the previous reporting period's figure of
 * the same award, built the same way for that period, and the change. Pure.
 *
 * - No previous period (an award's first) or no figure on either side: previous and change are
 *   null ("—"), never 0.
 * - Privacy: a change is suppressed whenever either figure is (a change beside a shown figure
 *   would give the hidden one away); the previous figure itself comes suppressed from its builder,
 *   exactly as that period's own report shows it.
 * - A change in percent only for quantities (counts, hours, amounts) whose previous figure is not
 *   0: for a percentage or a level the difference says it all.
 */

/** How a figure's change is told: "relative" also in percent of the previous figure, "absolute" only as a difference. */
export type ChangeKind = "absolute" | "relative";

/** A column as a section builder makes it: `compare` marks the figures set beside the previous period's. */
export type BuiltColumn = ReportColumn & { compare?: ChangeKind };
export interface BuiltTotal {
  label: string;
  value: number;
  compare?: ChangeKind;
}
export interface BuiltSection {
  title: string;
  /** Its sheet's name in XLSX files (ReportSectionContent.sheetName). */
  sheetName?: string;
  columns: BuiltColumn[];
  rows: Record<string, ReportCell>[];
  totals: BuiltTotal[];
}

export interface Change {
  previous: Shown | null;
  change: Shown | null;
  changePercent: Shown | null;
}

const visible = (value: number): Shown => ({ suppressed: false, value });

/** A figure as a number column holds it: a number is shown, text there is the suppressed mark, null is no figure. */
export function figureOf(cell: ReportCell | undefined): Shown | null {
  if (cell === null || cell === undefined) return null;
  return typeof cell === "number" ? visible(cell) : SUPPRESSED;
}

/** The change from `previous` (null: no previous period, or no figure in it) to `current`. */
export function changeBetween(current: Shown | null, previous: Shown | null, kind: ChangeKind): Change {
  if (current === null || previous === null) return { previous, change: null, changePercent: null };
  if (current.suppressed || previous.suppressed) return { previous, change: SUPPRESSED, changePercent: kind === "relative" ? SUPPRESSED : null };
  // Cents at most: money is the finest figure a report holds, and floating point must not show 0.30000000000000004.
  const difference = Math.round((current.value - previous.value) * 100) / 100 || 0; // never -0
  const percent = kind === "relative" && previous.value !== 0 ? Math.round((difference / previous.value) * 1000) / 10 : null;
  return { previous, change: visible(difference), changePercent: percent === null ? null : visible(percent) };
}

export interface RowPair<T> {
  current: T | null;
  previous: T | null;
}

/**
 * The rows of both periods, paired by `keyOf`: this period's rows in their order, and a row only
 * the previous period has (a sector that trained people then but not now) right after the row it
 * followed there, so groups stay together.
 */
export function pairRows<T>(current: readonly T[], previous: readonly T[], keyOf: (row: T) => string): RowPair<T>[] {
  const previousByKey = new Map(previous.map((row) => [keyOf(row), row]));
  const pairs: (RowPair<T> & { key: string })[] = current.map((row) => ({ key: keyOf(row), current: row, previous: previousByKey.get(keyOf(row)) ?? null }));
  let anchor = -1;
  for (const row of previous) {
    const key = keyOf(row);
    const at = pairs.findIndex((pair) => pair.key === key);
    if (at >= 0) {
      anchor = at;
      continue;
    }
    anchor += 1;
    pairs.splice(anchor, 0, { key, current: null, previous: row });
  }
  return pairs.map(({ current: row, previous: before }) => ({ current: row, previous: before }));
}

/** What the comparison writes in the reader's language. */
export interface ComparisonWords {
  suppressed: string;
  previousHeader(figure: string): string;
  changeHeader(figure: string): string;
  changePercentHeader(figure: string): string;
  /** Headings of the totals: figure, this period, previous period, change, change in percent. */
  totalsHeader: string[];
}

const COLUMN_SUFFIX: Record<ReportComparisonRole, string> = { previous: "Previous", change: "Change", changePercent: "ChangePercent" };

function withoutCompare({ compare: _compare, ...column }: BuiltColumn): ReportColumn {
  return column;
}

/**
 * A section as stored: each compared column followed by its previous figure, change and (for
 * relative ones) change in percent, and each compared total with the same. `previous` is the
 * section built for the previous reporting period, null when there is none. Rows are the same
 * thing in both periods when their text cells agree; a row that one period lacks has 0 there for
 * each figure the other period's row has, since builders leave out only rows whose compared
 * figures are all 0.
 */
export function compareSection(current: BuiltSection, previous: BuiltSection | null, words: ComparisonWords): Omit<ReportSectionContent, "key"> {
  const compared = current.columns.filter((column) => column.compare);
  const comparesTotals = current.totals.some((total) => total.compare);
  const cellOf = (shown: Shown | null): ReportCell => (shown === null ? null : shown.suppressed ? words.suppressed : shown.value);

  const columns = current.columns.flatMap((column): ReportColumn[] => {
    const base = withoutCompare(column);
    if (!column.compare) return [base];
    const comparison = (role: ReportComparisonRole) => ({ key: `${column.key}${COLUMN_SUFFIX[role]}`, comparison: { of: column.key, role } });
    // The previous figure and the change are of the figure's own kind (money stays money).
    const added: ReportColumn[] = [
      { ...base, ...comparison("previous"), header: words.previousHeader(column.header) },
      { ...base, ...comparison("change"), header: words.changeHeader(column.header) },
    ];
    if (column.compare === "relative") added.push({ ...comparison("changePercent"), header: words.changePercentHeader(column.header), type: "percent" });
    return [base, ...added];
  });

  // A row one period has and the other has not, as the other would have it: the same text, 0 for
  // each compared figure the row has, and nothing else.
  const absentRow = (other: Record<string, ReportCell>): Record<string, ReportCell> =>
    Object.fromEntries(current.columns.map((column) => [column.key, column.type === "text" ? (other[column.key] ?? null) : column.compare && (other[column.key] ?? null) !== null ? 0 : null]));
  const textKeys = current.columns.filter((column) => column.type === "text").map((column) => column.key);
  const keyOf = (row: Record<string, ReportCell>) => JSON.stringify(textKeys.map((key) => row[key] ?? null));
  const rows =
    compared.length === 0
      ? current.rows
      : pairRows(current.rows, previous?.rows ?? [], keyOf).map((pair) => {
          const row = pair.current ?? absentRow(pair.previous!);
          const cells: Record<string, ReportCell> = {};
          for (const column of current.columns) {
            cells[column.key] = row[column.key] ?? null;
            if (!column.compare) continue;
            const before = previous === null ? null : figureOf((pair.previous ?? absentRow(row))[column.key]);
            const change = changeBetween(figureOf(row[column.key]), before, column.compare);
            cells[`${column.key}${COLUMN_SUFFIX.previous}`] = cellOf(change.previous);
            cells[`${column.key}${COLUMN_SUFFIX.change}`] = cellOf(change.change);
            if (column.compare === "relative") cells[`${column.key}${COLUMN_SUFFIX.changePercent}`] = cellOf(change.changePercent);
          }
          return cells;
        });

  const totals = current.totals.map(({ compare, label, value }): ReportTotal => {
    if (!compare) return { label, value };
    const before = previous?.totals.find((total) => total.label === label);
    const change = changeBetween(visible(value), before ? visible(before.value) : null, compare);
    return { label, value, previous: cellOf(change.previous), change: cellOf(change.change), changePercent: cellOf(change.changePercent) };
  });

  return {
    title: current.title,
    ...(current.sheetName === undefined ? {} : { sheetName: current.sheetName }),
    columns,
    rows,
    totals,
    ...(comparesTotals ? { totalsHeader: words.totalsHeader } : {}),
  };
}

/** Whether a section has figures to set beside the previous period's (else it is not built again for it). */
export const comparesSomething = (section: BuiltSection) => section.columns.some((column) => column.compare) || section.totals.some((total) => total.compare);
