"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { ActionItemForm } from "@/app/_components/ActionItemForm";
import { DataTable } from "@/app/_components/DataTable";
import { DueCell } from "@/app/_components/DueCell";
import { useMeeting } from "./MeetingDetail";
import type { Props } from "./sectionProps";

/* The action items a meeting produced, and a form to add one. */


export function ActionsSection({ taskForceSlug, meetingId }: Props) {
  const t = useTranslations("meetings");
  const { query, refresh, trpc } = useMeeting(taskForceSlug, meetingId);
  const create = useMutation(trpc.meeting.createAction.mutationOptions({ onSuccess: refresh }));
  if (!query.data) return null;
  const { actionItems, rights, today } = query.data;

  return (
    <section className="meeting-section" aria-labelledby="actions-heading">
      <h2 id="actions-heading">{t("actionsHeading")}</h2>
      <DataTable
        caption={t("actionsHeading")}
        columns={[t("actionColumn"), t("assigneeColumn"), t("dueColumn"), t("actionStatusColumn")]}
        rows={actionItems}
        rowKey={(item) => item.id}
        empty={t("actionsNone")}
      >
        {(item) => (
          <>
            <td>{item.title}</td>
            <td>{[item.assigneeName, item.assigneeOrganizationName].filter(Boolean).join(", ") || "—"}</td>
            <td>
              <DueCell dueOn={item.dueOn} dueState={item.dueState} />
            </td>
            <td>{t(`actionStatus.${item.status}`)}</td>
          </>
        )}
      </DataTable>
      <p className="no-print">
        <a href={`/tf/${taskForceSlug}/actions`}>{t("trackerLink")}</a>
      </p>
      {rights.manageLater && (
        <div className="no-print">
          <h3 id="create-action-heading">{t("createActionHeading")}</h3>
          <ActionItemForm context={{ taskForceSlug, meetingId }} mutation={create} headingId="create-action-heading"
            labels={{ title: t("actionTitleLabel"), assigneeOrganization: t("assigneeOrganizationLabel"), assignee: t("assigneeLabel"), dueOn: t("dueLabel"), dueOnHint: t("dueHint", { today }), submit: t("createAction"), created: (title) => t("actionCreated", { title }) }}
          />
        </div>
      )}
    </section>
  );
}
