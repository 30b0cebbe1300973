import { getTranslations } from "next-intl/server";
import { Link } from "@/app/_components/Link";
import { ReadFailure, readForRendering } from "@/app/_trpc/rendered";
import { trpc } from "@/app/_trpc/server";
import { WidgetFrame, type WidgetProps } from "./WidgetFrame";

/** Open, overdue and resolved gaps as figures (a table is their own text alternative). */
export async function GapsWidget({ taskForceSlug, timeZone }: WidgetProps) {
  const t = await getTranslations("dashboard");
  const summary = await readForRendering((client) => client.fetchQuery(trpc.dashboard.gaps.queryOptions({ taskForceSlug })));
  let body;
  if ("failure" in summary) body = <ReadFailure text={summary.failure} />;
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
      id="gaps"
      title={t("gapsTitle")}
      href={`/tf/${taskForceSlug}/gaps`}
      linkLabel={t("gapsLink")}
      freshness={"data" in summary ? { what: t("gapsWhat"), at: summary.data.updatedAt, none: t("gapsNone") } : null}
      timeZone={timeZone}
    >
      {body}
    </WidgetFrame>
  );
}
