import { getFormatter, getTranslations } from "next-intl/server";
import { SeriesBarChart } from "@/app/_components/charts/SeriesBarChart";
import { Link } from "@/app/_components/Link";
import { TableScroll } from "@/app/_components/TableScroll";
import { ReadFailure, readForRendering } from "@/app/_trpc/rendered";
import { trpc } from "@/app/_trpc/server";
import { DISCIPLINES, type Discipline } from "@/server/domains/organizations/disciplines";
import { WidgetFrame, type WidgetProps } from "./WidgetFrame";

/**
 * Attendance and discipline coverage of the recent full task-force meetings: each one's attendance
 * rate and core disciplines at the table (a table), in how many of them each core discipline was
 * present (chart + table), and a prominent alert for core disciplines absent from all of them.
 * Freshness is the latest full meeting held.
 */
export async function DisciplineCoverageWidget({ taskForceSlug, timeZone }: WidgetProps) {
  const [t, tMeetings, tDisciplines, format] = await Promise.all([getTranslations("dashboard"), getTranslations("meetings"), getTranslations("disciplines"), getFormatter()]);
  const coverage = await readForRendering((client) => client.fetchQuery(trpc.meeting.recentFullMeetings.queryOptions({ taskForceSlug })));
  const percent = (rate: number | null) => (rate === null ? t("attendanceNone") : format.number(rate, { style: "percent" }));
  const name = (key: string) => ((DISCIPLINES as readonly string[]).includes(key) ? tDisciplines(key as Discipline) : key);
  let body;
  if ("failure" in coverage) body = <ReadFailure text={coverage.failure} />;
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
              date: format.dateTime(latest.startsAt, { dateStyle: "medium", timeZone }),
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
                      <span className="hint">{format.dateTime(meeting.startsAt, { dateStyle: "medium", timeZone })}</span>
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
  return (
    <WidgetFrame
      id="disciplineCoverage"
      title={t("coverageTitle")}
      href={`/tf/${taskForceSlug}/meetings`}
      linkLabel={t("coverageLink")}
      freshness={"data" in coverage ? { what: t("coverageWhat"), at: coverage.data.meetings[0]?.startsAt ?? null, none: t("coverageNone") } : null}
      timeZone={timeZone}
      wide
    >
      {body}
    </WidgetFrame>
  );
}
