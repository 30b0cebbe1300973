"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Field, fieldErrorsOf, FormError, formText, SuccessMessage } from "@/app/_components/forms";
import { useTRPC } from "@/app/_trpc/client";

/** The file's bytes as base64, read in the browser (FileReader gives a data: URL; its tail is the base64). */
function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ""));
    reader.onerror = () => reject(reader.error ?? new Error("the file could not be read"));
    reader.readAsDataURL(file);
  });
}

/** An administrator imports a task force archive (exported on this or another installation) as a new task force. */
export function ImportTaskForceForm() {
  const t = useTranslations("admin");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [reading, setReading] = useState(false);
  const importArchive = useMutation(
    trpc.admin.taskForce.import.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.admin.taskForce.list.queryKey() }),
    }),
  );

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const file = (form.elements.namedItem("file") as HTMLInputElement | null)?.files?.[0];
    const slug = formText(form, "slug");
    importArchive.reset();
    setReading(true);
    try {
      // An empty archive is refused by the server with the field's own message ("choose the file").
      const archiveBase64 = file ? await readAsBase64(file) : "";
      importArchive.mutate({ archiveBase64, slug }, { onSuccess: () => form.reset() });
    } finally {
      setReading(false);
    }
  }

  const errors = fieldErrorsOf(importArchive.error);
  const result = importArchive.data;
  const busy = reading || importArchive.isPending;
  return (
    <section aria-labelledby="import-title">
      <h2 id="import-title">{t("importTitle")}</h2>
      <p>{t("importIntro")}</p>
      {result && (
        <SuccessMessage>
          <p>
            {t("imported", {
              name: result.taskForce.name,
              slug: result.taskForce.slug,
              records: result.tables.reduce((sum, table) => sum + table.rows, 0),
            })}
          </p>
          <p>{t("importPeopleMatched", { count: result.people.matched.length })}</p>
          {result.people.created.length > 0 && (
            <>
              <p>{t("importPeopleCreated", { count: result.people.created.length })}</p>
              <ul>
                {result.people.created.map((person) => (
                  <li key={person.email}>
                    {person.name} &lt;{person.email}&gt;
                  </li>
                ))}
              </ul>
            </>
          )}
          <p>{t("importFrameworks", { matched: result.frameworkVersions.matched.length, added: result.frameworkVersions.added.length })}</p>
        </SuccessMessage>
      )}
      <form className="stack" onSubmit={(event) => void onSubmit(event)} noValidate>
        <FormError error={importArchive.error} />
        <Field label={t("importFile")} name="archiveBase64" hint={t("importFileHint")} errors={{ archiveBase64: [...(errors.archiveBase64 ?? []), ...(errors.file ?? [])] }} required>
          {(control) => <input {...control} name="file" type="file" accept="application/zip,.zip" />}
        </Field>
        <Field label={t("importSlug")} name="slug" hint={t("importSlugHint")} errors={errors} />
        <div>
          <button type="submit" disabled={busy} aria-busy={busy}>
            {busy ? t("importing") : t("importSubmit")}
          </button>
        </div>
      </form>
    </section>
  );
}
