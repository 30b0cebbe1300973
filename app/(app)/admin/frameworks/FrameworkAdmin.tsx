"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@/app/_components/Link";
import { useTranslations } from "next-intl";
import { useRef, type ChangeEvent, type FormEvent } from "react";
import { Field, fieldErrorsOf, FormError, formText, SuccessMessage } from "@/app/_components/forms";
import { useTRPC } from "@/app/_trpc/client";
import { WordingNote } from "./WordingNote";
import { TableScroll } from "@/app/_components/TableScroll";

export function FrameworkAdmin() {
  const t = useTranslations("frameworks");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const frameworks = useQuery(trpc.framework.list.queryOptions());
  const importFramework = useMutation(
    trpc.framework.import.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.framework.list.queryKey() }),
    }),
  );
  const textRef = useRef<HTMLTextAreaElement>(null);

  // The chosen file's text goes into the text box, so that a problem can be corrected right there.
  async function onFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.currentTarget.files?.[0];
    if (file && textRef.current) textRef.current.value = await file.text();
  }

  function onImport(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    importFramework.mutate({ json: formText(event.currentTarget, "json") });
  }

  const rows = frameworks.data ?? [];
  const imported = importFramework.data;
  const importedName = imported ? (rows.find((row) => row.id === imported.frameworkId)?.name ?? imported.key) : "";
  return (
    <>
      {rows.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <TableScroll label={t("title")}>
          <table>
            <caption className="visually-hidden">{t("title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("name")}</th>
                <th scope="col">{t("key")}</th>
                <th scope="col">{t("latestVersion")}</th>
                <th scope="col">{t("versionCount")}</th>
                <th scope="col">{t("wording")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((framework) => (
                <tr key={framework.id}>
                  <th scope="row">
                    <Link href={`/admin/frameworks/${framework.id}`}>
                      {framework.isDefault ? t("nameWithDefault", { name: framework.name }) : framework.name}
                    </Link>
                  </th>
                  <td>
                    <code>{framework.key}</code>
                  </td>
                  <td>{framework.latestVersion}</td>
                  <td>{framework.versionCount}</td>
                  <td>
                    <WordingNote note={framework.latestWordingNote} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}

      <h2>{t("importHeading")}</h2>
      <p>{t("importIntro")}</p>
      <p className="hint">{t("formatRules")}</p>
      {imported && (
        <SuccessMessage>
          {imported.newFramework ? t("importedNew", { name: importedName }) : t("imported", { name: importedName, version: imported.version })}{" "}
          <Link href={`/admin/frameworks/${imported.frameworkId}?version=${imported.version}`}>{t("viewLatest", { name: importedName })}</Link>
        </SuccessMessage>
      )}
      <form className="stack wide" onSubmit={onImport} noValidate>
        <FormError error={importFramework.error} />
        <Field label={t("importFile")} name="file" hint={t("importFileHint")}>
          {(control) => <input {...control} name="file" type="file" accept="application/json,.json" onChange={onFile} />}
        </Field>
        <Field label={t("importText")} name="json" hint={t("importTextHint")} errors={fieldErrorsOf(importFramework.error)} required>
          {(control) => <textarea {...control} ref={textRef} className="code" spellCheck={false} rows={16} />}
        </Field>
        <div>
          <button type="submit" disabled={importFramework.isPending}>
            {t("importSubmit")}
          </button>
        </div>
      </form>
    </>
  );
}
