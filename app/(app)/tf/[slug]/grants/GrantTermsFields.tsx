"use client";

import { useTranslations } from "next-intl";
import { Field, formText } from "@/app/_components/forms";
import type { FieldErrors } from "@/server/trpc/fieldErrors";

/** Reads a money field; an empty one is null, anything unreadable NaN (the server then names the field). */
function moneyOf(text: string): number | null {
  const trimmed = text.replace(/[,\s$]/g, "");
  return trimmed === "" ? null : Number(trimmed);
}

/** An award's terms as the form holds them; a saved award fills them in for editing. */
export interface GrantTerms {
  funderName: string;
  program: string;
  awardNumber: string;
  amount: number;
  matchTarget: number | null;
  periodStart: string;
  periodEnd: string;
  reportingCadence: "semiannual" | "quarterly";
}

/** The terms typed into a form of GrantTermsFields, ready for grant.create or grant.update. */
export function grantTermsOf(form: HTMLFormElement): GrantTerms {
  return {
    funderName: formText(form, "funderName"),
    program: formText(form, "program"),
    awardNumber: formText(form, "awardNumber"),
    // A required amount left empty is sent as NaN, so the server names the field.
    amount: moneyOf(formText(form, "amount")) ?? Number.NaN,
    matchTarget: moneyOf(formText(form, "matchTarget")),
    periodStart: formText(form, "periodStart"),
    periodEnd: formText(form, "periodEnd"),
    reportingCadence: formText(form, "reportingCadence") === "quarterly" ? "quarterly" : "semiannual",
  };
}

/** The fields of an award's terms, shared by recording a new award and editing one. */
export function GrantTermsFields({ errors, saved }: { errors: FieldErrors; saved?: GrantTerms }) {
  const t = useTranslations("grants");
  return (
    <>
      <Field label={t("funderLabel")} name="funderName" errors={errors} defaultValue={saved?.funderName} required />
      <Field label={t("programLabel")} name="program" errors={errors} defaultValue={saved?.program} required />
      <Field label={t("awardNumberLabel")} name="awardNumber" errors={errors} defaultValue={saved?.awardNumber} required />
      <Field label={t("amountLabel")} name="amount" errors={errors} defaultValue={saved ? String(saved.amount) : undefined} required hint={t("amountHint")} />
      <Field label={t("matchLabel")} name="matchTarget" errors={errors} defaultValue={saved?.matchTarget == null ? undefined : String(saved.matchTarget)} hint={t("matchHint")} />
      <Field label={t("periodStartLabel")} name="periodStart" type="date" errors={errors} defaultValue={saved?.periodStart} required />
      <Field label={t("periodEndLabel")} name="periodEnd" type="date" errors={errors} defaultValue={saved?.periodEnd} required />
      <Field label={t("cadenceLabel")} name="reportingCadence" errors={errors}>
        {(control) => (
          <select {...control} defaultValue={saved?.reportingCadence ?? "semiannual"}>
            <option value="semiannual">{t("cadence.semiannual")}</option>
            <option value="quarterly">{t("cadence.quarterly")}</option>
          </select>
        )}
      </Field>
    </>
  );
}
