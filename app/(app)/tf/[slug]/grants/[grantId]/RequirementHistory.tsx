"use client";

import { useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { SeriesBarChart } from "@/app/_components/charts/SeriesBarChart";
import { DataTable } from "@/app/_components/DataTable";
import { CalendarDate, DateTime, useCalendarDate } from "@/app/_components/DateTime";
import { Field, fieldErrorsOf, FormError } from "@/app/_components/forms";
import { Link } from "@/app/_components/Link";
import { useTRPC } from "@/app/_trpc/client";

const SEGMENTS = ["met", "inProgress", "notStarted", "notApplicable"] as const;
const STATUS_OF_SEGMENT = { met: "met", inProgress: "in_progress", notStarted: "not_started", notApplicable: "not_applicable" } as const;

/**
 * The award's requirements over its life: counts by status at the end of each reporting period and
 * today (a chart with its table and a written summary), and every requirement's status as of a day
 * chosen in the form or from the period ends. The day travels in the address (?asOf=), so a view of
 * a past day can be linked to and the form works before the page's script has loaded.
 */
export function RequirementHistory({ taskForceSlug, grantId, today, asOf }: { taskForceSlug: string; grantId: string; today: string; asOf: string | undefined }) {
  const t = useTranslations("requirementHistory");
  const tRequirements = useTranslations("requirements");
  const format = useFormatter();
  const calendarDate = useCalendarDate();
  const trpc = useTRPC();
  const history = useQuery(trpc.grant.requirementHistory.queryOptions({ taskForceSlug, grantId }));
  const day = asOf ?? today;
  const statuses = useQuery(trpc.grant.requirementsAsOf.queryOptions({ taskForceSlug, grantId, date: day }));
  const path = `/tf/${taskForceSlug}/grants/${grantId}`;
  const monthOf = (date: string) => format.dateTime(new Date(`${date}T12:00:00Z`), { month: "long", year: "numeric", timeZone: "UTC" });

  let chart = null;
  if (history.error) chart = <FormError error={history.error} />;
  else if (history.data) {
    const { points, summary, reconstructedOn } = history.data;
    const segments = SEGMENTS.filter((segment) => segment !== "notApplicable" || points.some((point) => point.progress.notApplicable > 0));
    const values = { metThen: summary?.metThen ?? 0, metNow: summary?.metNow ?? 0, applicable: summary?.applicable ?? 0, since: summary ? monthOf(summary.since) : "" };
    chart = !summary ? (
      <p>{t("summaryNone")}</p>
    ) : (
      <>
        <SeriesBarChart
          caption={t("chartCaption")}
          summary={summary.single ? t("summarySingle", values) : summary.metThen === summary.metNow ? t("summaryUnchanged", values) : t("summary", values)}
          categoryHeading={t("dayColumn")}
          categories={points.map((point) => ({ key: point.date, label: point.kind === "today" ? t("today") : calendarDate(point.date) }))}
          series={segments.map((segment) => ({
            key: segment,
            label: tRequirements(`status.${STATUS_OF_SEGMENT[segment]}`),
            values: Object.fromEntries(points.map((point) => [point.date, point.progress[segment]])),
          }))}
          stacked
          everyLabel
        />
        {reconstructedOn && <p className="hint">{t("reconstructed", { date: calendarDate(reconstructedOn) })}</p>}
      </>
    );
  }

  const periodEnds = history.data?.points.filter((point) => point.kind === "periodEnd") ?? [];
  const dateErrors = fieldErrorsOf(statuses.error).date;
  const rows = statuses.data?.requirements;
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">{t("heading")}</h2>
      {chart}

      <h3 id="as-of-heading">{t("asOfHeading")}</h3>
      <form method="get" action={path} aria-label={t("asOfForm")} className="as-of-form">
        {/* Keyed by the day shown, so the field shows it again after the page moves to another day. */}
        <Field key={day} label={t("asOfLabel")} name="asOf" hint={t("asOfHint")} errors={dateErrors ? { asOf: dateErrors } : undefined}>
          {(control) => <input {...control} type="date" defaultValue={day} max={today} required />}
        </Field>
        <div>
          <button type="submit">{t("show")}</button>
        </div>
      </form>
      <p className="inline-actions">
        {t("jumpTo")}
        {[...periodEnds.map((point) => ({ date: point.date, label: t("periodEndLink", { start: calendarDate(point.periodStart ?? point.date), end: calendarDate(point.date) }) })), { date: today, label: t("todayLink") }].map((link) =>
          link.date === day ? (
            <strong key={link.date} aria-current="true">
              {link.label}
            </strong>
          ) : (
            <Link key={link.date} href={link.date === today ? `${path}#as-of-heading` : `${path}?asOf=${link.date}#as-of-heading`}>
              {link.label}
            </Link>
          ),
        )}
      </p>
      {!dateErrors && <FormError error={statuses.error} />}
      {statuses.data && (
        <>
          <p className="progress-count" aria-live="polite">
            <CalendarDate value={statuses.data.date} />
            {": "}
            {rows && rows.length > 0
              ? tRequirements("progress", {
                  met: statuses.data.progress.met,
                  applicable: statuses.data.progress.total - statuses.data.progress.notApplicable,
                  inProgress: statuses.data.progress.inProgress,
                  notStarted: statuses.data.progress.notStarted,
                  notApplicable: statuses.data.progress.notApplicable,
                })
              : t("asOfNone")}
          </p>
          <DataTable
            caption={t("asOfCaption", { date: calendarDate(statuses.data.date) })}
            columns={[tRequirements("requirementColumn"), tRequirements("statusColumn"), t("sinceColumn"), t("basisColumn")]}
            rows={rows}
            rowKey={(row) => row.requirementId}
          >
            {(row) => (
              <>
                <th scope="row">{row.title}</th>
                <td>
                  <strong className={`status status-${row.status}`}>{tRequirements(`status.${row.status}`)}</strong>
                </td>
                <td>
                  <DateTime value={row.changedAt} />
                </td>
                <td>
                  {row.source === "override" && row.reason === null ? t("overrideCleared") : t(`source.${row.source}`)}
                  {row.changedByName && <> {t("by", { name: row.changedByName })}</>}
                  {row.reason && (
                    <>
                      {" "}
                      <span className="hint">{t("reason", { reason: row.reason })}</span>
                    </>
                  )}
                </td>
              </>
            )}
          </DataTable>
        </>
      )}
    </section>
  );
}
