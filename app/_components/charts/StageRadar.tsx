"use client";

import { Legend, PolarAngleAxis, PolarGrid, PolarRadiusAxis, Radar, RadarChart, ResponsiveContainer, Tooltip } from "recharts";
import { ChartFrame, chartRows, seriesProps, seriesStyle, type ChartCategory, type ChartSeries } from "./ChartFrame";

/** Stage (1–5) per category, one polygon per series, e.g. this round over the previous one by area. */
export function StageRadar(props: {
  caption: string;
  summary: string;
  categoryHeading: string;
  categories: ChartCategory[];
  series: ChartSeries[];
}) {
  const data = chartRows(props.categories, props.series);
  return (
    <ChartFrame {...props}>
      <ResponsiveContainer width="100%" height={340}>
        <RadarChart data={data} outerRadius="70%">
          <PolarGrid />
          <PolarAngleAxis dataKey="label" />
          <PolarRadiusAxis domain={[0, 5]} tickCount={6} angle={90} />
          {props.series.map((one, index) => {
            const drawn = seriesProps(one, index);
            return <Radar key={one.key} {...drawn} strokeWidth={2} fill={drawn.stroke} fillOpacity={seriesStyle(index).fillOpacity} dot isAnimationActive={false} />;
          })}
          <Legend />
          <Tooltip />
        </RadarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
