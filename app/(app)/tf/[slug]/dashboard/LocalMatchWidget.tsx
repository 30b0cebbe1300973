import { getTranslations } from "next-intl/server";
import { Link } from "@/app/_components/Link";
import { TableScroll } from "@/app/_components/TableScroll";
import { ReadFailure, readForRendering } from "@/app/_trpc/rendered";
import { trpc } from "@/app/_trpc/server";
import { MatchBar, UnvaluedHoursWarning } from "../grants/MatchProgress";
import { WidgetFrame, type WidgetProps } from "./WidgetFrame";

/**
 * The local match to date of each current award with a match target (grant.match): the figure and
 * its bar per award, and the warning while hours are valued at $0. Every role that reads grants sees
 * the same figures (see server/domains/grants/match.service.ts).
 */
export async function LocalMatchWidget({ taskForceSlug, timeZone }: WidgetProps) {
  const t = await getTranslations("localMatch");
  const progress = await readForRendering((client) => client.fetchQuery(trpc.grant.match.queryOptions({ taskForceSlug })));
  let body;
  if ("failure" in progress) body = <ReadFailure text={progress.failure} />;
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
      id="localMatch"
      title={t("widgetTitle")}
      href={`/tf/${taskForceSlug}/grants`}
      linkLabel={t("widgetLink")}
      freshness={"data" in progress ? { what: t("widgetWhat"), at: progress.data.updatedAt, none: t("widgetNone") } : null}
      timeZone={timeZone}
    >
      {body}
    </WidgetFrame>
  );
}
