"use client";

import { useQuery } from "@tanstack/react-query";
import { Link } from "@/app/_components/Link";
import { useTranslations } from "next-intl";
import { CalendarDate } from "@/app/_components/DateTime";
import { FormError } from "@/app/_components/forms";
import { useTRPC } from "@/app/_trpc/client";
import { WidgetFrame, type WidgetProps } from "./WidgetFrame";
import { TableScroll } from "@/app/_components/TableScroll";

/** Signed MOUs expiring within 90 days, and those expired (funders: the shared ones), as a table. */
export function MouRenewalsWidget({ taskForceSlug }: WidgetProps) {
  const t = useTranslations("dashboard");
  const tMous = useTranslations("mous");
  const trpc = useTRPC();
  const renewals = useQuery(trpc.mou.renewals.queryOptions({ taskForceSlug }));
  let body;
  if (renewals.error) body = <FormError error={renewals.error} />;
  else if (!renewals.data) body = null;
  else if (renewals.data.renewals.length === 0) body = <p>{tMous("renewalsNone")}</p>;
  else {
    const expired = renewals.data.renewals.filter((mou) => mou.daysLeft < 0).length;
    body = (
      <TableScroll label={t("mousSummary", { expiring: renewals.data.renewals.length - expired, expired })}>
        <table>
          <caption>{t("mousSummary", { expiring: renewals.data.renewals.length - expired, expired })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("mouColumn")}</th>
              <th scope="col">{t("mouExpiresColumn")}</th>
            </tr>
          </thead>
          <tbody>
            {renewals.data.renewals.map((mou) => (
              <tr key={mou.id}>
                <th scope="row">
                  <Link href={`/tf/${taskForceSlug}/members/mous#mou-${mou.id}`}>{mou.title}</Link>
                </th>
                <td>
                  {mou.daysLeft < 0 ? <strong>{tMous("expiredOn")}</strong> : tMous("expiresIn", { days: mou.daysLeft })} <CalendarDate value={mou.expiresOn} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    );
  }
  return (
    <WidgetFrame title={tMous("renewalsTitle")} href={`/tf/${taskForceSlug}/members/mous`} linkLabel={t("mousLink")} freshness={null}>
      {body}
    </WidgetFrame>
  );
}
