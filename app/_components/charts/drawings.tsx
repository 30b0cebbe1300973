"use client";

import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, PolarAngleAxis, PolarGrid, PolarRadiusAxis, Radar, RadarChart, ResponsiveContainer, Text, Tooltip, XAxis, YAxis } from "recharts";
import { chartRows, seriesProps, seriesStyle, type ChartCategory, type ChartSeries } from "./ChartFrame";

/*
 * The recharts drawings of the shared charts. Only lazyDrawings.tsx imports this module, so recharts
 * arrives in a chunk of its own after the page works; each drawing fills the height its ChartFrame
 * keeps for it.
 */

export interface DrawingProps {
  categories: ChartCategory[];
  series: ChartSeries[];
}

export function BarDrawing({
  categories,
  series,
  horizontal,
  stacked,
  tick,
  valueDomain,
  everyLabel,
}: DrawingProps & {
  horizontal: boolean;
  stacked: boolean;
  tick?: (value: number) => string;
  /** The value axis's range, when it is fixed (e.g. 0 to the number of meetings). */
  valueDomain?: [number, number];
  /** Label every category, even when the labels crowd (few categories, each of which matters). */
  everyLabel?: boolean;
}) {
  const data = chartRows(categories, series);
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={data} layout={horizontal ? "vertical" : "horizontal"} margin={{ top: 10, right: 20, bottom: 10, left: 10 }}>
        <CartesianGrid strokeDasharray="3 3" />
        {horizontal ? (
          <XAxis type="number" allowDecimals={false} tickFormatter={tick} domain={valueDomain} />
        ) : (
          <XAxis dataKey="label" interval={everyLabel ? 0 : undefined} />
        )}
        {horizontal ? (
          <YAxis type="category" dataKey="label" width={200} />
        ) : (
          <YAxis allowDecimals={false} tickFormatter={tick} width={70} domain={valueDomain} />
        )}
        {series.map((one, index) => {
          const drawn = seriesProps(one, index);
          return <Bar key={one.key} {...drawn} fill={drawn.stroke} fillOpacity={Math.max(0.2, 1 - index * 0.3)} stackId={stacked ? "stack" : undefined} isAnimationActive={false} />;
        })}
        {series.length > 1 && <Legend />}
        <Tooltip />
      </BarChart>
    </ResponsiveContainer>
  );
}

export function RadarDrawing({ categories, series }: DrawingProps) {
  const data = chartRows(categories, series);
  return (
    <ResponsiveContainer width="100%" height="100%">
      <RadarChart data={data} outerRadius="75%">
        <PolarGrid />
        <PolarAngleAxis dataKey="label" />
        {/* The stage numbers run between the first two spokes, clear of the top category's name. */}
        <PolarRadiusAxis domain={[0, 5]} tickCount={6} angle={90 - 180 / Math.max(categories.length, 1)} />
        {series.map((one, index) => {
          const drawn = seriesProps(one, index);
          return <Radar key={one.key} {...drawn} strokeWidth={2} fill={drawn.stroke} fillOpacity={seriesStyle(index).fillOpacity} dot isAnimationActive={false} />;
        })}
        <Legend />
        <Tooltip />
      </RadarChart>
    </ResponsiveContainer>
  );
}

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

/** Rows for a line: a category without a value stays empty (the line joins over it), not zero. */
const lineRows = ({ categories, series }: DrawingProps) =>
  categories.map((category) => ({ label: category.label, ...Object.fromEntries(series.map((one) => [one.key, one.values[category.key] ?? null])) }));

export function TrendDrawing({ categories, series }: DrawingProps) {
  const data = lineRows({ categories, series });
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={data} margin={{ top: 10, right: 20, bottom: 10, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="label" interval={0} padding={{ left: TICK_WIDTH / 2, right: TICK_WIDTH / 2 }} height={56} tick={RoundTick} />
        <YAxis domain={[1, 5]} ticks={[1, 2, 3, 4, 5]} allowDecimals={false} />
        {series.map((one, index) => (
          <Line key={one.key} type="monotone" {...seriesProps(one, index)} strokeWidth={2} connectNulls isAnimationActive={false} />
        ))}
        <Legend />
        <Tooltip />
      </LineChart>
    </ResponsiveContainer>
  );
}

/** A percentage over time, one line (e.g. attendance rate by month). */
export function PercentLineDrawing({ categories, series }: DrawingProps) {
  const data = lineRows({ categories, series });
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={data} margin={{ top: 10, right: 20, bottom: 10, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="label" />
        <YAxis domain={[0, 100]} unit="%" />
        {series.map((one, index) => (
          <Line key={one.key} {...seriesProps(one, index)} strokeWidth={2} isAnimationActive={false} connectNulls />
        ))}
        <Tooltip />
      </LineChart>
    </ResponsiveContainer>
  );
}
