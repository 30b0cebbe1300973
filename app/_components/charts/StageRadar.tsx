"use client";

import { ChartFrame, type ChartCategory, type ChartSeries } from "./ChartFrame";
import { RadarDrawing } from "./lazyDrawings";

/** Stage (1–5) per category, one polygon per series, e.g. this round over the previous one by area. */
export function StageRadar(props: {
  caption: string;
  summary: string;
  categoryHeading: string;
  categories: ChartCategory[];
  series: ChartSeries[];
}) {
  return (
    <ChartFrame {...props} height={400}>
      <RadarDrawing categories={props.categories} series={props.series} />
    </ChartFrame>
  );
}
