import { getTranslations } from "next-intl/server";
import { CalendarDate } from "@/app/_components/DateTime";
import { Link } from "@/app/_components/Link";
import { TableScroll } from "@/app/_components/TableScroll";
import { ReadFailure, readForRendering } from "@/app/_trpc/rendered";
import { trpc } from "@/app/_trpc/server";
import { WidgetFrame, type WidgetProps } from "./WidgetFrame";

/** Signed MOUs expiring within 90 days, and those expired (funders: the shared ones), as a table. */
export async function MouRenewalsWidget({ taskForceSlug, timeZone }: WidgetProps) {
  const [t, tMous] = await Promise.all([getTranslations("dashboard"), getTranslations("mous")]);
  const renewals = await readForRendering((client) => client.fetchQuery(trpc.mou.renewals.queryOptions({ taskForceSlug })));
  let body;
  if ("failure" in renewals) body = <ReadFailure text={renewals.failure} />;
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
    <WidgetFrame id="mouRenewals" title={tMous("renewalsTitle")} href={`/tf/${taskForceSlug}/members/mous`} linkLabel={t("mousLink")} freshness={null} timeZone={timeZone}>
      {body}
    </WidgetFrame>
  );
}
