"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Field, fieldErrorsOf, FormError, formText, orNull, SuccessMessage } from "@/app/_components/forms";
import { useTRPC } from "@/app/_trpc/client";
import { DueCell } from "@/app/_components/DueCell";
import { OwnerFields } from "@/app/_components/OwnerFields";
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
  const [formKey, setFormKey] = useState(0);
  const [created, setCreated] = useState<string | null>(null);
  const create = useMutation(trpc.actionItem.create.mutationOptions({ onSuccess: () => invalidate() }));
  const complete = useMutation(trpc.actionItem.complete.mutationOptions({ onSettled: () => invalidate() }));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setCreated(null);
    const form = event.currentTarget;
    const title = formText(form, "title");
    create.mutate(
      {
        taskForceSlug,
        gapId,
        title,
        assigneeOrganizationId: orNull(formText(form, "assigneeOrganizationId")),
        assigneeUserId: orNull(formText(form, "assigneeUserId")),
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
    <section aria-labelledby="gap-actions-heading">
      <h2 id="gap-actions-heading">{t("actionsHeading")}</h2>
      <FormError error={complete.error} />
      {actionItems.length === 0 ? (
        <p>{t("noActions")}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">{t("actionsHeading")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("titleColumn")}</th>
                <th scope="col">{t("assigneeColumn")}</th>
                <th scope="col">{t("dueColumn")}</th>
                <th scope="col">{t("statusColumn")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("actionsColumn")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {actionItems.map((item) => (
                <tr key={item.id}>
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
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canCreate && (
        <>
          <h3 id="add-action-heading">{t("addActionHeading")}</h3>
          {created && <SuccessMessage>{t("actionCreated", { title: created })}</SuccessMessage>}
          <form key={formKey} className="stack" onSubmit={onSubmit} noValidate aria-labelledby="add-action-heading">
            <FormError error={create.error} />
            <Field label={t("actionTitleLabel")} name="title" errors={errors} required />
            <OwnerFields
              taskForceSlug={taskForceSlug}
              errors={errors}
              organizationName="assigneeOrganizationId"
              personName="assigneeUserId"
              organizationLabel={t("assigneeOrganizationLabel")}
              personLabel={t("assigneePersonLabel")}
            />
            <Field label={t("actionDueLabel")} name="dueOn" type="date" errors={errors} />
            <div>
              <button type="submit" disabled={create.isPending}>
                {t("addAction")}
              </button>
            </div>
          </form>
        </>
      )}
    </section>
  );
}
