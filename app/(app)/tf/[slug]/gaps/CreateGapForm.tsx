"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@/app/_components/Link";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Field, fieldErrorsOf, FormError, formText, orNull, SuccessMessage } from "@/app/_components/forms";
import { useTRPC } from "@/app/_trpc/client";
import { GAP_PRIORITIES } from "./filters";
import { OwnerFields } from "@/app/_components/OwnerFields";

/** A coordinator creates a gap by hand. */
export function CreateGapForm({ taskForceSlug }: { taskForceSlug: string }) {
  const t = useTranslations("gaps");
  const tPrivacy = useTranslations("privacy");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const framework = useQuery(trpc.framework.forTaskForce.queryOptions({ taskForceSlug }));
  const [created, setCreated] = useState<{ id: string; title: string } | null>(null);
  const [formKey, setFormKey] = useState(0);
  const create = useMutation(trpc.gap.create.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.gap.pathKey() }) }));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setCreated(null);
    const form = event.currentTarget;
    const title = formText(form, "title");
    create.mutate(
      {
        taskForceSlug,
        elementKey: formText(form, "elementKey"),
        title,
        description: formText(form, "description"),
        priority: formText(form, "priority") as (typeof GAP_PRIORITIES)[number],
        ownerOrganizationId: orNull(formText(form, "ownerOrganizationId")),
        ownerUserId: orNull(formText(form, "ownerUserId")),
        dueOn: orNull(formText(form, "dueOn")),
      },
      {
        onSuccess: ({ id }) => {
          setCreated({ id, title });
          setFormKey((key) => key + 1);
        },
      },
    );
  }

  const errors = fieldErrorsOf(create.error);
  return (
    <section aria-labelledby="create-gap-heading">
      <h2 id="create-gap-heading">{t("createHeading")}</h2>
      {created && (
        <SuccessMessage>
          {t("created", { title: created.title })} <Link href={`/tf/${taskForceSlug}/gaps/${created.id}`}>{t("openGap", { title: created.title })}</Link>
        </SuccessMessage>
      )}
      <form key={formKey} className="stack" onSubmit={onSubmit} noValidate aria-labelledby="create-gap-heading">
        <FormError error={create.error} />
        <Field label={t("elementLabel")} name="elementKey" errors={errors} required>
          {(control) => (
            <select {...control} defaultValue="">
              <option value="">{t("chooseElement")}</option>
              {(framework.data?.content.areas ?? []).map((area) => (
                <optgroup key={area.key} label={area.name}>
                  {area.elements.map((element) => (
                    <option key={element.key} value={element.key}>
                      {`${element.key} ${element.name}`}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          )}
        </Field>
        <Field label={t("titleLabel")} name="title" errors={errors} required />
        <p className="privacy-note">{tPrivacy("noSurvivorNames")}</p>
        <Field label={t("descriptionLabel")} name="description" errors={errors}>
          {(control) => <textarea {...control} rows={4} />}
        </Field>
        <Field label={t("priorityLabel")} name="priority" errors={errors}>
          {(control) => (
            <select {...control} defaultValue="medium">
              {GAP_PRIORITIES.map((priority) => (
                <option key={priority} value={priority}>
                  {t(`priority.${priority}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <OwnerFields
          taskForceSlug={taskForceSlug}
          errors={errors}
          organizationName="ownerOrganizationId"
          personName="ownerUserId"
          organizationLabel={t("ownerOrganizationLabel")}
          personLabel={t("ownerPersonLabel")}
        />
        <Field label={t("dueLabel")} name="dueOn" type="date" errors={errors} />
        <div>
          <button type="submit" disabled={create.isPending}>
            {create.isPending ? t("creating") : t("create")}
          </button>
        </div>
      </form>
    </section>
  );
}
