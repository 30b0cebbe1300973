"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { fieldErrorsOf, FormError, SuccessMessage } from "@/app/_components/forms";
import { useTRPC } from "@/app/_trpc/client";
import { grantTermsOf, GrantTermsFields, type GrantTerms } from "../GrantTermsFields";

/**
 * A coordinator corrects an award's terms (an amended amount, an extended period, …). It sends
 * the version the page shows; when someone else saved first the terms above reload to theirs and
 * what this person typed stays in the form (uncontrolled inputs, no re-mount), so a second save
 * applies it knowingly.
 */
export function EditGrantForm({ taskForceSlug, grantId, grant }: { taskForceSlug: string; grantId: string; grant: GrantTerms & { version: number } }) {
  const t = useTranslations("grants");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [saved, setSaved] = useState(false);
  // Periods, due dates and the award number shown elsewhere follow from the terms: refresh them all.
  const update = useMutation(trpc.grant.update.mutationOptions({ onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.grant.pathKey() }) }));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    update.mutate({ taskForceSlug, grantId, version: grant.version, ...grantTermsOf(event.currentTarget) }, {
      onSuccess: () => {
        setSaved(true);
        // The page's heading names the award number, rendered on the server.
        router.refresh();
      },
    });
  }

  return (
    // The local-match section links here when the award has no match target.
    <details className="editor" id="edit-terms">
      <summary>{t("editTerms")}</summary>
      {saved && <SuccessMessage>{t("termsSaved")}</SuccessMessage>}
      <form className="stack" onSubmit={onSubmit} noValidate aria-label={t("editTermsForm")}>
        <FormError error={update.error} />
        <GrantTermsFields errors={fieldErrorsOf(update.error)} saved={grant} />
        <div>
          <button type="submit" disabled={update.isPending}>
            {update.isPending ? t("saving") : t("saveTerms")}
          </button>
        </div>
      </form>
    </details>
  );
}
