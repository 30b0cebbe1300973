"use client";

import { useQuery } from "@tanstack/react-query";
import { Link } from "@/app/_components/Link";
import { useTranslations } from "next-intl";
import { FormError } from "@/app/_components/forms";
import { useTRPC } from "@/app/_trpc/client";
import { WidgetFrame, type WidgetProps } from "./WidgetFrame";

/** Open, overdue and resolved gaps as figures (a table is their own text alternative). */
export function GapsWidget({ taskForceSlug }: WidgetProps) {
  const t = useTranslations("dashboard");
  const trpc = useTRPC();
  const summary = useQuery(trpc.dashboard.gaps.queryOptions({ taskForceSlug }));
  let body;
  if (summary.error) body = <FormError error={summary.error} />;
  else if (!summary.data) body = null;
  else {
    const { open, overdue, resolved } = summary.data;
    body = (
      <table className="figures">
        <caption className="visually-hidden">{t("gapsTitle")}</caption>
        <tbody>
          <tr>
            <th scope="row">{t("gapsOpen")}</th>
            <td>
              <Link href={`/tf/${taskForceSlug}/gaps`}>{open}</Link>
            </td>
          </tr>
          <tr>
            <th scope="row">{t("gapsOverdue")}</th>
            <td>
              <Link href={`/tf/${taskForceSlug}/gaps?overdue=1`}>{overdue}</Link>
              {overdue > 0 && (
                <>
                  {" "}
                  <strong className="badge">{t("attention")}</strong>
                </>
              )}
            </td>
          </tr>
          <tr>
            <th scope="row">{t("gapsResolved")}</th>
            <td>{resolved}</td>
          </tr>
        </tbody>
      </table>
    );
  }
  return (
    <WidgetFrame
      title={t("gapsTitle")}
      href={`/tf/${taskForceSlug}/gaps`}
      linkLabel={t("gapsLink")}
      freshness={summary.data ? { what: t("gapsWhat"), at: summary.data.updatedAt, none: t("gapsNone") } : null}
    >
      {body}
    </WidgetFrame>
  );
}
