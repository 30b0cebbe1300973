"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@/app/_components/Link";
import { useFormatter, useTranslations } from "next-intl";
import { CalendarDate } from "@/app/_components/DateTime";
import { FormError, SuccessMessage } from "@/app/_components/forms";
import { useTRPC } from "@/app/_trpc/client";
import { ContributionCharts } from "./ContributionCharts";
import { ShownValue } from "./ShownCell";
import type { RouterOutputs } from "./types";
import { TableScroll } from "@/app/_components/TableScroll";

type Overview = RouterOutputs["contribution"]["overview"];
type PeriodTable = Overview["victimCounts"]["services"];

export function ContributionsOverview({ taskForceSlug, canRemind }: { taskForceSlug: string; canRemind: boolean }) {
  const t = useTranslations("contributions");
  const trpc = useTRPC();
  const overview = useQuery(trpc.contribution.overview.queryOptions({ taskForceSlug }));
  if (overview.error) return <FormError error={overview.error} />;
  if (!overview.data) return null;
  const data = overview.data;
  return (
    <>
      <Completeness taskForceSlug={taskForceSlug} overview={data} canRemind={canRemind} />
      <ContributionCharts overview={data} />
      <section aria-labelledby="victim-counts-heading">
        <h2 id="victim-counts-heading">{t("victimHeading")}</h2>
        <p>{t("victimIntro")}</p>
        <SuppressionNote suppressed={data.suppressed} threshold={data.threshold} />
        <CountsTable caption={t("identifiedCaption")} periods={data.periods} table={data.victimCounts.identified} label={(key) => t(`measures.${key}` as never)} />
        <CountsTable caption={t("referralsCaption")} periods={data.periods} table={data.victimCounts.referrals} label={(key) => t(`measures.${key}` as never)} />
        {data.victimCounts.services.rows.length === 0 ? (
          <p>
            <strong>{t("servicesCaption")}</strong> {t("noServices")}
          </p>
        ) : (
          <CountsTable caption={t("servicesCaption")} periods={data.periods} table={data.victimCounts.services} label={(key) => t(`serviceTypes.${key}` as never)} />
        )}
      </section>
    </>
  );
}

/**
 * What outsiders see of victim-related counts: suppressed, and per period as published. `publication`
 * is the period's (on a period page); left out on pages spanning several periods.
 */
export function SuppressionNote({
  suppressed,
  threshold,
  publication,
}: {
  suppressed: boolean;
  threshold: number;
  publication?: { version: number; publishedAt: Date } | null;
}) {
  const t = useTranslations("suppression");
  const format = useFormatter();
  return (
    <>
      <p className="hint">{suppressed ? t("note", { threshold }) : t("internalNote", { threshold })}</p>
      <p className="hint">
        {publication === undefined
          ? t("publicationRule")
          : publication === null
            ? t("unpublishedNote")
            : t("publishedNote", { date: format.dateTime(publication.publishedAt, { dateStyle: "medium" }), version: publication.version })}
      </p>
    </>
  );
}

function Completeness({ taskForceSlug, overview, canRemind }: { taskForceSlug: string; overview: Overview; canRemind: boolean }) {
  const t = useTranslations("contributions");
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const remind = useMutation(
    trpc.contribution.remind.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.contribution.overview.queryKey({ taskForceSlug }) }),
    }),
  );
  const percent = (value: number) => format.number(value, { style: "percent" });
  const rows = [...overview.completeness].reverse();
  return (
    <section aria-labelledby="completeness-heading">
      <h2 id="completeness-heading">{t("completenessHeading")}</h2>
      <FormError error={remind.error} />
      {remind.data && (
        <SuccessMessage>
          {t("reminded", { notified: remind.data.notified, emailed: remind.data.emailed })}
          {remind.data.organizationsWithoutAccounts.length > 0 && ` ${t("withoutAccounts", { names: remind.data.organizationsWithoutAccounts.join(", ") })}`}
        </SuccessMessage>
      )}
      <TableScroll label={t("completenessHeading")}>
        <table>
          <caption className="visually-hidden">{t("completenessHeading")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("periodColumn")}</th>
              <th scope="col">{t("dueColumn")}</th>
              <th scope="col">{t("submittedColumn")}</th>
              <th scope="col">{t("reportingRateColumn")}</th>
              <th scope="col">{t("onTimeRateColumn")}</th>
              {overview.access === "all" && <th scope="col">{t("notSubmittedColumn")}</th>}
              {canRemind && <th scope="col">{t("actionsColumn")}</th>}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const missing = row.organizations?.filter((organization) => organization.status !== "submitted") ?? [];
              return (
                <tr key={row.period}>
                  <th scope="row">
                    <Link href={`/tf/${taskForceSlug}/contributions/${row.period}`}>{row.ended ? row.period : t("inProgress", { period: row.period })}</Link>
                  </th>
                  <td>
                    <CalendarDate value={row.dueOn} />
                  </td>
                  <td>
                    {t("submittedOf", { submitted: row.submitted, expected: row.expected })}
                    {t("lateCount", { count: row.late })}
                  </td>
                  <td>{percent(row.reportingRate)}</td>
                  <td>{percent(row.onTimeRate)}</td>
                  {overview.access === "all" && (
                    <td>
                      {!row.ended
                        ? t("notDueYet")
                        : missing.length === 0
                          ? t("noneMissing")
                        : missing.map((organization) => `${organization.name} (${t(`status.${organization.status}`)})`).join(", ")}
                    </td>
                  )}
                  {canRemind && (
                    <td>
                      {row.ended && row.missing > 0 && (
                        <button
                          type="button"
                          className="secondary"
                          aria-label={t("remindLabel", { period: row.period })}
                          disabled={remind.isPending}
                          onClick={() => remind.mutate({ taskForceSlug, period: row.period })}
                        >
                          {t("sendReminder")}
                        </button>
                      )}
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}

/** Counts by row and period with their totals; hidden cells read "suppressed". */
function CountsTable({ caption, periods, table, label }: { caption: string; periods: string[]; table: PeriodTable; label: (key: string) => string }) {
  const t = useTranslations("contributions");
  return (
    <TableScroll label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("typeColumn")}</th>
            {periods.map((period) => (
              <th scope="col" key={period}>
                {period}
              </th>
            ))}
            <th scope="col">{t("totalColumn")}</th>
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{label(row.key)}</th>
              {row.cells.map((cell, index) => (
                <td key={periods[index]}>
                  <ShownValue cell={cell} />
                </td>
              ))}
              <td>
                <ShownValue cell={row.total} />
              </td>
            </tr>
          ))}
          {table.columnTotals && (
            <tr>
              <th scope="row">{t("totalColumn")}</th>
              {table.columnTotals.map((cell, index) => (
                <td key={periods[index]}>
                  <ShownValue cell={cell} />
                </td>
              ))}
              <td>{table.grandTotal && <ShownValue cell={table.grandTotal} />}</td>
            </tr>
          )}
        </tbody>
      </table>
    </TableScroll>
  );
}
