"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { FormEvent } from "react";
import { Field, fieldErrorsOf, FormError, formText, SuccessMessage } from "@/app/_components/forms";
import { useTRPC } from "@/app/_trpc/client";

const asNumber = (text: string) => (text.trim() === "" ? Number.NaN : Number(text));

/** Period length, hourly rates for valuing time toward a match, and when reports are due. */
export function ContributionSettingsForm({ taskForceSlug }: { taskForceSlug: string }) {
  const t = useTranslations("contributions.settings");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const settings = useQuery(trpc.contribution.settings.queryOptions({ taskForceSlug }));
  const update = useMutation(
    trpc.contribution.updateSettings.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.contribution.pathKey() }),
    }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    update.mutate({
      taskForceSlug,
      periodLength: formText(form, "periodLength") === "month" ? "month" : "quarter",
      staffHourlyRate: asNumber(formText(form, "staffHourlyRate")),
      consultantHourlyRate: asNumber(formText(form, "consultantHourlyRate")),
      dueDays: asNumber(formText(form, "dueDays")),
    });
  }

  const data = settings.data;
  if (!data) return <FormError error={settings.error} />;
  const errors = fieldErrorsOf(update.error);
  return (
    <form className="stack" onSubmit={onSubmit} noValidate aria-labelledby="contribution-settings-heading">
      <h2 id="contribution-settings-heading">{t("heading")}</h2>
      <p>{t("intro")}</p>
      {update.data && <SuccessMessage>{update.data.changed ? t("saved") : t("unchanged")}</SuccessMessage>}
      <FormError error={update.error} />
      <Field label={t("periodLength")} name="periodLength" hint={t("periodLengthHint")} errors={errors}>
        {(control) => (
          <select {...control} defaultValue={data.periodLength}>
            <option value="quarter">{t("quarter")}</option>
            <option value="month">{t("month")}</option>
          </select>
        )}
      </Field>
      {(["staffHourlyRate", "consultantHourlyRate"] as const).map((name) => (
        <Field key={name} label={t(name === "staffHourlyRate" ? "staffRate" : "consultantRate")} name={name} hint={t("rateHint")} errors={errors}>
          {(control) => <input {...control} type="number" inputMode="decimal" min={0} step="0.01" defaultValue={data[name]} />}
        </Field>
      ))}
      <Field label={t("dueDays")} name="dueDays" errors={errors}>
        {(control) => <input {...control} type="number" inputMode="numeric" min={0} step={1} defaultValue={data.dueDays} />}
      </Field>
      <div>
        <button type="submit" disabled={update.isPending}>
          {t("save")}
        </button>
      </div>
    </form>
  );
}
