"use client";

import { useMutation } from "@tanstack/react-query";
import { Link } from "@/app/_components/Link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { FormEvent } from "react";
import { Field, fieldErrorsOf, FormError, formText, SuccessMessage } from "@/app/_components/forms";
import { useTRPC } from "@/app/_trpc/client";

/** Edits the latest version's content as JSON text; saving makes the next version. */
export function EditVersionForm({
  frameworkId,
  latestVersion,
  contentJson,
  wordingNote,
}: {
  frameworkId: string;
  latestVersion: number;
  contentJson: string;
  wordingNote: string;
}) {
  const t = useTranslations("frameworks");
  const trpc = useTRPC();
  const router = useRouter();
  // The version list and the page's content come from the server: refresh them after saving.
  const save = useMutation(trpc.framework.saveVersion.mutationOptions({ onSuccess: () => router.refresh() }));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    save.mutate({ frameworkId, basedOnVersion: latestVersion, json: formText(form, "json"), wordingNote: formText(form, "wordingNote") });
  }

  const errors = fieldErrorsOf(save.error);
  const next = latestVersion + 1;
  return (
    <form className="stack wide" onSubmit={onSubmit} noValidate>
      <p>{t("editIntro", { next })}</p>
      {save.data && (
        <SuccessMessage>
          {t("saved", { version: save.data.version })}{" "}
          <Link href={`/admin/frameworks/${frameworkId}?version=${save.data.version}`}>{t("openSaved", { version: save.data.version })}</Link>
        </SuccessMessage>
      )}
      <FormError error={save.error} />
      <Field label={t("contentLabel")} name="json" errors={errors} required>
        {(control) => <textarea {...control} className="code" spellCheck={false} rows={24} defaultValue={contentJson} />}
      </Field>
      <Field label={t("wordingNoteLabel")} name="wordingNote" hint={t("wordingNoteHint")} defaultValue={wordingNote} errors={errors} />
      <div>
        <button type="submit" disabled={save.isPending}>
          {t("saveVersion", { next })}
        </button>
      </div>
    </form>
  );
}
