"use client";

import { ChartFrame, type ChartCategory, type ChartSeries } from "./ChartFrame";
import { TrendDrawing } from "./lazyDrawings";

/** Stage over time: categories are points in time (rounds), one line per series (area). */
export function StageTrend(props: {
  caption: string;
  summary: string;
  categoryHeading: string;
  categories: ChartCategory[];
  series: ChartSeries[];
}) {
  return (
    <ChartFrame {...props} height={300}>
      <TrendDrawing categories={props.categories} series={props.series} />
    </ChartFrame>
  );
}
