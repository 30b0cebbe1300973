import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { cache } from "react";
import { Link } from "@/app/_components/Link";
import { PrintButton } from "@/app/_components/PrintButton";
import { loadForPage, serverCaller } from "@/app/_trpc/server";
import "./summary.css";
import { TableScroll } from "@/app/_components/TableScroll";

/** The funder's row of one task force, read once for the title and the page. */
const summaryOf = cache(async (slug: string) => {
  const caller = await serverCaller();
  return loadForPage(() => caller.funder.summary({ taskForceSlug: slug }), `/funder/summary/${slug}`);
});

export async function generateMetadata({ params }: PageProps<"/funder/summary/[slug]">): Promise<Metadata> {
  const row = await summaryOf((await params).slug);
  return { title: (await getTranslations("funder"))("summary.title", { name: row.name }) };
}

/**
 * One funded task force on one printed page, for a site visit: what the funder portfolio shows of
 * it (the same service, so only what a funder may see), laid out to print on a single sheet.
 */
export default async function SiteVisitSummaryPage({ params }: PageProps<"/funder/summary/[slug]">) {
  const row = await summaryOf((await params).slug);
  const t = await getTranslations("funder");
  const tCharts = await getTranslations("charts");
  const format = await getFormatter();
  // Calendar dates are the task force's own days: read at noon UTC and shown in UTC, no zone moves them.
  const day = (value: string) => format.dateTime(new Date(`${value}T12:00:00Z`), { dateStyle: "medium", timeZone: "UTC" });
  const level = (value: number | null) => (value === null ? tCharts("noValue") : format.number(value, { minimumFractionDigits: 1, maximumFractionDigits: 1 }));
  const percent = (share: number) => format.number(share, { style: "percent" });
  return (
    <main id="main" className="site-visit">
      <div className="no-print report-actions">
        <Link href="/funder">{t("summary.back")}</Link>
        <PrintButton label={t("summary.print")} />
      </div>
      <h1>{t("summary.title", { name: row.name })}</h1>
      <p className="hint">{t("summary.asOf", { date: day(row.today) })}</p>

      <section aria-labelledby="site-visit-facts">
        <h2 id="site-visit-facts">{t("summary.factsHeading")}</h2>
        <dl className="facts">
          <dt>{t("accessColumn")}</dt>
          <dd>{row.programs.length > 0 ? format.list(row.programs, { type: "conjunction" }) : t("byInvitation")}</dd>
          <dt>{t("nextDueColumn")}</dt>
          <dd>{row.nextDue ? `${day(row.nextDue.dueOn)} (${t("daysLeft", { days: row.nextDue.daysLeft })})` : t("noneDue")}</dd>
          <dt>{t("reportingColumn")}</dt>
          <dd>{t("reportingSentence", { reported: row.reporting.reported, ended: row.reporting.ended, overdue: row.reporting.overdue })}</dd>
          <dt>{t("openGapsColumn")}</dt>
          <dd>{row.openGaps}</dd>
          <dt>{t("lastFullMeetingColumn")}</dt>
          <dd>{row.lastFullMeetingOn ? day(row.lastFullMeetingOn) : t("summary.noMeeting")}</dd>
          <dt>{t("freshnessColumn")}</dt>
          <dd>{row.updatedAt ? format.dateTime(row.updatedAt, { dateStyle: "medium", timeZone: row.timeZone }) : t("never")}</dd>
        </dl>
      </section>

      <div className="site-visit-grid">
        <section aria-labelledby="site-visit-awards">
          <h2 id="site-visit-awards">{t("summary.awardsHeading")}</h2>
          {row.awards.length === 0 ? (
            <p>{t("noGrant")}</p>
          ) : (
            <TableScroll label={t("summary.awardsHeading")}>
              <table className="compact">
                <thead>
                  <tr>
                    <th scope="col">{t("charts.awardColumn")}</th>
                    <th scope="col">{t("charts.met")}</th>
                    <th scope="col">{t("charts.inProgress")}</th>
                    <th scope="col">{t("charts.notStarted")}</th>
                    <th scope="col">{t("progressColumn")}</th>
                  </tr>
                </thead>
                <tbody>
                  {row.awards.map((award) => (
                    <tr key={award.grantId}>
                      <th scope="row">
                        {award.awardNumber}
                        <span className="hint">{award.program}</span>
                      </th>
                      <td>{award.progress.met}</td>
                      <td>{award.progress.inProgress}</td>
                      <td>{award.progress.notStarted}</td>
                      <td>
                        {t("progressCell", {
                          met: award.progress.met,
                          applicable: award.progress.total - award.progress.notApplicable,
                          share: percent(award.progress.share ?? 0),
                        })}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
        </section>

        <section aria-labelledby="site-visit-areas">
          <h2 id="site-visit-areas">{t("charts.levelsCaption")}</h2>
          {row.lastRound ? (
            <TableScroll label={t("charts.levelsCaption")}>
              <table className="compact">
                <thead>
                  <tr>
                    <th scope="col">{t("charts.areaColumn")}</th>
                    <th scope="col">{row.lastRound.title}</th>
                    {row.previousRound && <th scope="col">{row.previousRound.title}</th>}
                  </tr>
                </thead>
                <tbody>
                  {row.areas.map((area) => (
                    <tr key={area.key}>
                      <th scope="row">{t("charts.areaName", { key: area.key, name: area.name })}</th>
                      <td>{level(area.level)}</td>
                      {row.previousRound && <td>{level(area.previous)}</td>}
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          ) : (
            <p>{t("noRound")}</p>
          )}
        </section>

        <section aria-labelledby="site-visit-contributions">
          <h2 id="site-visit-contributions">{t("charts.completenessCaption")}</h2>
          <TableScroll label={t("charts.completenessCaption")}>
            <table className="compact">
              <thead>
                <tr>
                  <th scope="col">{t("charts.periodColumn")}</th>
                  <th scope="col">{t("charts.reportingRate")}</th>
                </tr>
              </thead>
              <tbody>
                {row.contributionPeriods.map((period) => (
                  <tr key={period.period}>
                    <th scope="row">{period.period}</th>
                    <td>
                      {period.expected > 0
                        ? t("contributionsCell", { period: period.period, submitted: period.submitted, expected: period.expected, share: percent(period.reportingRate) })
                        : t("noContributions")}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </section>
      </div>
    </main>
  );
}
