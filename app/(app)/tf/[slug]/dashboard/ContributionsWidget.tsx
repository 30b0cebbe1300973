"use client";

import { useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { Link } from "@/app/_components/Link";
import { PROGRAM_CURRENCY } from "@/db/vocabulary/grants";
import { FormError } from "@/app/_components/forms";
import { useTRPC } from "@/app/_trpc/client";
import { WidgetFrame, type WidgetProps } from "./WidgetFrame";

/**
 * Contributions this period (value of staff time, consultants and in-kind) and the reporting
 * completeness of the last ended period: contribution.summary, the overview's figures without its
 * tables — aggregates only, so every role that may read contributions sees the same figures.
 */
export function ContributionsWidget({ taskForceSlug }: WidgetProps) {
  const t = useTranslations("dashboard");
  const format = useFormatter();
  const trpc = useTRPC();
  const summary = useQuery(trpc.contribution.summary.queryOptions({ taskForceSlug }));
  let body;
  if (summary.error) body = <FormError error={summary.error} />;
  else if (!summary.data) body = null;
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
      title={t("contributionsTitle")}
      href={`/tf/${taskForceSlug}/contributions`}
      linkLabel={t("contributionsLink")}
      freshness={summary.data ? { what: t("contributionsWhat"), at: summary.data.updatedAt, none: t("contributionsNone") } : null}
    >
      {body}
    </WidgetFrame>
  );
}
