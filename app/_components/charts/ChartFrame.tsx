"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useRef, useState, type ReactNode, type RefObject } from "react";
import { TableScroll } from "@/app/_components/TableScroll";
import { DrawingPlaceholder } from "./lazyDrawings";

export interface ChartSeries {
  key: string;
  label: string;
  /** Value per category key; null where there is nothing to show. */
  values: Record<string, number | null>;
}

export interface ChartCategory {
  key: string;
  label: string;
}

/**
 * Series are told apart by line style and marker as well as colour, so the chart reads in
 * greyscale and for people who do not see the colours.
 */
export const SERIES_STYLES = [
  { stroke: "#0b5394", dash: undefined, fillOpacity: 0.25 },
  { stroke: "#a4161a", dash: "6 4", fillOpacity: 0.08 },
  { stroke: "#1e6b34", dash: "2 3", fillOpacity: 0.05 },
  { stroke: "#6a3d9a", dash: "10 3 2 3", fillOpacity: 0.05 },
  { stroke: "#8a5300", dash: "1 2", fillOpacity: 0.05 },
] as const;

export function seriesStyle(index: number) {
  return SERIES_STYLES[index % SERIES_STYLES.length] ?? SERIES_STYLES[0];
}

/** What a recharts Bar, Line or Radar needs to draw a series in its own style (colour and dash). */
export function seriesProps(one: ChartSeries, index: number) {
  const style = seriesStyle(index);
  return { name: one.label, dataKey: one.key, stroke: style.stroke, strokeDasharray: style.dash };
}

/** The rows recharts draws from: per category its label and each series' value (0 where it has none). */
export function chartRows(categories: ChartCategory[], series: ChartSeries[]) {
  return categories.map((category) => ({ label: category.label, ...Object.fromEntries(series.map((one) => [one.key, one.values[category.key] ?? 0])) }));
}

/**
 * Whether some of the element has been in the window. A drawing waits for it: loading recharts and
 * drawing every chart at once is most of a dashboard's blocking time on a phone, for pictures nobody
 * has scrolled to yet. Once seen, it stays true.
 */
function useSeen(element: RefObject<HTMLElement | null>): boolean {
  const [seen, setSeen] = useState(false);
  useEffect(() => {
    const target = element.current;
    if (!target) return;
    const observer = new IntersectionObserver((entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      setSeen(true);
      observer.disconnect();
    });
    observer.observe(target);
    return () => observer.disconnect();
  }, [element]);
  return seen;
}

/**
 * Printing a page shows, for each chart not yet drawn, its table in place of the empty drawing
 * (globals.css hides the placeholder on paper): a drawing loads too late for the print, the numbers
 * are already on the page. The table closes again after printing unless it was open before.
 */
function usePrintsTableUndrawn(table: RefObject<HTMLDetailsElement | null>, drawn: boolean) {
  useEffect(() => {
    if (drawn) return;
    let openedForPrint = false;
    const beforePrint = () => {
      if (!table.current || table.current.open) return;
      table.current.open = true;
      openedForPrint = true;
    };
    const afterPrint = () => {
      if (table.current && openedForPrint) table.current.open = false;
      openedForPrint = false;
    };
    window.addEventListener("beforeprint", beforePrint);
    window.addEventListener("afterprint", afterPrint);
    return () => {
      window.removeEventListener("beforeprint", beforePrint);
      window.removeEventListener("afterprint", afterPrint);
    };
  }, [table, drawn]);
}

/**
 * A chart with what every chart here needs: a caption, a text summary that says what the picture
 * shows, and the same numbers as a table for screen readers and for copying.
 */
export function ChartFrame({
  caption,
  summary,
  categories,
  series,
  categoryHeading,
  height,
  valueText,
  children,
}: {
  caption: string;
  summary: string;
  categories: ChartCategory[];
  series: ChartSeries[];
  categoryHeading: string;
  /** The drawing's height in pixels, kept free while it loads so the page does not jump. */
  height: number;
  /** How the table writes a value (money as currency); a number with at most one decimal when not given. */
  valueText?: (value: number) => string;
  /** The drawing: a lazily loaded recharts component (see drawings.tsx) that fills the height, rendered once it is in the window. */
  children: ReactNode;
}) {
  const t = useTranslations("charts");
  const format = useFormatter();
  const canvas = useRef<HTMLDivElement>(null);
  const drawn = useSeen(canvas);
  const table = useRef<HTMLDetailsElement>(null);
  usePrintsTableUndrawn(table, drawn);
  return (
    <figure className="chart">
      <figcaption>
        <strong>{caption}</strong>
        <span className="chart-summary">{summary}</span>
      </figcaption>
      <div ref={canvas} className="chart-canvas" style={{ height }}>
        {drawn ? children : <DrawingPlaceholder />}
      </div>
      <details ref={table} className="chart-table">
        <summary>{t("showTable", { caption })}</summary>
        <TableScroll label={caption}>
          <table>
            <caption className="visually-hidden">{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{categoryHeading}</th>
                {series.map((one) => (
                  <th scope="col" key={one.key}>
                    {one.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {categories.map((category) => (
                <tr key={category.key}>
                  <th scope="row">{category.label}</th>
                  {series.map((one) => {
                    const value = one.values[category.key];
                    return (
                      <td key={one.key}>
                        {value === null || value === undefined ? t("noValue") : valueText ? valueText(value) : format.number(value, { maximumFractionDigits: 1 })}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </details>
    </figure>
  );
}
