"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Text, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFrame, seriesProps, type ChartCategory, type ChartSeries } from "./ChartFrame";

/** Widest a round's name may run under its point before it wraps; the axis keeps half of it free at each end. */
const TICK_WIDTH = 130;

/** A round's name under its point, wrapped onto lines rather than cut off at the chart's edge. */
function RoundTick({ x, y, payload }: { x?: number | string; y?: number | string; payload?: { value?: unknown } }) {
  return (
    <Text x={Number(x)} y={Number(y)} dy={4} width={TICK_WIDTH} textAnchor="middle" verticalAnchor="start" fontSize={12} fill="currentColor">
      {String(payload?.value ?? "")}
    </Text>
  );
}

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
          <XAxis dataKey="category" interval={0} padding={{ left: TICK_WIDTH / 2, right: TICK_WIDTH / 2 }} height={56} tick={RoundTick} />
          <YAxis domain={[1, 5]} ticks={[1, 2, 3, 4, 5]} allowDecimals={false} />
          {props.series.map((one, index) => (
            <Line key={one.key} type="monotone" {...seriesProps(one, index)} strokeWidth={2} connectNulls isAnimationActive={false} />
          ))}
          <Legend />
          <Tooltip />
        </LineChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
