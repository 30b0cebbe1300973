"use client";

import { useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { ChartFrame } from "@/app/_components/charts/ChartFrame";
import { PercentLineDrawing } from "@/app/_components/charts/lazyDrawings";
import { SeriesBarChart } from "@/app/_components/charts/SeriesBarChart";
import { DateTime } from "@/app/_components/DateTime";
import { FormError } from "@/app/_components/forms";
import { useTRPC } from "@/app/_trpc/client";
import { MEETING_TYPES } from "@/db/vocabulary/meetings";
import { DISCIPLINES, type Discipline } from "@/server/domains/organizations/disciplines";
import { TableScroll } from "@/app/_components/TableScroll";

/** Meetings held per quarter by type, attendance rate by month, discipline coverage and attendance by organization. */
export function MeetingCharts({ taskForceSlug }: { taskForceSlug: string }) {
  const t = useTranslations("meetings");
  const tDisciplines = useTranslations("disciplines");
  const format = useFormatter();
  const trpc = useTRPC();
  const stats = useQuery(trpc.meeting.stats.queryOptions({ taskForceSlug }));
  if (stats.error) return <FormError error={stats.error} />;
  if (!stats.data) return null;
  const { meetingsPerQuarter, attendanceRateByMonth, coverage, attendanceByOrganization, coreDisciplines } = stats.data;
  const disciplineName = (key: string) => ((DISCIPLINES as readonly string[]).includes(key) ? tDisciplines(key as Discipline) : key);

  const types = MEETING_TYPES.filter((type) => meetingsPerQuarter.some((row) => (row.counts[type] ?? 0) > 0));
  const totalHeld = meetingsPerQuarter.reduce((sum, row) => sum + Object.values(row.counts).reduce((a, b) => a + b, 0), 0);
  const rateRows = attendanceRateByMonth.map((row) => ({ month: row.month, rate: row.rate === null ? null : Math.round(row.rate * 1000) / 10 }));
  const latestRate = rateRows.at(-1)?.rate ?? null;
  const rateCategories = rateRows.map((row) => ({ key: row.month, label: row.month }));
  const rateSeries = [{ key: "rate", label: t("ratePercent"), values: Object.fromEntries(rateRows.map((row) => [row.month, row.rate])) }];
  const coverageRows = coverage.map((row) => ({ key: row.meetingId, label: format.dateTime(row.startsAt, { dateStyle: "medium" }), count: row.disciplines.length }));
  const organizationRows = attendanceByOrganization.map((row) => ({ key: row.organizationId, label: row.name, present: row.present, missed: row.absent + row.excused }));

  if (totalHeld === 0) {
    return (
      <section aria-labelledby="meeting-charts-heading">
        <h2 id="meeting-charts-heading">{t("chartsHeading")}</h2>
        <p>{t("chartsNone")}</p>
      </section>
    );
  }
  return (
    <section aria-labelledby="meeting-charts-heading">
      <h2 id="meeting-charts-heading">{t("chartsHeading")}</h2>
      <SeriesBarChart
        caption={t("perQuarterCaption")}
        summary={t("perQuarterSummary", { count: totalHeld, quarters: meetingsPerQuarter.length })}
        categoryHeading={t("quarterColumn")}
        categories={meetingsPerQuarter.map((row) => ({ key: row.quarter, label: row.quarter }))}
        series={types.map((type) => ({ key: type, label: t(`type.${type}`), values: Object.fromEntries(meetingsPerQuarter.map((row) => [row.quarter, row.counts[type] ?? 0])) }))}
        stacked
      />

      <ChartFrame
        caption={t("rateCaption")}
        summary={latestRate === null ? t("rateSummaryNone") : t("rateSummary", { rate: latestRate, month: rateRows.at(-1)?.month ?? "" })}
        categoryHeading={t("monthColumn")}
        categories={rateCategories}
        series={rateSeries}
        height={240}
      >
        <PercentLineDrawing categories={rateCategories} series={rateSeries} />
      </ChartFrame>

      {coverage.length > 0 && (
        <SeriesBarChart
          caption={t("coverageCaption")}
          summary={t("coverageSummary", { meetings: coverage.length, latest: coverageRows.at(-1)?.count ?? 0 })}
          categoryHeading={t("meetingColumn")}
          categories={coverageRows.map((row) => ({ key: row.key, label: row.label }))}
          series={[{ key: "count", label: t("disciplinesPresent"), values: Object.fromEntries(coverageRows.map((row) => [row.key, row.count])) }]}
        />
      )}

      {coverage.length > 0 && (
        <TableScroll label={t("corePresenceCaption")}>
          <table>
            <caption>{t("corePresenceCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("meetingColumn")}</th>
                {coreDisciplines.map((discipline) => (
                  <th scope="col" key={discipline}>
                    {disciplineName(discipline)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {coverage.map((row) => (
                <tr key={row.meetingId}>
                  <th scope="row">
                    <DateTime value={row.startsAt} />
                  </th>
                  {coreDisciplines.map((discipline) => (
                    <td key={discipline}>{row.disciplines.includes(discipline) ? t("disciplinePresent") : <strong>{t("disciplineAbsent")}</strong>}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}

      {organizationRows.length > 0 && (
        <SeriesBarChart
          caption={t("byOrganizationCaption")}
          summary={t("byOrganizationSummary", { count: organizationRows.length, top: organizationRows[0]!.label })}
          categoryHeading={t("organizationColumn")}
          categories={organizationRows.map((row) => ({ key: row.key, label: row.label }))}
          series={[
            { key: "present", label: t("presentCount"), values: Object.fromEntries(organizationRows.map((row) => [row.key, row.present])) },
            { key: "missed", label: t("missedCount"), values: Object.fromEntries(organizationRows.map((row) => [row.key, row.missed])) },
          ]}
          horizontal
          stacked
        />
      )}
      {attendanceByOrganization.length > 0 && (
        <TableScroll label={t("lastPresentCaption")}>
          <table>
            <caption>{t("lastPresentCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("organizationColumn")}</th>
                <th scope="col">{t("lastPresentColumn")}</th>
              </tr>
            </thead>
            <tbody>
              {attendanceByOrganization.map((row) => (
                <tr key={row.organizationId}>
                  <th scope="row">{row.name}</th>
                  <td>{row.lastPresentAt ? <DateTime value={row.lastPresentAt} /> : t("neverPresent")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
