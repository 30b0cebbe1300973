"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { ActionItemForm } from "@/app/_components/ActionItemForm";
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
      {actionItems.length === 0 ? (
        <p>{t("actionsNone")}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">{t("actionsHeading")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("actionColumn")}</th>
                <th scope="col">{t("assigneeColumn")}</th>
                <th scope="col">{t("dueColumn")}</th>
                <th scope="col">{t("actionStatusColumn")}</th>
              </tr>
            </thead>
            <tbody>
              {actionItems.map((item) => (
                <tr key={item.id}>
                  <td>{item.title}</td>
                  <td>{[item.assigneeName, item.assigneeOrganizationName].filter(Boolean).join(", ") || "—"}</td>
                  <td>
                    <DueCell dueOn={item.dueOn} dueState={item.dueState} />
                  </td>
                  <td>{t(`actionStatus.${item.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
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
