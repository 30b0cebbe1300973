import type { getFormatter, getTranslations } from "next-intl/server";
import { CalendarDate } from "@/app/_components/DateTime";
import type { ReportCell, ReportColumn, ReportSectionContent, ReportTotal } from "@/db/schema";
import { formatCell, formatFigure, isChangeColumn, PERCENT_FIGURE, PLAIN_FIGURE, type FigureKind } from "@/server/lib/figures";
import { TableScroll } from "@/app/_components/TableScroll";

type ReportsTranslator = Awaited<ReturnType<typeof getTranslations<"reports">>>;
type Formatter = Awaited<ReturnType<typeof getFormatter>>;

/**
 * One section of the printed report: its totals, then its table. A change is written with its sign
 * ("+12") and, for screen readers, in words with the figure it started from ("up 12 from 40").
 * Blank cells read "—"; the report's facts say why a previous figure is blank. Figures read as in
 * the report's PDF (server/lib/figures.ts). The page hands in its translator and formatter, so the
 * section renders the same without a request (its test).
 */
export function ReportSection({ section, t, format }: { section: ReportSectionContent; t: ReportsTranslator; format: Formatter }) {

  const number = (kind: FigureKind, value: number, signed = false) => formatFigure(format, kind, value, signed);
  const figure = (kind: FigureKind, value: ReportCell | undefined) =>
    kind.type === "date" && typeof value === "string" && value !== "" ? <CalendarDate value={value} /> : formatCell(format, kind, value, t("noValue"));
  /** A change (or a change in percent, whose words need no starting figure) of a figure of `kind`. */
  const change = (kind: FigureKind, value: ReportCell | undefined, previous: ReportCell | undefined, inPercent: boolean) => {
    if (typeof value !== "number") return figure(kind, value);
    const direction = value > 0 ? "up" : value < 0 ? "down" : "same";
    const magnitude = number(kind, Math.abs(value));
    const words = inPercent
      ? t("comparison.percentWords", { direction, change: magnitude })
      : t("comparison.changeWords", { direction, change: magnitude, previous: typeof previous === "number" ? number(kind, previous) : "" });
    return (
      <>
        <span aria-hidden="true">{number(kind, value, true)}</span>
        <span className="visually-hidden">{words}</span>
      </>
    );
  };
  const cell = (column: ReportColumn, row: Record<string, ReportCell>) => {
    const comparison = column.comparison;
    if (!comparison || !isChangeColumn(column)) return figure(column, row[column.key]);
    const previousColumn = section.columns.find((candidate) => candidate.comparison?.of === comparison.of && candidate.comparison.role === "previous");
    return change(column, row[column.key], previousColumn ? row[previousColumn.key] : null, comparison.role === "changePercent");
  };
  const totalRow = (total: ReportTotal) => [
    figure(PLAIN_FIGURE, total.value),
    figure(PLAIN_FIGURE, total.previous),
    change(PLAIN_FIGURE, total.change, total.previous, false),
    change(PERCENT_FIGURE, total.changePercent, null, true),
  ];

  return (
    <section aria-labelledby={`section-${section.key}`} className="report-section">
      <h2 id={`section-${section.key}`}>{section.title}</h2>
      {section.totals.length > 0 &&
        (section.totalsHeader ? (
          <TableScroll label={t("comparison.totalsCaption", { section: section.title })}>
            <table className="report-totals-table">
              <caption className="visually-hidden">{t("comparison.totalsCaption", { section: section.title })}</caption>
              <thead>
                <tr>
                  {section.totalsHeader.map((header) => (
                    <th scope="col" key={header}>
                      {header}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {section.totals.map((total) => (
                  <tr key={total.label}>
                    <th scope="row">{total.label}</th>
                    {totalRow(total).map((content, index) => (
                      <td key={index}>{content}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        ) : (
          <ul className="report-totals">
            {section.totals.map((total) => (
              <li key={total.label}>
                {total.label}: <strong>{number(PLAIN_FIGURE, total.value)}</strong>
              </li>
            ))}
          </ul>
        ))}
      {section.rows.length === 0 ? (
        <p>{t("sectionEmpty")}</p>
      ) : (
        <TableScroll label={section.title}>
          <table>
            <thead>
              <tr>
                {section.columns.map((column) => (
                  <th scope="col" key={column.key}>
                    {column.header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {section.rows.map((row, index) => (
                <tr key={index}>
                  {section.columns.map((column, columnIndex) =>
                    columnIndex === 0 ? (
                      <th scope="row" key={column.key}>
                        {cell(column, row)}
                      </th>
                    ) : (
                      <td key={column.key}>{cell(column, row)}</td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
