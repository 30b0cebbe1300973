import { getTranslations } from "next-intl/server";
import { CalendarDate } from "@/app/_components/DateTime";
import { ReadFailure, readForRendering } from "@/app/_trpc/rendered";
import { trpc } from "@/app/_trpc/server";
import { WidgetFrame, type WidgetProps } from "./WidgetFrame";

/**
 * The next progress report due, with a countdown and the day JustGrants may withhold funds if it
 * is still missing (15 days after the due date); periods already past due are named first.
 */
export async function NextReportWidget({ taskForceSlug, permissions, timeZone }: WidgetProps) {
  const t = await getTranslations("dashboard");
  const progress = await readForRendering((client) => client.fetchQuery(trpc.grant.progress.queryOptions({ taskForceSlug })));
  let body;
  if ("failure" in progress) body = <ReadFailure text={progress.failure} />;
  else {
    const { nextDue, grants } = progress.data;
    const overdue = grants.flatMap((grant) => grant.overdue.map((period) => ({ ...period, awardNumber: grant.awardNumber })));
    body = (
      <>
        {overdue.map((period) => (
          <p key={`${period.awardNumber}-${period.end}`} className="alert error">
            {t.rich("reportOverdue", {
              award: period.awardNumber,
              start: () => <CalendarDate value={period.start} />,
              end: () => <CalendarDate value={period.end} />,
              due: () => <CalendarDate value={period.dueOn} />,
            })}
          </p>
        ))}
        {nextDue ? (
          <dl className="next-due">
            <dt>{t("nextDueLabel", { award: nextDue.awardNumber })}</dt>
            <dd>
              <CalendarDate value={nextDue.dueOn} /> <strong>{t("daysLeft", { days: nextDue.daysLeft })}</strong>
            </dd>
            <dt>{t("periodLabel")}</dt>
            <dd>
              <CalendarDate value={nextDue.start} /> – <CalendarDate value={nextDue.end} />
            </dd>
            <dt>{t("suspensionLabel")}</dt>
            <dd>
              <CalendarDate value={nextDue.suspensionOn} />
            </dd>
          </dl>
        ) : (
          <p>{t("noReportDue")}</p>
        )}
      </>
    );
  }
  return (
    <WidgetFrame
      id="nextReport"
      title={t("nextReportTitle")}
      href={permissions.includes("report.generate") ? `/tf/${taskForceSlug}/grants/reports` : `/tf/${taskForceSlug}/grants`}
      linkLabel={permissions.includes("report.generate") ? t("nextReportLink") : t("requirementsLink")}
      freshness={null}
      timeZone={timeZone}
    >
      {body}
    </WidgetFrame>
  );
}
