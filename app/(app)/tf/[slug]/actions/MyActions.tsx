"use client";

import { useQuery } from "@tanstack/react-query";
import { Link } from "@/app/_components/Link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { SuccessMessage } from "@/app/_components/forms";
import { useTRPC } from "@/app/_trpc/client";
import { DataTable } from "@/app/_components/DataTable";
import { DueAndStatusCells, GapCell, MarkDoneButton } from "./ActionParts";

/**
 * The signed-in person's unfinished actions across all their task forces (actionItem.mine), the
 * task force being viewed first. Each action links to its own task force; "Mark done" is offered
 * for this task force's actions, where this page knows the person's permissions.
 */
export function MyActions({ taskForceSlug, canUpdate }: { taskForceSlug: string; canUpdate: boolean }) {
  const t = useTranslations("actions");
  const trpc = useTRPC();
  const mine = useQuery(trpc.actionItem.mine.queryOptions({ includeDone: false }));
  const [done, setDone] = useState<string | null>(null);
  const all = mine.data?.actionItems ?? [];
  const items = [
    ...all.filter((item) => item.taskForceSlug === taskForceSlug),
    ...all.filter((item) => item.taskForceSlug !== taskForceSlug),
  ];

  return (
    <section aria-labelledby="my-actions-heading">
      <h2 id="my-actions-heading">{t("mineHeading")}</h2>
      <p>{t("mineNote")}</p>
      {done && <SuccessMessage>{t("markedDone", { title: done })}</SuccessMessage>}
      <DataTable
        caption={t("mineHeading")}
        columns={[t("columnTitle"), t("columnTaskForce"), t("columnGap"), t("columnDue"), t("columnStatus"), canUpdate && t("columnDo")]}
        rows={mine.isSuccess ? items : undefined}
        rowKey={(item) => item.id}
        empty={t("mineEmpty")}
      >
        {(item) => (
          <>
            <td>{item.title}</td>
            <td>
              <Link href={`/tf/${item.taskForceSlug}/actions`}>{item.taskForceName}</Link>
            </td>
            <GapCell taskForceSlug={item.taskForceSlug} item={item} />
            <DueAndStatusCells item={item} />
            {canUpdate && <td>{item.taskForceSlug === taskForceSlug && <MarkDoneButton taskForceSlug={taskForceSlug} item={item} onDone={setDone} />}</td>}
          </>
        )}
      </DataTable>
    </section>
  );
}
