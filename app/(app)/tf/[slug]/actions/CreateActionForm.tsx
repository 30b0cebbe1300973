"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Field, fieldErrorsOf, FormError, formText, orNull, SuccessMessage } from "@/app/_components/forms";
import { OwnerFields } from "@/app/_components/OwnerFields";
import { useTRPC } from "@/app/_trpc/client";

/** A coordinator adds an action that belongs to no gap (actions of a gap are added on the gap). */
export function CreateActionForm({ taskForceSlug }: { taskForceSlug: string }) {
  const t = useTranslations("actions");
  const tPrivacy = useTranslations("privacy");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [created, setCreated] = useState<string | null>(null);
  // A new key empties the uncontrolled fields after a success (and only then).
  const [formKey, setFormKey] = useState(0);
  const create = useMutation(
    trpc.actionItem.create.mutationOptions({
      onSuccess: () =>
        Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.actionItem.list.queryKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.actionItem.mine.queryKey() }),
        ]),
    }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setCreated(null);
    const form = event.currentTarget;
    const title = formText(form, "title");
    create.mutate(
      {
        taskForceSlug,
        gapId: null,
        title,
        assigneeUserId: orNull(formText(form, "assigneeUserId")),
        assigneeOrganizationId: orNull(formText(form, "assigneeOrganizationId")),
        dueOn: orNull(formText(form, "dueOn")),
      },
      {
        onSuccess: () => {
          setCreated(title.trim());
          setFormKey((key) => key + 1);
        },
      },
    );
  }

  const errors = fieldErrorsOf(create.error);
  return (
    <section aria-labelledby="create-action-heading">
      <h2 id="create-action-heading">{t("createHeading")}</h2>
      <p>{t("createIntro")}</p>
      <p className="privacy-note">{tPrivacy("noSurvivorNames")}</p>
      {created && <SuccessMessage>{t("created", { title: created })}</SuccessMessage>}
      <form key={formKey} className="stack" onSubmit={onSubmit} noValidate aria-labelledby="create-action-heading">
        <FormError error={create.error} />
        <Field label={t("titleLabel")} name="title" errors={errors} required autoComplete="off" />
        <OwnerFields
          taskForceSlug={taskForceSlug}
          errors={errors}
          organizationName="assigneeOrganizationId"
          personName="assigneeUserId"
          organizationLabel={t("assigneeOrganizationLabel")}
          personLabel={t("assigneeLabel")}
        />
        <Field label={t("dueOnLabel")} name="dueOn" type="date" hint={t("dueOnHint")} errors={errors} />
        <div>
          <button type="submit" disabled={create.isPending}>
            {create.isPending ? t("creating") : t("create")}
          </button>
        </div>
      </form>
    </section>
  );
}
