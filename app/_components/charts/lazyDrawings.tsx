"use client";

import dynamic from "next/dynamic";

/*
 * recharts is about a third of a chart page's JavaScript (some 107 KB gzip). The caption, summary and
 * table of a chart need none of it, so each drawing is loaded after the page works, in the browser
 * only (recharts measures its container, which the server cannot), and only when its ChartFrame
 * comes into the window. The ChartFrame keeps the space meanwhile.
 */

/** What shows in a chart's space while its drawing loads: nothing to read; the summary and table are beside it. */
export function DrawingPlaceholder() {
  return <div className="chart-loading" aria-hidden="true" />;
}

// Next.js reads dynamic()'s options at build time, so each call spells them out.
export const BarDrawing = dynamic(() => import("./drawings").then((drawings) => drawings.BarDrawing), { ssr: false, loading: DrawingPlaceholder });
export const RadarDrawing = dynamic(() => import("./drawings").then((drawings) => drawings.RadarDrawing), { ssr: false, loading: DrawingPlaceholder });
export const TrendDrawing = dynamic(() => import("./drawings").then((drawings) => drawings.TrendDrawing), { ssr: false, loading: DrawingPlaceholder });
export const PercentLineDrawing = dynamic(() => import("./drawings").then((drawings) => drawings.PercentLineDrawing), { ssr: false, loading: DrawingPlaceholder });
