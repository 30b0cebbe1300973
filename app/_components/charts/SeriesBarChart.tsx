"use client";

import { ChartFrame, type ChartCategory, type ChartSeries } from "./ChartFrame";
import { BarDrawing } from "./lazyDrawings";

/**
 * Bars per category for one or more series, in a ChartFrame (caption, summary, the numbers as a
 * table). Series differ by colour, outline dash and fill strength, so stacked or side-by-side bars
 * still read in greyscale. `horizontal` lays the bars along the side, for long category names;
 * `stacked` piles the series into one bar per category.
 */
export function SeriesBarChart({
  caption,
  summary,
  categoryHeading,
  categories,
  series,
  horizontal = false,
  stacked = false,
  tick,
  valueText,
  valueDomain,
  everyLabel = false,
}: {
  caption: string;
  summary: string;
  categoryHeading: string;
  categories: ChartCategory[];
  series: ChartSeries[];
  horizontal?: boolean;
  stacked?: boolean;
  /** How the value axis writes a number (currency, percent); plain numbers when not given. */
  tick?: (value: number) => string;
  /** How the chart's table writes a value, to the full precision a reader checks (cents of money). */
  valueText?: (value: number) => string;
  /** The value axis's range, when it is fixed (e.g. 0 to the number of meetings). */
  valueDomain?: [number, number];
  /** Label every category, even when the labels crowd (few categories, each of which matters). */
  everyLabel?: boolean;
}) {
  return (
    <ChartFrame
      caption={caption}
      summary={summary}
      categoryHeading={categoryHeading}
      categories={categories}
      series={series}
      height={horizontal ? Math.max(120, categories.length * 38 + 60) : 270}
      valueText={valueText}
    >
      <BarDrawing categories={categories} series={series} horizontal={horizontal} stacked={stacked} tick={tick} valueDomain={valueDomain} everyLabel={everyLabel} />
    </ChartFrame>
  );
}
