"use client";

import { useQuery } from "@tanstack/react-query";
import { Link } from "@/app/_components/Link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { SuccessMessage } from "@/app/_components/forms";
import { useTRPC } from "@/app/_trpc/client";
import { DueCell } from "@/app/_components/DueCell";
import { MarkDoneButton, StatusText } from "./ActionParts";

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
      {mine.isSuccess && items.length === 0 ? (
        <p>{t("mineEmpty")}</p>
      ) : (
        <div className="table-scroll">
          <table aria-labelledby="my-actions-heading">
            <thead>
              <tr>
                <th scope="col">{t("columnTitle")}</th>
                <th scope="col">{t("columnTaskForce")}</th>
                <th scope="col">{t("columnGap")}</th>
                <th scope="col">{t("columnDue")}</th>
                <th scope="col">{t("columnStatus")}</th>
                {canUpdate && <th scope="col">{t("columnDo")}</th>}
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.id}>
                  <td>{item.title}</td>
                  <td>
                    <Link href={`/tf/${item.taskForceSlug}/actions`}>{item.taskForceName}</Link>
                  </td>
                  <td>
                    {item.gapId ? (
                      <Link href={`/tf/${item.taskForceSlug}/gaps/${item.gapId}`}>{item.gapTitle}</Link>
                    ) : (
                      t("standalone")
                    )}
                  </td>
                  <td>
                    <DueCell dueOn={item.dueOn} dueState={item.dueState} />
                  </td>
                  <td>
                    <StatusText status={item.status} />
                  </td>
                  {canUpdate && (
                    <td>
                      {item.taskForceSlug === taskForceSlug && (
                        <MarkDoneButton taskForceSlug={taskForceSlug} item={item} onDone={setDone} />
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
