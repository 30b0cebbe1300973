"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Link } from "@/app/_components/Link";
import { FormError } from "@/app/_components/forms";
import { useTRPC } from "@/app/_trpc/client";
import { MatchBar, UnvaluedHoursWarning } from "../grants/MatchProgress";
import { WidgetFrame, type WidgetProps } from "./WidgetFrame";
import { TableScroll } from "@/app/_components/TableScroll";

/**
 * The local match to date of each current award with a match target (grant.match): the figure and
 * its bar per award, and the warning while hours are valued at $0. Every role that reads grants sees
 * the same figures (see server/domains/grants/match.service.ts).
 */
export function LocalMatchWidget({ taskForceSlug }: WidgetProps) {
  const t = useTranslations("localMatch");
  const trpc = useTRPC();
  const progress = useQuery(trpc.grant.match.queryOptions({ taskForceSlug }));
  let body;
  if (progress.error) body = <FormError error={progress.error} />;
  else if (!progress.data) body = null;
  else if (progress.data.awards.length === 0) body = <p>{t("widgetEmpty")}</p>;
  else {
    const { awards, canSetRates } = progress.data;
    const unvalued = {
      staffHours: awards.some((award) => award.match.unvalued.staffHours),
      consultantHours: awards.some((award) => award.match.unvalued.consultantHours),
    };
    body = (
      <>
        <TableScroll label={t("widgetCaption")}>
          <table>
            <caption className="visually-hidden">{t("widgetCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("awardColumn")}</th>
                <th scope="col">{t("matchColumn")}</th>
              </tr>
            </thead>
            <tbody>
              {awards.map((award) => (
                <tr key={award.id}>
                  <th scope="row">
                    <Link href={`/tf/${taskForceSlug}/grants/${award.id}`}>{award.awardNumber}</Link>
                  </th>
                  <td>
                    <MatchBar match={award.match} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
        <UnvaluedHoursWarning unvalued={unvalued} taskForceSlug={taskForceSlug} canSetRates={canSetRates} />
      </>
    );
  }
  return (
    <WidgetFrame
      title={t("widgetTitle")}
      href={`/tf/${taskForceSlug}/grants`}
      linkLabel={t("widgetLink")}
      freshness={progress.data ? { what: t("widgetWhat"), at: progress.data.updatedAt, none: t("widgetNone") } : null}
    >
      {body}
    </WidgetFrame>
  );
}
