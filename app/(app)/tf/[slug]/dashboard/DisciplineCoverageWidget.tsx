"use client";

import { useQuery } from "@tanstack/react-query";
import { Link } from "@/app/_components/Link";
import { useFormatter, useTranslations } from "next-intl";
import { SeriesBarChart } from "@/app/_components/charts/SeriesBarChart";
import { FormError } from "@/app/_components/forms";
import { useTRPC } from "@/app/_trpc/client";
import { DISCIPLINES, type Discipline } from "@/server/domains/organizations/disciplines";
import { WidgetFrame, type WidgetProps } from "./WidgetFrame";
import { TableScroll } from "@/app/_components/TableScroll";

/**
 * Attendance and discipline coverage of the recent full task-force meetings: each one's attendance
 * rate and core disciplines at the table (a table), in how many of them each core discipline was
 * present (chart + table), and a prominent alert for core disciplines absent from all of them.
 * Freshness is the latest full meeting held.
 */
export function DisciplineCoverageWidget({ taskForceSlug }: WidgetProps) {
  const t = useTranslations("dashboard");
  const tMeetings = useTranslations("meetings");
  const tDisciplines = useTranslations("disciplines");
  const format = useFormatter();
  const trpc = useTRPC();
  const coverage = useQuery(trpc.meeting.recentFullMeetings.queryOptions({ taskForceSlug }));
  const percent = (rate: number | null) => (rate === null ? t("attendanceNone") : format.number(rate, { style: "percent" }));
  const name = (key: string) => ((DISCIPLINES as readonly string[]).includes(key) ? tDisciplines(key as Discipline) : key);
  let body;
  if (coverage.error) body = <FormError error={coverage.error} />;
  else if (!coverage.data) body = null;
  else {
    const { coreDisciplines, meetings, absent, window, attendanceRate: overallRate } = coverage.data;
    const latest = meetings[0];
    if (!latest) body = <p>{t("coverageNoMeetings")}</p>;
    else {
      const categories = coreDisciplines.map((discipline) => ({ key: discipline, label: name(discipline) }));
      const presentIn = Object.fromEntries(
        coreDisciplines.map((discipline) => [discipline, meetings.filter((meeting) => meeting.presentDisciplines.includes(discipline)).length]),
      );
      const series = [{ key: "meetings", label: t("coverageSeries", { count: meetings.length }), values: presentIn }];
      const presentAtLatest = coreDisciplines.filter((discipline) => latest.presentDisciplines.includes(discipline)).length;
      const attendanceText =
        latest.attendanceRate === null
          ? t("attendanceNotRecorded")
          : t("attendanceSummary", { latest: percent(latest.attendanceRate), overall: percent(overallRate), count: meetings.length });
      body = (
        <>
          {absent.length > 0 && (
            <div className="alert error" role="status">
              <p>
                <strong>{tMeetings("coverageAlert", { disciplines: absent.map(name).join(", "), absent: absent.length, count: window })}</strong>
              </p>
            </div>
          )}
          <p>
            {tMeetings("coverageLatest", {
              title: latest.title,
              date: format.dateTime(latest.startsAt, { dateStyle: "medium" }),
              present: presentAtLatest,
              core: coreDisciplines.length,
            })}
          </p>
          <p>{attendanceText}</p>
          <TableScroll label={t("recentMeetingsCaption", { count: meetings.length })}>
            <table>
              <caption>{t("recentMeetingsCaption", { count: meetings.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("recentMeetingColumn")}</th>
                  <th scope="col">{t("recentAttendanceColumn")}</th>
                  <th scope="col">{t("recentCoreColumn")}</th>
                </tr>
              </thead>
              <tbody>
                {meetings.map((meeting) => (
                  <tr key={meeting.id}>
                    <th scope="row">
                      <Link href={`/tf/${taskForceSlug}/meetings/${meeting.id}`}>{meeting.title}</Link>{" "}
                      <span className="hint">{format.dateTime(meeting.startsAt, { dateStyle: "medium" })}</span>
                    </th>
                    <td>{percent(meeting.attendanceRate)}</td>
                    <td>
                      {t("recentCoreCell", { present: coreDisciplines.filter((discipline) => meeting.presentDisciplines.includes(discipline)).length, core: coreDisciplines.length })}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          {coreDisciplines.length > 0 && (
            <SeriesBarChart
              caption={t("coverageCaption", { count: meetings.length })}
              summary={t("coverageSummary", { present: presentAtLatest, core: coreDisciplines.length, absent: absent.length })}
              categoryHeading={t("coverageDiscipline")}
              categories={categories}
              series={series}
              valueDomain={[0, meetings.length]}
              everyLabel
            />
          )}
        </>
      );
    }
  }
  const latestHeld = coverage.data?.meetings[0]?.startsAt ?? null;
  return (
    <WidgetFrame
      title={t("coverageTitle")}
      href={`/tf/${taskForceSlug}/meetings`}
      linkLabel={t("coverageLink")}
      freshness={coverage.data ? { what: t("coverageWhat"), at: latestHeld, none: t("coverageNone") } : null}
      wide
    >
      {body}
    </WidgetFrame>
  );
}
