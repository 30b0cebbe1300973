"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@/app/_components/Link";
import { useFormatter, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { CalendarDate, useCalendarDate } from "@/app/_components/DateTime";
import { Field, fieldErrorsOf, FormError, formText, SuccessMessage } from "@/app/_components/forms";
import { useTRPC } from "@/app/_trpc/client";
import { TableScroll } from "@/app/_components/TableScroll";

/** Choose an award's reporting period, generate its progress report, and open earlier ones. */
export function ReportGenerator({ taskForceSlug }: { taskForceSlug: string }) {
  const t = useTranslations("reports");
  const format = useFormatter();
  const calendarDate = useCalendarDate();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const options = useQuery(trpc.report.options.queryOptions({ taskForceSlug }));
  const [generatedId, setGeneratedId] = useState<string | null>(null);
  const generate = useMutation(trpc.report.generate.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.report.pathKey() }) }));
  if (options.error) return <FormError error={options.error} />;
  if (!options.data) return null;
  const { grants, reports, today } = options.data;
  // The last period that has ended is the one usually reported on.
  const defaultChoice = grants.flatMap((grant) => grant.periods.filter((period) => period.end < today).map((period) => `${grant.id}|${period.end}`)).at(-1);
  const periodLabel = (start: string, end: string) => `${calendarDate(start)} – ${calendarDate(end)}`;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setGeneratedId(null);
    const [grantId = "", periodEnd = ""] = formText(event.currentTarget, "period").split("|");
    generate.mutate({ taskForceSlug, grantId, periodEnd }, { onSuccess: ({ id }) => setGeneratedId(id) });
  }

  const errors = fieldErrorsOf(generate.error);
  return (
    <>
      <section aria-labelledby="generate-heading">
        <h2 id="generate-heading">{t("generateHeading")}</h2>
        {grants.length === 0 ? (
          <p>{t("noGrants")}</p>
        ) : (
          <form className="stack" onSubmit={onSubmit} noValidate aria-labelledby="generate-heading">
            <FormError error={generate.error} />
            <Field label={t("periodLabel")} name="period" errors={errors.periodEnd ? { period: errors.periodEnd } : errors}>
              {(control) => (
                <select {...control} defaultValue={defaultChoice}>
                  {grants.map((grant) => (
                    <optgroup key={grant.id} label={`${grant.awardNumber} (${grant.program})`}>
                      {grant.periods.map((period) => (
                        <option key={period.end} value={`${grant.id}|${period.end}`}>
                          {periodLabel(period.start, period.end)}
                        </option>
                      ))}
                    </optgroup>
                  ))}
                </select>
              )}
            </Field>
            <div>
              <button type="submit" disabled={generate.isPending}>
                {generate.isPending ? t("generating") : t("generate")}
              </button>
            </div>
          </form>
        )}
        {/* Announced while the report is built, and when it is ready. */}
        <div aria-live="polite" role="status" className="generation-status">
          {generate.isPending && <p>{t("generatingStatus")}</p>}
        </div>
        {generatedId && !generate.isPending && (
          <SuccessMessage>
            {t("generated")} <Link href={`/tf/${taskForceSlug}/grants/reports/${generatedId}`}>{t("openReport")}</Link>
          </SuccessMessage>
        )}
      </section>
      <section aria-labelledby="reports-heading">
        <h2 id="reports-heading">{t("listHeading")}</h2>
        {reports.length === 0 ? (
          <p>{t("none")}</p>
        ) : (
          <TableScroll label={t("listHeading")}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("periodColumn")}</th>
                  <th scope="col">{t("awardColumn")}</th>
                  <th scope="col">{t("generatedColumn")}</th>
                  <th scope="col">{t("filesColumn")}</th>
                </tr>
              </thead>
              <tbody>
                {reports.map((report) => (
                  <tr key={report.id}>
                    <th scope="row">
                      <Link href={`/tf/${taskForceSlug}/grants/reports/${report.id}`}>
                        <CalendarDate value={report.periodStart} /> – <CalendarDate value={report.periodEnd} />
                      </Link>
                    </th>
                    <td>{report.awardNumber}</td>
                    <td>
                      {format.dateTime(report.generatedAt, { dateStyle: "medium", timeStyle: "short" })}
                      {report.generatedByName && <> {t("byName", { name: report.generatedByName })}</>}
                      {report.audience === "funder" && <> {t("funderAudience")}</>}
                    </td>
                    <td>
                      <a href={`/tf/${taskForceSlug}/grants/reports/${report.id}/export?format=xlsx`} download>
                        {t("downloadXlsx")}
                      </a>
                      {" "}
                      <a href={`/tf/${taskForceSlug}/grants/reports/${report.id}/export?format=pdf`} download>
                        {t("downloadPdf")}
                      </a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>
    </>
  );
}
