"use client";

import { Bar, BarChart, CartesianGrid, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { seriesStyle } from "@/app/_components/charts/ChartFrame";

export interface MouTimelineRow {
  key: string;
  label: string;
  /** Day numbers (days since 1970-01-01) of the effective date, and the term's length in days. */
  start: number;
  length: number;
}

/** The MOU timeline's drawing: each term a bar from its effective date, today a dashed line. */
export function MouTimelineDrawing({
  rows,
  domain,
  todayNumber,
  dateOf,
  labels,
}: {
  rows: MouTimelineRow[];
  domain: [number, number];
  todayNumber: number;
  dateOf: (day: number) => string;
  labels: { term: string; today: string; effectiveOn: string };
}) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={rows} layout="vertical" margin={{ top: 10, right: 30, bottom: 10, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis type="number" domain={domain} allowDataOverflow tickFormatter={dateOf} />
        <YAxis type="category" dataKey="label" width={220} />
        {/* An invisible bar up to the start date, then the term itself. */}
        <Bar dataKey="start" stackId="term" fill="transparent" isAnimationActive={false} legendType="none" />
        <Bar dataKey="length" stackId="term" name={labels.term} fill={seriesStyle(0).stroke} isAnimationActive={false} />
        <ReferenceLine x={todayNumber} stroke={seriesStyle(1).stroke} strokeDasharray={seriesStyle(1).dash} label={labels.today} />
        <Tooltip formatter={(value, name) => (name === labels.term ? [value, name] : [dateOf(Number(value)), labels.effectiveOn])} />
      </BarChart>
    </ResponsiveContainer>
  );
}
