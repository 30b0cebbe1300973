import { getFormatter, getTranslations } from "next-intl/server";
import { Link } from "@/app/_components/Link";
import { ReadFailure, readForRendering } from "@/app/_trpc/rendered";
import { trpc } from "@/app/_trpc/server";
import { PROGRAM_CURRENCY } from "@/db/vocabulary/grants";
import { WidgetFrame, type WidgetProps } from "./WidgetFrame";

/**
 * Contributions this period (value of staff time, consultants and in-kind) and the reporting
 * completeness of the last ended period: contribution.summary, the overview's figures without its
 * tables — aggregates only, so every role that may read contributions sees the same figures.
 */
export async function ContributionsWidget({ taskForceSlug, timeZone }: WidgetProps) {
  const [t, format] = await Promise.all([getTranslations("dashboard"), getFormatter()]);
  const summary = await readForRendering((client) => client.fetchQuery(trpc.contribution.summary.queryOptions({ taskForceSlug })));
  let body;
  if ("failure" in summary) body = <ReadFailure text={summary.failure} />;
  else {
    const { current, lastEnded } = summary.data;
    const dollars = (cents: number) => format.number(cents / 100, { style: "currency", currency: PROGRAM_CURRENCY, maximumFractionDigits: 0 });
    body = (
      <table className="figures">
        <caption className="visually-hidden">{t("contributionsTitle")}</caption>
        <tbody>
          <tr>
            <th scope="row">{t("contributionsThisPeriod", { period: current.period })}</th>
            <td>{dollars(current.staffTime + current.consultantTime + current.inKind)}</td>
          </tr>
          {lastEnded && (
            <tr>
              <th scope="row">{t("completenessLabel", { period: lastEnded.period })}</th>
              <td>
                {lastEnded.expected === 0 ? (
                  // No member organization was asked to report: say what is missing, not "0 of 0 (0%)".
                  t.rich("completenessNoneExpected", { link: (chunks) => <Link href={`/tf/${taskForceSlug}/members`}>{chunks}</Link> })
                ) : (
                  t("completenessValue", { submitted: lastEnded.submitted, expected: lastEnded.expected, share: format.number(lastEnded.reportingRate, { style: "percent" }) })
                )}
                {lastEnded.missing > 0 && (
                  <>
                    {" "}
                    <strong className="badge">{t("completenessMissing", { count: lastEnded.missing })}</strong>
                  </>
                )}
              </td>
            </tr>
          )}
        </tbody>
      </table>
    );
  }
  return (
    <WidgetFrame
      id="contributions"
      title={t("contributionsTitle")}
      href={`/tf/${taskForceSlug}/contributions`}
      linkLabel={t("contributionsLink")}
      freshness={"data" in summary ? { what: t("contributionsWhat"), at: summary.data.updatedAt, none: t("contributionsNone") } : null}
      timeZone={timeZone}
    >
      {body}
    </WidgetFrame>
  );
}
