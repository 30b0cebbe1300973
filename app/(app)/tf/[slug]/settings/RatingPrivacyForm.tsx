"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { FormEvent } from "react";
import { Field, fieldErrorsOf, FormError, formText, SuccessMessage } from "@/app/_components/forms";
import { useTRPC } from "@/app/_trpc/client";

/** The smallest group of respondents whose rating statistics members, viewers and funders see. */
export function RatingPrivacyForm({ taskForceSlug }: { taskForceSlug: string }) {
  const t = useTranslations("ratingPrivacy");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const current = useQuery(trpc.assessment.ratingPrivacy.queryOptions({ taskForceSlug }));
  // Every view of ratings depends on the setting: refresh them all.
  const save = useMutation(trpc.assessment.setMinRatingGroup.mutationOptions({ onSuccess: () => queryClient.invalidateQueries() }));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = formText(event.currentTarget, "minRatingGroup");
    save.mutate({ taskForceSlug, minRatingGroup: value === "" ? Number.NaN : Number(value) });
  }

  if (!current.data) return <FormError error={current.error} />;
  const errors = fieldErrorsOf(save.error);
  return (
    <form className="stack" onSubmit={onSubmit} noValidate aria-labelledby="rating-privacy-heading">
      <h2 id="rating-privacy-heading">{t("heading")}</h2>
      <p>{t("intro")}</p>
      {save.isSuccess && <SuccessMessage>{t("saved")}</SuccessMessage>}
      <FormError error={save.error} />
      <Field label={t("label")} name="minRatingGroup" hint={t("hint", { floor: current.data.floor, max: current.data.max })} errors={errors} required>
        {(control) => (
          <input {...control} type="number" inputMode="numeric" min={current.data.floor} max={current.data.max} step={1} defaultValue={current.data.minRatingGroup} />
        )}
      </Field>
      <div>
        <button type="submit" disabled={save.isPending}>
          {t("save")}
        </button>
      </div>
    </form>
  );
}
