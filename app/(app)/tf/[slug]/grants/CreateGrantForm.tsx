"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Field, fieldErrorsOf, FormError, formText, SuccessMessage } from "@/app/_components/forms";
import { useTRPC } from "@/app/_trpc/client";

/** Reads a money field; an empty one is null, anything unreadable NaN (the server then names the field). */
export function moneyOf(text: string): number | null {
  const trimmed = text.replace(/[,\s$]/g, "");
  return trimmed === "" ? null : Number(trimmed);
}

/** A coordinator records a grant award; the ECM requirements are added unless they opt out. */
export function CreateGrantForm({ taskForceSlug }: { taskForceSlug: string }) {
  const t = useTranslations("grants");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [created, setCreated] = useState<{ id: string; awardNumber: string } | null>(null);
  const [formKey, setFormKey] = useState(0);
  const create = useMutation(trpc.grant.create.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.grant.pathKey() }) }));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setCreated(null);
    const form = event.currentTarget;
    const awardNumber = formText(form, "awardNumber");
    create.mutate(
      {
        taskForceSlug,
        funderName: formText(form, "funderName"),
        program: formText(form, "program"),
        awardNumber,
        amount: moneyOf(formText(form, "amount")) ?? Number.NaN,
        matchTarget: moneyOf(formText(form, "matchTarget")),
        periodStart: formText(form, "periodStart"),
        periodEnd: formText(form, "periodEnd"),
        reportingCadence: formText(form, "reportingCadence") === "quarterly" ? "quarterly" : "semiannual",
        applyEcmTemplate: new FormData(form).get("applyEcmTemplate") === "on",
      },
      {
        onSuccess: ({ id }) => {
          setCreated({ id, awardNumber });
          setFormKey((key) => key + 1);
        },
      },
    );
  }

  const errors = fieldErrorsOf(create.error);
  return (
    <section aria-labelledby="create-grant-heading">
      <h2 id="create-grant-heading">{t("createHeading")}</h2>
      {created && (
        <SuccessMessage>
          {t("created", { awardNumber: created.awardNumber })} <Link href={`/tf/${taskForceSlug}/grants/${created.id}`}>{t("openGrant", { awardNumber: created.awardNumber })}</Link>
        </SuccessMessage>
      )}
      <form key={formKey} className="stack" onSubmit={onSubmit} noValidate aria-labelledby="create-grant-heading">
        <FormError error={create.error} />
        <Field label={t("funderLabel")} name="funderName" errors={errors} required />
        <Field label={t("programLabel")} name="program" errors={errors} required />
        <Field label={t("awardNumberLabel")} name="awardNumber" errors={errors} required />
        <Field label={t("amountLabel")} name="amount" errors={errors} required hint={t("amountHint")} />
        <Field label={t("matchLabel")} name="matchTarget" errors={errors} hint={t("matchHint")} />
        <Field label={t("periodStartLabel")} name="periodStart" type="date" errors={errors} required />
        <Field label={t("periodEndLabel")} name="periodEnd" type="date" errors={errors} required />
        <Field label={t("cadenceLabel")} name="reportingCadence" errors={errors}>
          {(control) => (
            <select {...control} defaultValue="semiannual">
              <option value="semiannual">{t("cadence.semiannual")}</option>
              <option value="quarterly">{t("cadence.quarterly")}</option>
            </select>
          )}
        </Field>
        <div className="field checkbox">
          <input type="checkbox" id="apply-ecm-template" name="applyEcmTemplate" defaultChecked />
          <label htmlFor="apply-ecm-template">{t("applyEcmLabel")}</label>
        </div>
        <div>
          <button type="submit" disabled={create.isPending}>
            {create.isPending ? t("creating") : t("create")}
          </button>
        </div>
      </form>
    </section>
  );
}
