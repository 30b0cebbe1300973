"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFrame, chartRows, seriesProps, type ChartCategory, type ChartSeries } from "./ChartFrame";

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
}) {
  const data = chartRows(categories, series);
  return (
    <ChartFrame caption={caption} summary={summary} categoryHeading={categoryHeading} categories={categories} series={series}>
      <ResponsiveContainer width="100%" height={horizontal ? Math.max(120, categories.length * 38 + 60) : 270}>
        <BarChart data={data} layout={horizontal ? "vertical" : "horizontal"} margin={{ top: 10, right: 20, bottom: 10, left: 10 }}>
          <CartesianGrid strokeDasharray="3 3" />
          {horizontal ? <XAxis type="number" allowDecimals={false} tickFormatter={tick} /> : <XAxis dataKey="label" />}
          {horizontal ? <YAxis type="category" dataKey="label" width={200} /> : <YAxis allowDecimals={false} tickFormatter={tick} width={70} />}
          {series.map((one, index) => {
            const drawn = seriesProps(one, index);
            return <Bar key={one.key} {...drawn} fill={drawn.stroke} fillOpacity={Math.max(0.2, 1 - index * 0.3)} stackId={stacked ? "stack" : undefined} isAnimationActive={false} />;
          })}
          {series.length > 1 && <Legend />}
          <Tooltip />
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
