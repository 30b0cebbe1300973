"use client";

import { useQuery } from "@tanstack/react-query";
import { Link } from "@/app/_components/Link";
import { useFormatter, useTranslations } from "next-intl";
import { DateTime } from "@/app/_components/DateTime";
import { FormError } from "@/app/_components/forms";
import { useTRPC } from "@/app/_trpc/client";
import { TableScroll } from "@/app/_components/TableScroll";

/** Meetings by month, newest first: a calendar-like list with body, type, status and minutes. */
export function MeetingsList({ taskForceSlug }: { taskForceSlug: string }) {
  const t = useTranslations("meetings");
  const format = useFormatter();
  const trpc = useTRPC();
  const list = useQuery(trpc.meeting.list.queryOptions({ taskForceSlug }));
  if (list.error) return <FormError error={list.error} />;
  if (!list.data) return null;
  const months = new Map<string, typeof list.data.meetings>();
  for (const meeting of list.data.meetings) {
    const key = format.dateTime(meeting.startsAt, { year: "numeric", month: "long" });
    months.set(key, [...(months.get(key) ?? []), meeting]);
  }
  return (
    <section aria-labelledby="meetings-list-heading">
      <h2 id="meetings-list-heading">{t("listHeading")}</h2>
      {list.data.meetings.length === 0 && <p>{t("none")}</p>}
      {[...months.entries()].map(([month, meetings]) => (
        <TableScroll label={month} key={month}>
          <table>
            <caption>{month}</caption>
            <thead>
              <tr>
                <th scope="col">{t("whenColumn")}</th>
                <th scope="col">{t("titleColumn")}</th>
                <th scope="col">{t("bodyColumn")}</th>
                <th scope="col">{t("typeColumn")}</th>
                <th scope="col">{t("statusColumn")}</th>
                <th scope="col">{t("minutesColumn")}</th>
              </tr>
            </thead>
            <tbody>
              {meetings.map((meeting) => (
                <tr key={meeting.id}>
                  <td>
                    <DateTime value={meeting.startsAt} withTime />
                  </td>
                  <td>
                    <Link href={`/tf/${taskForceSlug}/meetings/${meeting.id}`}>{meeting.title}</Link>
                  </td>
                  <td>{meeting.committeeName ?? t("fullTaskForce")}</td>
                  <td>{t(`type.${meeting.type}`)}</td>
                  <td>{t(`status.${meeting.status}`)}</td>
                  <td>{t(`minutesStatus.${meeting.minutesStatus}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ))}
    </section>
  );
}
