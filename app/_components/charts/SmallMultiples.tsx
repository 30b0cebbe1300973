import type { ReactNode } from "react";

/**
 * Small multiples: several charts of one kind side by side (one per task force, per award), under
 * one heading and a summary that says what they show together. The charts inside share one value
 * scale — the caller gives each the same `valueDomain` — so bars compare across them; each keeps
 * its own caption, summary and table (ChartFrame).
 */
export function SmallMultiples({ id, heading, summary, children }: { id: string; heading: string; summary: string; children: ReactNode }) {
  return (
    <section className="small-multiples" aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      <p className="chart-summary">{summary}</p>
      <div className="small-multiples-grid">{children}</div>
    </section>
  );
}
