"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFrame, seriesStyle, type ChartCategory, type ChartSeries } from "./ChartFrame";

/** Stage over time: categories are points in time (rounds), one line per series (area). */
export function StageTrend(props: {
  caption: string;
  summary: string;
  categoryHeading: string;
  categories: ChartCategory[];
  series: ChartSeries[];
}) {
  const data = props.categories.map((category) => ({
    category: category.label,
    ...Object.fromEntries(props.series.map((one) => [one.key, one.values[category.key] ?? null])),
  }));
  return (
    <ChartFrame {...props}>
      <ResponsiveContainer width="100%" height={300}>
        <LineChart data={data} margin={{ top: 10, right: 20, bottom: 10, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="category" interval={0} padding={{ left: 40, right: 40 }} />
          <YAxis domain={[1, 5]} ticks={[1, 2, 3, 4, 5]} allowDecimals={false} />
          {props.series.map((one, index) => {
            const style = seriesStyle(index);
            return (
              <Line
                key={one.key}
                type="monotone"
                name={one.label}
                dataKey={one.key}
                stroke={style.stroke}
                strokeDasharray={style.dash}
                strokeWidth={2}
                connectNulls
                isAnimationActive={false}
              />
            );
          })}
          <Legend />
          <Tooltip />
        </LineChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
