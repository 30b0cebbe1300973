"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { ActionItemForm } from "@/app/_components/ActionItemForm";
import { DataTable } from "@/app/_components/DataTable";
import { DueCell } from "@/app/_components/DueCell";
import { FormError } from "@/app/_components/forms";
import { useTRPC } from "@/app/_trpc/client";
import { useInvalidateGaps } from "./GapDetail";

type ActionItem = {
  id: string;
  title: string;
  assigneeName: string | null;
  assigneeOrganizationName: string | null;
  dueOn: string | null;
  dueState: "overdue" | "dueSoon" | "later" | "none";
  status: "to_do" | "doing" | "done";
  version: number;
  canUpdate: boolean;
};

/** The action items of one gap: list, complete, and a small form to add one. */
export function GapActions({ taskForceSlug, gapId, actionItems, canCreate }: { taskForceSlug: string; gapId: string; actionItems: ActionItem[]; canCreate: boolean }) {
  const t = useTranslations("gaps");
  const trpc = useTRPC();
  const invalidate = useInvalidateGaps();
  const create = useMutation(trpc.actionItem.create.mutationOptions({ onSuccess: () => invalidate() }));
  const complete = useMutation(trpc.actionItem.complete.mutationOptions({ onSettled: () => invalidate() }));

  return (
    <section aria-labelledby="gap-actions-heading">
      <h2 id="gap-actions-heading">{t("actionsHeading")}</h2>
      <FormError error={complete.error} />
      <DataTable
        caption={t("actionsHeading")}
        columns={[t("titleColumn"), t("assigneeColumn"), t("dueColumn"), t("statusColumn"), { header: t("actionsColumn"), hiddenHeader: true }]}
        rows={actionItems}
        rowKey={(item) => item.id}
        empty={t("noActions")}
      >
        {(item) => (
          <>
            <th scope="row">{item.title}</th>
            <td>{[item.assigneeName, item.assigneeOrganizationName].filter(Boolean).join(" — ") || t("noOwner")}</td>
            <td>
              <DueCell dueOn={item.dueOn} dueState={item.dueState} />
            </td>
            <td>{t(`actionStatus.${item.status}`)}</td>
            <td>
              {item.canUpdate && item.status !== "done" && (
                <button
                  type="button"
                  className="secondary"
                  disabled={complete.isPending}
                  aria-label={t("completeNamed", { title: item.title })}
                  onClick={() => complete.mutate({ taskForceSlug, actionItemId: item.id, version: item.version })}
                >
                  {t("complete")}
                </button>
              )}
            </td>
          </>
        )}
      </DataTable>
      {canCreate && (
        <>
          <h3 id="add-action-heading">{t("addActionHeading")}</h3>
          <ActionItemForm context={{ taskForceSlug, gapId }} mutation={create} headingId="add-action-heading"
            labels={{ title: t("actionTitleLabel"), assigneeOrganization: t("assigneeOrganizationLabel"), assignee: t("assigneePersonLabel"), dueOn: t("actionDueLabel"), submit: t("addAction"), created: (title) => t("actionCreated", { title }) }}
          />
        </>
      )}
    </section>
  );
}
