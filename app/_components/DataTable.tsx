import type { ReactNode } from "react";
import { TableScroll } from "@/app/_components/TableScroll";

/** A column heading that is more than its words: sorted, or read by screen readers only (a column of buttons). */
export interface DataTableColumn {
  header: ReactNode;
  /** aria-sort of the column the rows are sorted by. */
  sort?: "ascending" | "descending";
  /** The heading is for screen readers only; the column explains itself on screen. */
  hiddenHeader?: boolean;
}

/**
 * The shell of every list table: a scroll box, a caption (for screen readers: the section heading
 * already says it on screen), column headings and one row per item, or a sentence when there is
 * nothing to list. Rows still loading (undefined) show nothing rather than an empty table. The
 * caller writes the cells, a <th scope="row"> first where a row has a name.
 */
export function DataTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
  empty,
  children,
}: {
  caption: string;
  /** A heading, or false for a column this person does not get (the cells leave it out too). */
  columns: readonly (string | DataTableColumn | false)[];
  rows: readonly Row[] | undefined;
  rowKey: (row: Row) => string;
  /** The sentence when there is nothing to list; nothing is shown without one. */
  empty?: string;
  children: (row: Row) => ReactNode;
}) {
  if (!rows) return null;
  if (rows.length === 0) return empty ? <p>{empty}</p> : null;
  return (
    <TableScroll label={caption}>
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column, index) => {
              if (column === false) return null;
              const { header, sort, hiddenHeader } = typeof column === "string" ? { header: column } : column;
              return (
                <th scope="col" key={index} aria-sort={sort}>
                  {hiddenHeader ? <span className="visually-hidden">{header}</span> : header}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>{children(row)}</tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
