"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { DueCell } from "@/app/_components/DueCell";
import { Field, fieldErrorsOf, FormError, formText, orNull, SuccessMessage } from "@/app/_components/forms";
import { OwnerFields } from "@/app/_components/OwnerFields";
import { useMeeting } from "./MeetingDetail";
import type { Props } from "./sectionProps";

/* The action items a meeting produced, and a form to add one. */


export function ActionsSection({ taskForceSlug, meetingId }: Props) {
  const t = useTranslations("meetings");
  const { query, refresh, trpc } = useMeeting(taskForceSlug, meetingId);
  const [created, setCreated] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);
  const create = useMutation(trpc.meeting.createAction.mutationOptions({ onSuccess: refresh }));
  if (!query.data) return null;
  const { actionItems, rights, today } = query.data;

  function onCreate(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setCreated(null);
    const form = event.currentTarget;
    const title = formText(form, "title");
    create.mutate(
      {
        taskForceSlug,
        meetingId,
        title,
        assigneeUserId: orNull(formText(form, "assigneeUserId")),
        assigneeOrganizationId: orNull(formText(form, "assigneeOrganizationId")),
        dueOn: orNull(formText(form, "dueOn")),
      },
      {
        onSuccess: () => {
          setCreated(title);
          setFormKey((key) => key + 1);
        },
      },
    );
  }
  const errors = fieldErrorsOf(create.error);
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
        <form key={formKey} className="stack no-print" onSubmit={onCreate} noValidate aria-labelledby="create-action-heading">
          <h3 id="create-action-heading">{t("createActionHeading")}</h3>
          {created && <SuccessMessage>{t("actionCreated", { title: created })}</SuccessMessage>}
          <FormError error={create.error} />
          <Field label={t("actionTitleLabel")} name="title" errors={errors} required />
          <OwnerFields
            taskForceSlug={taskForceSlug}
            errors={errors}
            organizationName="assigneeOrganizationId"
            personName="assigneeUserId"
            organizationLabel={t("assigneeOrganizationLabel")}
            personLabel={t("assigneeLabel")}
          />
          <Field label={t("dueLabel")} name="dueOn" type="date" errors={errors} hint={t("dueHint", { today })} />
          <div>
            <button type="submit" disabled={create.isPending}>
              {t("createAction")}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
