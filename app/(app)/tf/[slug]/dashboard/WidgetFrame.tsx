import "server-only";
import { getFormatter, getNow, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Link } from "@/app/_components/Link";
import type { Permission } from "@/server/auth/permissions";

/*
 * Widgets are server components that read their data with readForRendering (app/_trpc/rendered.tsx):
 * only the drawings of their charts run in the browser.
 */

/** What the dashboard hands every widget. */
export interface WidgetProps {
  taskForceSlug: string;
  /** The viewer's permissions in the task force, to choose links and hide controls. */
  permissions: readonly Permission[];
  /** The task force's time zone: times of day are shown in it. */
  timeZone: string;
}

/**
 * The frame every dashboard widget shares: a heading, the widget's figures, how fresh the data is
 * ("gaps last updated 12 days ago") and a link to the page with the details.
 */
export function WidgetFrame({
  id,
  title,
  href,
  linkLabel,
  freshness,
  timeZone,
  wide = false,
  children,
}: {
  /** Unique on the dashboard: the heading's id is made from it. */
  id: string;
  title: string;
  href: string;
  linkLabel: string;
  /**
   * What the data is and when it last changed, and the sentence for when there is none yet (what is
   * missing; the footer's link leads to where it is added). Null when the data could not be read.
   */
  freshness: { what: string; at: Date | null; none: string } | null;
  timeZone: string;
  /** Charts with long axis labels take the whole row. */
  wide?: boolean;
  children: ReactNode;
}) {
  const headingId = `widget-${id}`;
  return (
    <section className={wide ? "widget wide" : "widget"} aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      {children}
      <div className="widget-footer">
        {freshness && <Freshness {...freshness} timeZone={timeZone} />}
        <Link href={href}>{linkLabel}</Link>
      </div>
    </section>
  );
}

async function Freshness({ what, at, none, timeZone }: { what: string; at: Date | null; none: string; timeZone: string }) {
  const [t, format, now] = await Promise.all([getTranslations("dashboard"), getFormatter(), getNow()]);
  return (
    <p className="freshness">
      {at ? (
        <>
          {t("lastUpdated", { what })}{" "}
          <time dateTime={at.toISOString()} title={format.dateTime(at, { dateStyle: "medium", timeStyle: "short", timeZone })}>
            {format.relativeTime(at, now)}
          </time>
        </>
      ) : (
        none
      )}
    </p>
  );
}
