"use client";

import { Legend, PolarAngleAxis, PolarGrid, PolarRadiusAxis, Radar, RadarChart, ResponsiveContainer, Tooltip } from "recharts";
import { ChartFrame, seriesStyle, type ChartCategory, type ChartSeries } from "./ChartFrame";

/** Stage (1–5) per category, one polygon per series, e.g. this round over the previous one by area. */
export function StageRadar(props: {
  caption: string;
  summary: string;
  categoryHeading: string;
  categories: ChartCategory[];
  series: ChartSeries[];
}) {
  const data = props.categories.map((category) => ({
    category: category.label,
    ...Object.fromEntries(props.series.map((one) => [one.key, one.values[category.key] ?? 0])),
  }));
  return (
    <ChartFrame {...props}>
      <ResponsiveContainer width="100%" height={340}>
        <RadarChart data={data} outerRadius="70%">
          <PolarGrid />
          <PolarAngleAxis dataKey="category" />
          <PolarRadiusAxis domain={[0, 5]} tickCount={6} angle={90} />
          {props.series.map((one, index) => {
            const style = seriesStyle(index);
            return (
              <Radar
                key={one.key}
                name={one.label}
                dataKey={one.key}
                stroke={style.stroke}
                strokeDasharray={style.dash}
                strokeWidth={2}
                fill={style.stroke}
                fillOpacity={style.fillOpacity}
                dot
                isAnimationActive={false}
              />
            );
          })}
          <Legend />
          <Tooltip />
        </RadarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
