"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Field, fieldErrorsOf, FormError, formText, SuccessMessage } from "@/app/_components/forms";
import { useTRPC } from "@/app/_trpc/client";

/** A coordinator adds an action that belongs to no gap (actions of a gap are added on the gap). */
export function CreateActionForm({ taskForceSlug }: { taskForceSlug: string }) {
  const t = useTranslations("actions");
  const tPrivacy = useTranslations("privacy");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const input = { taskForceSlug };
  const people = useQuery(trpc.people.assignable.queryOptions(input));
  const organizations = useQuery(trpc.organization.list.queryOptions(input));
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
        assigneeUserId: formText(form, "assigneeUserId") || null,
        assigneeOrganizationId: formText(form, "assigneeOrganizationId") || null,
        dueOn: formText(form, "dueOn") || null,
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
        <Field label={t("assigneeLabel")} name="assigneeUserId" errors={errors}>
          {(control) => (
            <select {...control} defaultValue="">
              <option value="">{t("nobody")}</option>
              {(people.data ?? []).map((person) => (
                <option key={person.userId} value={person.userId}>
                  {person.organizationName ? `${person.name} — ${person.organizationName}` : person.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t("assigneeOrganizationLabel")} name="assigneeOrganizationId" hint={t("assigneeOrganizationHint")} errors={errors}>
          {(control) => (
            <select {...control} defaultValue="">
              <option value="">{t("noOrganization")}</option>
              {(organizations.data ?? []).map((organization) => (
                <option key={organization.id} value={organization.id}>
                  {organization.name}
                </option>
              ))}
            </select>
          )}
        </Field>
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
