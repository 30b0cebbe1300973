"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link } from "@/app/_components/Link";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { fieldErrorsOf, FormError, SuccessMessage } from "@/app/_components/forms";
import { useTRPC } from "@/app/_trpc/client";
import { grantTermsOf, GrantTermsFields } from "./GrantTermsFields";

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
    const terms = grantTermsOf(form);
    create.mutate(
      { taskForceSlug, ...terms, applyEcmTemplate: new FormData(form).get("applyEcmTemplate") === "on" },
      {
        onSuccess: ({ id }) => {
          setCreated({ id, awardNumber: terms.awardNumber });
          setFormKey((key) => key + 1);
        },
      },
    );
  }

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
        <GrantTermsFields errors={fieldErrorsOf(create.error)} />
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
