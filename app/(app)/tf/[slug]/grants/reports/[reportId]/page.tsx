import type { Metadata } from "next";
import { Link } from "@/app/_components/Link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { DEFAULT_LOCALE, isSupportedLocale } from "@/app/i18n/locales";
import { loadForPage, serverCaller } from "@/app/_trpc/server";
import { PROGRAM_CURRENCY } from "@/db/vocabulary/grants";
import { formatCalendarDate, formatFigure, formatInstant } from "@/server/lib/figures";
import { requireTaskForcePermission } from "../../../_lib/taskForce";
import { PrintButton } from "@/app/_components/PrintButton";
import { ReportSection } from "./ReportSection";

export async function generateMetadata({ params }: PageProps<"/tf/[slug]/grants/reports/[reportId]">): Promise<Metadata> {
  const { slug, reportId } = await params;
  const caller = await serverCaller();
  const report = await loadForPage(() => caller.report.get({ taskForceSlug: slug, reportId }), `/tf/${slug}/grants/reports/${reportId}`);
  // The title becomes the PDF's title and the browser's suggested file name when saved as PDF.
  return { title: `${report.content.taskForceSlug}_progress-report_${report.periodStart}_to_${report.periodEnd}_generated-${report.generatedAt.toISOString().slice(0, 10)}` };
}

/** The print-ready progress report: the browser prints it or saves it as PDF (print CSS hides the app's frame). */
export default async function ReportPage({ params }: PageProps<"/tf/[slug]/grants/reports/[reportId]">) {
  const { slug, reportId } = await params;
  const path = `/tf/${slug}/grants/reports/${reportId}`;
  const taskForce = await requireTaskForcePermission(slug, path, "report.generate");
  const caller = await serverCaller();
  const report = await loadForPage(() => caller.report.get({ taskForceSlug: slug, reportId }), path);
  const { content } = report;
  const pageLocale = await getLocale();
  const tPage = await getTranslations("reports");
  // The report reads as it was filed, in its generator's language, whatever the reader's; the
  // actions around it are in the reader's.
  const locale = content.locale && isSupportedLocale(content.locale) ? content.locale : DEFAULT_LOCALE;
  const t = await getTranslations({ locale, namespace: "reports" });
  const format = await getFormatter({ locale });
  const date = (value: string) => formatCalendarDate(format, value);
  return (
    <article className="report" lang={locale}>
      <div className="no-print report-actions" lang={pageLocale}>
        <Link href={`/tf/${slug}/grants/reports`}>{tPage("backToReports")}</Link>
        <PrintButton label={tPage("print")} />
        <a href={`${path}/export?format=xlsx`} download>
          {tPage("downloadXlsx")}
        </a>
        <a href={`${path}/export?format=pdf`} download>
          {tPage("downloadPdf")}
        </a>
        {content.sections.map((section) => (
          <a key={section.key} href={`${path}/export?format=csv&section=${section.key}`} download>
            {tPage("downloadCsv", { section: section.title })}
          </a>
        ))}
      </div>
      <h1>{content.title}</h1>
      <dl className="facts">
        <dt>{t("periodLabel")}</dt>
        <dd>
          {date(content.period.start)} – {date(content.period.end)}
        </dd>
        <dt>{t("dueLabel")}</dt>
        <dd>
          {date(content.period.dueOn)}
        </dd>
        <dt>{t("awardLabel")}</dt>
        <dd>
          {content.grant.awardNumber}, {content.grant.program} ({content.grant.funderName})
        </dd>
        <dt>{t("amountLabel")}</dt>
        <dd>{formatFigure(format, { type: "money", currency: PROGRAM_CURRENCY }, content.grant.amount)}</dd>
        {content.comparedWith !== undefined && (
          <>
            <dt>{t("comparison.comparedWithLabel")}</dt>
            <dd>
              {content.comparedWith ? (
                <>
                  {date(content.comparedWith.start)} – {date(content.comparedWith.end)}
                </>
              ) : (
                t("comparison.firstPeriod")
              )}
            </dd>
          </>
        )}
        <dt>{t("generatedLabel")}</dt>
        <dd>
          {formatInstant(format, report.generatedAt, taskForce.timeZone)}
          {report.generatedByName && <> {t("byName", { name: report.generatedByName })}</>}
        </dd>
      </dl>
      {content.comparedWith !== undefined && (
        <>
          <p className="hint">{t("comparison.note")}</p>
          <p className="hint">{t("comparison.suppressionNote")}</p>
        </>
      )}
      {content.sections.map((section) => (
        <ReportSection key={section.key} section={section} t={t} format={format} />
      ))}
    </article>
  );
}
