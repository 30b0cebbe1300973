"use client";

import { useQuery } from "@tanstack/react-query";
import { Link } from "@/app/_components/Link";
import { useFormatter, useTranslations } from "next-intl";
import { PROGRAM_CURRENCY } from "@/db/vocabulary/grants";
import { CalendarDate } from "@/app/_components/DateTime";
import { FormError } from "@/app/_components/forms";
import { useTRPC } from "@/app/_trpc/client";
import { TableScroll } from "@/app/_components/TableScroll";

/** The task force's awards with requirement progress and the next report due. */
export function GrantsList({ taskForceSlug }: { taskForceSlug: string }) {
  const t = useTranslations("grants");
  const format = useFormatter();
  const trpc = useTRPC();
  const list = useQuery(trpc.grant.list.queryOptions({ taskForceSlug }));
  if (list.error) return <FormError error={list.error} />;
  if (!list.data) return null;
  return (
    <section aria-labelledby="grants-heading">
      <h2 id="grants-heading">{t("listHeading")}</h2>
      {list.data.grants.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <TableScroll label={t("listHeading")}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("awardColumn")}</th>
                <th scope="col">{t("funderColumn")}</th>
                <th scope="col">{t("amountColumn")}</th>
                <th scope="col">{t("periodColumn")}</th>
                <th scope="col">{t("progressColumn")}</th>
                <th scope="col">{t("nextDueColumn")}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.grants.map((grant) => (
                <tr key={grant.id}>
                  <th scope="row">
                    <Link href={`/tf/${taskForceSlug}/grants/${grant.id}`}>{grant.awardNumber}</Link>
                    <br />
                    {grant.program}
                  </th>
                  <td>{grant.funderName}</td>
                  <td>{format.number(grant.amount, { style: "currency", currency: PROGRAM_CURRENCY })}</td>
                  <td>
                    <CalendarDate value={grant.periodStart} /> – <CalendarDate value={grant.periodEnd} />
                  </td>
                  <td>{t("progressCell", { met: grant.progress.met, applicable: grant.progress.total - grant.progress.notApplicable })}</td>
                  <td>
                    {grant.nextDue ? <CalendarDate value={grant.nextDue.dueOn} /> : t("noneDue")}
                    {grant.overdueCount > 0 && (
                      <>
                        {" "}
                        <strong className="badge">{t("overdueReports", { count: grant.overdueCount })}</strong>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
