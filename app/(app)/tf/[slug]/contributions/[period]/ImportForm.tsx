"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { FormError, SuccessMessage } from "@/app/_components/forms";
import { useTRPC } from "@/app/_trpc/client";

/** CSV import of a period's contributions; problems are listed by line and column, and nothing is imported then. */
export function ImportForm({ taskForceSlug, period }: { taskForceSlug: string; period: string }) {
  const t = useTranslations("contributions");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [noFile, setNoFile] = useState(false);
  const importCsv = useMutation(
    trpc.contribution.importCsv.mutationOptions({
      onSuccess: async (result) => {
        if (result.imported === 0) return;
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.contribution.report.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.contribution.period.pathKey() }),
        ]);
        router.refresh();
      },
    }),
  );

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = new FormData(event.currentTarget).get("file");
    if (!(file instanceof File) || file.size === 0) {
      setNoFile(true);
      return;
    }
    setNoFile(false);
    importCsv.mutate({ taskForceSlug, period, csv: await file.text() });
  }

  const problems = importCsv.data?.problems ?? [];
  return (
    <section aria-labelledby="import-heading">
      <h2 id="import-heading">{t("importHeading")}</h2>
      <p>{t("importIntro")}</p>
      <p>
        <a href={`/tf/${taskForceSlug}/contributions/${period}/download?file=template`} download>
          {t("templateLink")}
        </a>
      </p>
      <form className="stack" onSubmit={onSubmit} noValidate aria-labelledby="import-heading">
        <FormError error={importCsv.error} />
        {noFile && (
          <div className="alert error" role="alert">
            {t("importNoFile")}
          </div>
        )}
        {importCsv.data && importCsv.data.imported > 0 && <SuccessMessage>{t("importedOk", { count: importCsv.data.imported })}</SuccessMessage>}
        {problems.length > 0 && (
          <div className="alert error" role="alert">
            <p>{t("importProblemsHeading")}</p>
            <ul>
              {problems.map((problem) => {
                const message = t(`importProblems.${problem.key}`, problem.values);
                return (
                  <li key={`${problem.line}:${problem.column}:${problem.key}`}>
                    {problem.column ? t("problemLine", { line: problem.line, column: problem.column, message }) : t("problemLineNoColumn", { line: problem.line, message })}
                  </li>
                );
              })}
            </ul>
          </div>
        )}
        <div className="field">
          <label htmlFor="contributions-csv">{t("importFile")}</label>
          <input id="contributions-csv" name="file" type="file" accept=".csv,text/csv" />
        </div>
        <div>
          <button type="submit" disabled={importCsv.isPending}>
            {t("importButton")}
          </button>
        </div>
      </form>
    </section>
  );
}
