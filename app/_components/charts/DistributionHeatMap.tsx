"use client";

import { useTranslations } from "next-intl";
import { TableScroll } from "@/app/_components/TableScroll";

export interface DistributionRow {
  key: string;
  label: string;
  /** Where the element's own section is, so the row header can lead there. */
  href?: string;
  /** How many respondents chose stage 1..5, in that order; null when the server withheld the row (too few or too uniform answers). */
  stageCounts: [number, number, number, number, number] | null;
  dontKnow: number;
  notApplicable: number;
  disagreement: boolean;
}

/** Rows under a heading of their own, e.g. the elements of one area. */
export interface DistributionGroup {
  key: string;
  label: string;
  rows: DistributionRow[];
}

const COLUMN_COUNT = 9;

/** Shade by share of the row's ratings; the count is always written in the cell too. */
function shade(count: number, total: number): string | undefined {
  if (count === 0 || total === 0) return undefined;
  const share = count / total;
  // Light blue to mid blue; the darkest shade still keeps dark text readable (contrast ≥ 4.5:1).
  const lightness = Math.round(95 - share * 35);
  return `hsl(210 70% ${lightness}%)`;
}

function Row({ row }: { row: DistributionRow }) {
  const t = useTranslations("charts");
  if (row.stageCounts === null) {
    return (
      <tr>
        <th scope="row">{row.href ? <a href={row.href}>{row.label}</a> : row.label}</th>
        <td colSpan={COLUMN_COUNT - 1}>{t("withheld")}</td>
      </tr>
    );
  }
  const rated = row.stageCounts.reduce((sum, count) => sum + count, 0);
  return (
    <tr className={row.disagreement ? "disagreement" : undefined}>
      <th scope="row">{row.href ? <a href={row.href}>{row.label}</a> : row.label}</th>
      {row.stageCounts.map((count, index) => (
        <td key={index} style={{ background: shade(count, rated) }}>
          {count}
        </td>
      ))}
      <td>{row.dontKnow}</td>
      <td>{row.notApplicable}</td>
      <td>{row.disagreement ? <strong>{t("disagreementYes")}</strong> : t("disagreementNo")}</td>
    </tr>
  );
}

/**
 * Element × stage table of how respondents rated: a heat map that is also a real table, so it
 * works with a screen reader and prints. Disagreement is marked in words (and by a bar at the row's
 * start), not by colour alone. Pass `groups` to put rows under headings such as areas.
 */
export function DistributionHeatMap({
  caption,
  summary,
  rows,
  groups,
}: {
  caption: string;
  summary: string;
  rows?: DistributionRow[];
  groups?: DistributionGroup[];
}) {
  const t = useTranslations("charts");
  const sections: DistributionGroup[] = groups ?? [{ key: "", label: "", rows: rows ?? [] }];
  return (
    <figure className="chart">
      <figcaption>
        <strong>{caption}</strong>
        <span className="chart-summary">{summary}</span>
      </figcaption>
      <TableScroll label={caption}>
        <table className="heat-map">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t("element")}</th>
              {[1, 2, 3, 4, 5].map((stage) => (
                <th scope="col" key={stage}>
                  {t("stageColumn", { stage })}
                </th>
              ))}
              <th scope="col">{t("dontKnow")}</th>
              <th scope="col">{t("notApplicable")}</th>
              <th scope="col">{t("disagreement")}</th>
            </tr>
          </thead>
          {sections.map((section) => (
            <tbody key={section.key}>
              {section.label && (
                <tr className="group">
                  <th scope="rowgroup" colSpan={COLUMN_COUNT}>
                    {section.label}
                  </th>
                </tr>
              )}
              {section.rows.map((row) => (
                <Row key={row.key} row={row} />
              ))}
            </tbody>
          ))}
        </table>
      </TableScroll>
    </figure>
  );
}
