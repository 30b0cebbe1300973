"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useId, type ReactNode } from "react";
import { DateTime } from "@/app/_components/DateTime";
import { DueCell } from "@/app/_components/DueCell";
import { FormError } from "@/app/_components/forms";
import { Link } from "@/app/_components/Link";
import { CalendarDate } from "@/app/_components/DateTime";
import { useTRPC } from "@/app/_trpc/client";

/**
 * The signed-in person's tasks at the top of their dashboard (dashboard.myTasks): rounds to answer,
 * their organization's contributions report while it is not in, the actions and gaps they hold and
 * the meetings of the coming week. Each links to where it is done. With nothing to do it says so and
 * points to where work is found, never a dead end.
 */
export function MyTasks({ taskForceSlug }: { taskForceSlug: string }) {
  const t = useTranslations("myTasks");
  const trpc = useTRPC();
  const tasks = useQuery(trpc.dashboard.myTasks.queryOptions({ taskForceSlug }));
  const headingId = useId();
  const tf = (path: string) => `/tf/${taskForceSlug}${path}`;
  let body: ReactNode = null;
  if (tasks.error) body = <FormError error={tasks.error} />;
  else if (tasks.data) {
    const { rounds, report, actions, gaps, meetings } = tasks.data;
    const nothing = rounds.length === 0 && !report && actions.length === 0 && gaps.length === 0 && meetings.length === 0;
    body = nothing ? (
      <p>
        {t.rich("nothing", {
          gaps: (chunks) => <Link href={tf("/gaps")}>{chunks}</Link>,
          meetings: (chunks) => <Link href={tf("/meetings")}>{chunks}</Link>,
        })}
      </p>
    ) : (
      <ul className="task-list">
        {rounds.map((round) => (
          <li key={`round-${round.id}`}>
            <Link href={tf(`/assessments/${round.id}/respond`)}>{t(round.answeredCount > 0 ? "roundContinue" : "roundStart", { round: round.title })}</Link>{" "}
            <span>{t("roundProgress", { answered: round.answeredCount, total: round.elementCount })}</span>{" "}
            <span>
              {t("closes")} <CalendarDate value={round.closesOn} />
            </span>
          </li>
        ))}
        {report && (
          <li>
            <Link href={tf(`/contributions/${report.period}`)}>{t(`report_${report.status}`, { period: report.period })}</Link>{" "}
            <span>
              {t("due")} <CalendarDate value={report.dueOn} />
            </span>
            {report.overdue && (
              <>
                {" "}
                <strong className="badge">{t("overdue")}</strong>
              </>
            )}
          </li>
        )}
        {actions.map((action) => (
          <li key={`action-${action.id}`}>
            <Link href={tf("/actions")}>{t("action", { title: action.title })}</Link>
            {action.gapTitle && <span> {t("actionOfGap", { gap: action.gapTitle })}</span>}{" "}
            <DueCell dueOn={action.dueOn} dueState={action.dueState} />
          </li>
        ))}
        {gaps.map((gap) => (
          <li key={`gap-${gap.id}`}>
            <Link href={tf(`/gaps/${gap.id}`)}>{t("gap", { title: gap.title })}</Link> <DueCell dueOn={gap.dueOn} dueState={gap.dueState} />
          </li>
        ))}
        {meetings.map((meeting) => (
          <li key={`meeting-${meeting.id}`}>
            <Link href={tf(`/meetings/${meeting.id}`)}>{t("meeting", { title: meeting.title })}</Link> <DateTime value={meeting.startsAt} withTime />
            {meeting.location && <span> {t("meetingWhere", { location: meeting.location })}</span>}
          </li>
        ))}
      </ul>
    );
  }
  return (
    <section className="my-tasks" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("title")}</h2>
      {body}
    </section>
  );
}
