"use client";

import { Link } from "@/app/_components/Link";
import { useFormatter, useNow, useTranslations } from "next-intl";
import { useId, type ReactNode } from "react";
import type { Permission } from "@/server/auth/permissions";

/** What the dashboard hands every widget. */
export interface WidgetProps {
  taskForceSlug: string;
  /** The viewer's permissions in the task force, to choose links and hide controls. */
  permissions: readonly Permission[];
}

/**
 * The frame every dashboard widget shares: a heading, the widget's figures, how fresh the data is
 * ("gaps last updated 12 days ago") and a link to the page with the details.
 */
export function WidgetFrame({
  title,
  href,
  linkLabel,
  freshness,
  wide = false,
  children,
}: {
  title: string;
  href: string;
  linkLabel: string;
  /**
   * What the data is and when it last changed, and the sentence for when there is none yet (what is
   * missing; the footer's link leads to where it is added). Null while loading.
   */
  freshness: { what: string; at: Date | null; none: string } | null;
  /** Charts with long axis labels take the whole row. */
  wide?: boolean;
  children: ReactNode;
}) {
  const headingId = useId();
  return (
    <section className={wide ? "widget wide" : "widget"} aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      {children}
      <div className="widget-footer">
        {freshness && <Freshness {...freshness} />}
        <Link href={href}>{linkLabel}</Link>
      </div>
    </section>
  );
}

export function Freshness({ what, at, none }: { what: string; at: Date | null; none: string }) {
  const t = useTranslations("dashboard");
  const format = useFormatter();
  const now = useNow();
  return (
    <p className="freshness">
      {at ? (
        <>
          {t("lastUpdated", { what })}{" "}
          <time dateTime={at.toISOString()} title={format.dateTime(at, { dateStyle: "medium", timeStyle: "short" })}>
            {format.relativeTime(at, now)}
          </time>
        </>
      ) : (
        none
      )}
    </p>
  );
}
