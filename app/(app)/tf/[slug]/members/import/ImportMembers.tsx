"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { DataTable } from "@/app/_components/DataTable";
import { Field, fieldErrorsOf, FormError, SuccessMessage } from "@/app/_components/forms";
import { InvitationOutcome } from "@/app/_components/InvitationOutcome";
import { Link } from "@/app/_components/Link";
import { useTRPC } from "@/app/_trpc/client";

interface ChosenFile {
  fileName: string;
  contentBase64: string;
}

interface RowProblem {
  column: string;
  key: string;
  values?: Record<string, string | number>;
}

/** The file's bytes as base64, for the JSON of a tRPC call (the server reads the workbook or CSV). */
async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  for (let start = 0; start < bytes.length; start += 0x8000) binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  return btoa(binary);
}

/**
 * Choose a file, see what each row would do, then confirm. The same file goes to the server again
 * on confirming, which decides anew: the preview shown here is never what gets written.
 */
export function ImportMembers({ taskForceSlug }: { taskForceSlug: string }) {
  const t = useTranslations("onboarding");
  const trpc = useTRPC();
  const [chosen, setChosen] = useState<ChosenFile | null>(null);
  const [noFile, setNoFile] = useState(false);
  const preview = useMutation(trpc.onboarding.preview.mutationOptions());
  const confirm = useMutation(trpc.onboarding.confirm.mutationOptions());

  async function onPreview(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = (event.currentTarget.elements.namedItem("file") as HTMLInputElement | null)?.files?.[0];
    setNoFile(!file);
    if (!file) {
      // What was said of an earlier file no longer applies.
      preview.reset();
      confirm.reset();
      return;
    }
    const next = { fileName: file.name, contentBase64: await base64Of(file) };
    setChosen(next);
    confirm.reset();
    preview.mutate({ taskForceSlug, ...next });
  }

  const plan = preview.data;
  const errors = fieldErrorsOf(preview.error ?? confirm.error);
  const writable = plan ? plan.summary.create + plan.summary.update + plan.summary.invite : 0;

  return (
    <>
      <section aria-labelledby="import-file-heading">
        <h2 id="import-file-heading">{t("fileHeading")}</h2>
        <form className="stack" onSubmit={onPreview} noValidate aria-labelledby="import-file-heading">
          <FormError error={preview.error} />
          {noFile && (
            <div className="alert error" role="alert">
              {t("noFile")}
            </div>
          )}
          <Field label={t("file")} name="file" errors={errors}>
            {(control) => <input {...control} type="file" accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" />}
          </Field>
          <div>
            <button type="submit" disabled={preview.isPending}>
              {preview.isPending ? t("previewing") : t("preview")}
            </button>
          </div>
        </form>
      </section>

      {plan && (
        <section aria-labelledby="import-preview-heading">
          <h2 id="import-preview-heading">{t("previewHeading")}</h2>
          <p role="status">{t("summary", plan.summary)}</p>
          {plan.summary.errors > 0 && <p className="alert error">{t("fixFirst")}</p>}
          {plan.organizations.length > 0 && <h3>{t("organizationsTable")}</h3>}
          <DataTable caption={t("organizationsTable")} columns={[t("line"), t("name"), t("outcome")]} rows={plan.organizations} rowKey={(row) => String(row.line)}>
            {(row) => (
              <>
                <td>{row.line}</td>
                <th scope="row">{row.name}</th>
                <Outcome
                  action={
                    row.action === "update"
                      ? t("actions.update", { fields: row.changes.map((field) => t(`fields.${field}` as never)).join(", ") })
                      : t(`actions.${row.action}`)
                  }
                  problems={row.problems}
                />
              </>
            )}
          </DataTable>
          {plan.people.length > 0 && <h3>{t("peopleTable")}</h3>}
          <DataTable caption={t("peopleTable")} columns={[t("line"), t("email"), t("organization"), t("outcome")]} rows={plan.people} rowKey={(row) => String(row.line)}>
            {(row) => (
              <>
                <td>{row.line}</td>
                <th scope="row">{row.email}</th>
                <td>{row.organizationName}</td>
                <Outcome action={t(`actions.${row.action}`)} problems={row.problems} />
              </>
            )}
          </DataTable>
          {plan.summary.errors === 0 && writable > 0 && chosen && !confirm.data && (
            <div className="stack">
              <FormError error={confirm.error} />
              <div>
                <button type="button" onClick={() => confirm.mutate({ taskForceSlug, ...chosen })} disabled={confirm.isPending}>
                  {confirm.isPending ? t("importing") : t("confirm", { count: writable })}
                </button>
              </div>
            </div>
          )}
        </section>
      )}

      {confirm.data && (
        <section aria-labelledby="import-done-heading" className="stack">
          <h2 id="import-done-heading" className="visually-hidden">
            {t("previewHeading")}
          </h2>
          <SuccessMessage>{t("done", confirm.data.summary)}</SuccessMessage>
          {confirm.data.invitations.some((invitation) => !invitation.emailed) && <p>{t("linksIntro")}</p>}
          <LinkSheet invitations={confirm.data.invitations} />
          {confirm.data.invitations.map((invitation) => (
            <InvitationOutcome key={invitation.invitationId} result={invitation} />
          ))}
          <p>
            <Link href={`/tf/${taskForceSlug}/members`}>{t("backToMembers")}</Link>
          </p>
        </section>
      )}
    </>
  );
}

/** What a row does, and each problem that stops it, named with its column. */
function Outcome({ action, problems }: { action: string; problems: RowProblem[] }) {
  const t = useTranslations("onboarding");
  const problemText = (problem: RowProblem) =>
    t("problem", {
      column: t.has(`columns.${problem.column}` as never) ? t(`columns.${problem.column}` as never) : problem.column,
      message: t.has(`problems.${problem.key}` as never) ? t(`problems.${problem.key}` as never, problem.values as never) : problem.key,
    });
  return (
    <td>
      {action}
      {problems.length > 0 && (
        <ul>
          {problems.map((problem) => (
            <li key={`${problem.column}-${problem.key}`}>{problemText(problem)}</li>
          ))}
        </ul>
      )}
    </td>
  );
}

/** Every link to pass on in one box, a line each with its address, to paste into a message or a sheet. */
function LinkSheet({ invitations }: { invitations: { email: string; link: string | null }[] }) {
  const t = useTranslations("onboarding");
  const lines = invitations.flatMap((invitation) => (invitation.link ? [`${invitation.email}\t${invitation.link}`] : []));
  if (lines.length < 2) return null;
  return (
    <div className="field">
      <label htmlFor="import-link-sheet">{t("linkSheet")}</label>
      <textarea id="import-link-sheet" readOnly rows={Math.min(lines.length, 12)} value={lines.join("\n")} onFocus={(event) => event.currentTarget.select()} />
    </div>
  );
}
