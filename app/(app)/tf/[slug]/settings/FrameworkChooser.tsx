"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { FormEvent } from "react";
import { Field, fieldErrorsOf, FormError, formText, SuccessMessage } from "@/app/_components/forms";
import { useTRPC } from "@/app/_trpc/client";

/** A coordinator chooses the framework that new assessment rounds are taken on. */
export function FrameworkChooser({ taskForceSlug }: { taskForceSlug: string }) {
  const t = useTranslations("frameworks");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const available = useQuery(trpc.framework.available.queryOptions({ taskForceSlug }));
  const choose = useMutation(
    trpc.framework.choose.mutationOptions({
      onSuccess: () =>
        Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.framework.available.queryKey({ taskForceSlug }) }),
          queryClient.invalidateQueries({ queryKey: trpc.framework.outline.queryKey({ taskForceSlug }) }),
        ]),
    }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    choose.mutate({ taskForceSlug, frameworkId: formText(event.currentTarget, "frameworkId") });
  }

  const data = available.data;
  if (!data) return null;
  return (
    <form className="stack" onSubmit={onSubmit} noValidate aria-labelledby="framework-chooser-heading">
      <h2 id="framework-chooser-heading">{t("chooserHeading")}</h2>
      <p>{t("chooserIntro")}</p>
      {choose.data && <SuccessMessage>{choose.data.changed ? t("chooserSaved") : t("chooserUnchanged")}</SuccessMessage>}
      <FormError error={choose.error} />
      <Field label={t("chooserLabel")} name="frameworkId" errors={fieldErrorsOf(choose.error)} required>
        {(control) => (
          <select {...control} defaultValue={data.frameworkIdInUse ?? undefined}>
            {data.frameworks.map((framework) => (
              <option key={framework.id} value={framework.id}>
                {t("chooserOption", {
                  name: framework.isDefault ? t("nameWithDefault", { name: framework.name }) : framework.name,
                  version: framework.latestVersion,
                })}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div>
        <button type="submit" disabled={choose.isPending}>
          {t("chooserSave")}
        </button>
      </div>
    </form>
  );
}
