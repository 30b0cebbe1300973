"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@/app/_components/Link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { DateTime } from "@/app/_components/DateTime";
import { FormError } from "@/app/_components/forms";
import { useTRPC } from "@/app/_trpc/client";
import { DECISION_STATUSES } from "@/db/vocabulary/meetings";
import { TableScroll } from "@/app/_components/TableScroll";

type DecisionStatus = (typeof DECISION_STATUSES)[number];

/** Decisions across every meeting the caller may read, newest meeting first, filterable by status. */
export function DecisionsList({ taskForceSlug }: { taskForceSlug: string }) {
  const t = useTranslations("decisionLog");
  const tDecisions = useTranslations("decisions");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<DecisionStatus | "">("");
  // The whole list is loaded once (it is prefetched on the server) and filtered here, so switching the
  // filter needs no round trip and the counts stay consistent with what is shown.
  const list = useQuery(trpc.meeting.decisions.queryOptions({ taskForceSlug }));
  const change = useMutation(
    trpc.meeting.changeDecisionStatus.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.meeting.decisions.queryKey({ taskForceSlug }) }),
    }),
  );
  if (list.error) return <FormError error={list.error} />;
  if (!list.data) return null;
  const shown = status === "" ? list.data.decisions : list.data.decisions.filter((decision) => decision.status === status);
  return (
    <section aria-labelledby="decision-log-heading">
      <h2 id="decision-log-heading">{t("listHeading")}</h2>
      <label>
        {t("filterLabel")}{" "}
        <select value={status} onChange={(event) => setStatus(event.target.value as DecisionStatus | "")}>
          <option value="">{t("allStatuses")}</option>
          {DECISION_STATUSES.map((value) => (
            <option key={value} value={value}>
              {tDecisions(`status.${value}`)}
            </option>
          ))}
        </select>
      </label>
      <p role="status">{t("count", { count: shown.length })}</p>
      <FormError error={change.error} />
      {shown.length > 0 && (
        <TableScroll label={status === "" ? t("caption") : t("captionFiltered", { status: tDecisions(`status.${status}`) })}>
          <table>
            <caption>{status === "" ? t("caption") : t("captionFiltered", { status: tDecisions(`status.${status}`) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("decisionColumn")}</th>
                <th scope="col">{t("meetingColumn")}</th>
                <th scope="col">{t("statusColumn")}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((decision) => (
                <tr key={decision.id}>
                  <td>
                    <strong>{decision.text}</strong>
                    {decision.outcome && <p className="minutes-text">{decision.outcome}</p>}
                  </td>
                  <td>
                    <Link href={`/tf/${taskForceSlug}/meetings/${decision.meetingId}`}>{decision.meetingTitle}</Link>
                    <br />
                    <DateTime value={decision.meetingStartsAt} />
                  </td>
                  <td>
                    {decision.canManage ? (
                      <select
                        aria-label={t("statusOf", { decision: decision.text })}
                        value={decision.status}
                        disabled={change.isPending}
                        onChange={(event) => change.mutate({ taskForceSlug, decisionId: decision.id, status: event.target.value as DecisionStatus })}
                      >
                        {DECISION_STATUSES.map((value) => (
                          <option key={value} value={value}>
                            {tDecisions(`status.${value}`)}
                          </option>
                        ))}
                      </select>
                    ) : (
                      tDecisions(`status.${decision.status}`)
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
