"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useReadableValues } from "@/app/_components/forms";
import type { MatchProgress } from "@/server/domains/grants/match.rules";
import { MatchBar, UnvaluedHoursWarning, useMoney } from "../MatchProgress";
import { TableScroll } from "@/app/_components/TableScroll";

/**
 * The award's local match to date against its match target: the figure and bar, what is left, the
 * breakdown by kind of contribution, and a warning while hours are valued at $0. Without a target,
 * a line saying so (coordinators get the way to the award's terms, EditGrantForm).
 */
export function LocalMatch({ taskForceSlug, match, canManage, canSetRates }: { taskForceSlug: string; match: MatchProgress | null; canManage: boolean; canSetRates: boolean }) {
  const t = useTranslations("localMatch");
  const format = useFormatter();
  const money = useMoney();
  const readable = useReadableValues();
  const hours = (value: number) => format.number(value, { maximumFractionDigits: 2 });
  return (
    <section aria-labelledby="match-heading">
      <h2 id="match-heading">{t("heading")}</h2>
      {match === null ? (
        <p>
          {t("noTarget")}
          {canManage && (
            <>
              {" "}
              <a href="#edit-terms">{t("setTarget")}</a>
            </>
          )}
        </p>
      ) : (
        <>
          <p>{t("window", readable({ from: match.from, to: match.to }))}</p>
          <MatchBar match={match} />
          <p>{match.remainingCents > 0 ? t("remaining", { remaining: money(match.remainingCents) }) : t("reached")}</p>
          <UnvaluedHoursWarning unvalued={match.unvalued} taskForceSlug={taskForceSlug} canSetRates={canSetRates} />
          <TableScroll label={t("breakdownCaption")}>
            <table>
              <caption>{t("breakdownCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("kindColumn")}</th>
                  <th scope="col">{t("hoursColumn")}</th>
                  <th scope="col">{t("rateColumn")}</th>
                  <th scope="col">{t("valueColumn")}</th>
                </tr>
              </thead>
              <tbody>
                <tr>
                  <th scope="row">{t("inKind")}</th>
                  <td>{t("notApplicable")}</td>
                  <td>{t("notApplicable")}</td>
                  <td>{money(match.inKindCents)}</td>
                </tr>
                {(
                  [
                    ["staffTime", match.staffHours, match.staffHourlyRateCents, match.staffTimeCents],
                    ["consultantTime", match.consultantPaidHours, match.consultantHourlyRateCents, match.consultantTimeCents],
                  ] as const
                ).map(([kind, hoursCounted, rateCents, valueCents]) => (
                  <tr key={kind}>
                    <th scope="row">{t(kind)}</th>
                    <td>{hours(hoursCounted)}</td>
                    <td>{money(rateCents)}</td>
                    <td>{money(valueCents)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t("total")}</th>
                  <td>{hours(match.staffHours + match.consultantPaidHours)}</td>
                  <td>{t("notApplicable")}</td>
                  <td>{money(match.totalCents)}</td>
                </tr>
                <tr>
                  <th scope="row">{t("target")}</th>
                  <td colSpan={2}>{t("notApplicable")}</td>
                  <td>{money(match.targetCents)}</td>
                </tr>
                <tr>
                  <th scope="row">{t("left")}</th>
                  <td colSpan={2}>{t("notApplicable")}</td>
                  <td>{money(match.remainingCents)}</td>
                </tr>
              </tfoot>
            </table>
          </TableScroll>
        </>
      )}
    </section>
  );
}
