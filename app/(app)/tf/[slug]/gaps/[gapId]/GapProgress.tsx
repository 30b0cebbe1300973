"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { FormError } from "@/app/_components/forms";
import { useTRPC } from "@/app/_trpc/client";
import { CalendarDate } from "@/app/_components/DateTime";
import { useInvalidateGaps } from "./GapDetail";
import { TableScroll } from "@/app/_components/TableScroll";

/** The closed loop: the element's stage in each round since the gap opened, and resolving when the target is reached. */
export function GapProgress({ taskForceSlug, gapId }: { taskForceSlug: string; gapId: string }) {
  const t = useTranslations("gaps");
  const trpc = useTRPC();
  const invalidate = useInvalidateGaps();
  const progress = useQuery(trpc.gap.progress.queryOptions({ taskForceSlug, gapId }));
  const resolve = useMutation(trpc.gap.changeStatus.mutationOptions({ onSettled: () => invalidate() }));
  if (progress.error) return <FormError error={progress.error} />;
  if (!progress.data) return null;
  const { rounds, target, reachedInRoundId, canResolve, gap } = progress.data;
  const reached = rounds.find((round) => round.roundId === reachedInRoundId);
  return (
    <section aria-labelledby="gap-progress-heading">
      <h2 id="gap-progress-heading">{t("progressHeading")}</h2>
      <p>{target === null ? t("progressNoTarget") : t("progressTarget", { target })}</p>
      {rounds.length === 0 ? (
        <p>{t("progressNone")}</p>
      ) : (
        <TableScroll label={t("progressHeading")}>
          <table className="compact">
            <caption className="visually-hidden">{t("progressHeading")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("roundLabel")}</th>
                <th scope="col">{t("closesColumn")}</th>
                <th scope="col">{t("stageColumn")}</th>
                <th scope="col">{t("reachesColumn")}</th>
              </tr>
            </thead>
            <tbody>
              {rounds.map((round) => (
                <tr key={round.roundId}>
                  <th scope="row">
                    {round.title}
                    {round.isSourceRound ? ` (${t("sourceRound")})` : ""}
                  </th>
                  <td>
                    <CalendarDate value={round.closesOn} />
                  </td>
                  <td>{round.stage ?? t("noStage")}</td>
                  <td>{round.reachesTarget ? t("yes") : t("no")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {reached && (
        <div className="alert success" role="status">
          <p>{t("targetReached", { round: reached.title })}</p>
          <FormError error={resolve.error} />
          {canResolve && (
            <button
              type="button"
              disabled={resolve.isPending}
              onClick={() => resolve.mutate({ taskForceSlug, gapId, version: gap.version, status: "resolved", note: t("resolvedNote", { round: reached.title }) })}
            >
              {t("markResolved")}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
