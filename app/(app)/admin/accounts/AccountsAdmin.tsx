"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { CopyableLink } from "@/app/_components/InvitationOutcome";
import { Field, fieldErrorsOf, FormError, formText } from "@/app/_components/forms";
import { useTRPC } from "@/app/_trpc/client";

/** An administrator issues a single-use reset link for any account, to pass on themselves. */
export function ResetLinkForm() {
  const t = useTranslations("admin");
  const format = useFormatter();
  const trpc = useTRPC();
  const issue = useMutation(trpc.account.issueResetLink.mutationOptions());

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    issue.mutate({ email: formText(event.currentTarget, "email") });
  }

  return (
    <section aria-labelledby="reset-link-title">
      <h2 id="reset-link-title">{t("resetTitle")}</h2>
      <p>{t("resetIntro")}</p>
      {issue.data && (
        <div className="alert success" role="status">
          <p>
            {t("resetIssued", {
              name: issue.data.name,
              email: issue.data.email,
              expiresAt: format.dateTime(issue.data.expiresAt, { dateStyle: "medium", timeStyle: "short" }),
            })}
          </p>
          <CopyableLink link={issue.data.link} label={t("resetLinkLabel")} />
        </div>
      )}
      <form className="stack" onSubmit={onSubmit} noValidate>
        <FormError error={issue.error} />
        <Field label={t("resetEmail")} name="email" type="email" errors={fieldErrorsOf(issue.error)} required />
        <div>
          <button type="submit" disabled={issue.isPending}>
            {t("resetSubmit")}
          </button>
        </div>
      </form>
    </section>
  );
}

/** Removes the demo task forces and accounts after an explicit confirmation. */
export function DemoRemoval() {
  const t = useTranslations("demo");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const overview = useQuery(trpc.demo.overview.queryOptions());
  const [confirming, setConfirming] = useState(false);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const remove = useMutation(
    trpc.demo.remove.mutationOptions({
      onSuccess: async () => {
        setConfirming(false);
        await queryClient.invalidateQueries({ queryKey: trpc.demo.overview.queryKey() });
      },
    }),
  );

  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);

  const taskForces = overview.data?.taskForces ?? [];
  const accounts = overview.data?.accounts ?? [];
  return (
    <section aria-labelledby="demo-title">
      <h2 id="demo-title">{t("removeTitle")}</h2>
      {remove.data && (
        <p className="alert success" role="status">
          {t("removed", { taskForces: remove.data.taskForces, accounts: remove.data.accounts })}
        </p>
      )}
      <FormError error={remove.error} />
      {taskForces.length === 0 && accounts.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <>
          <p>
            {t("removeIntro", {
              taskForces: taskForces.map((taskForce) => taskForce.name).join(", ") || "—",
              accounts: accounts.length,
            })}
          </p>
          {confirming ? (
            <div className="confirm-panel" role="alertdialog" aria-labelledby="demo-confirm-title" aria-describedby="demo-confirm-text">
              <h3 id="demo-confirm-title">{t("confirmTitle")}</h3>
              <p id="demo-confirm-text">{t("confirmText")}</p>
              <div className="inline-actions">
                <button ref={confirmButton} type="button" className="danger" disabled={remove.isPending} onClick={() => remove.mutate({ confirm: true })}>
                  {remove.isPending ? t("removing") : t("confirm")}
                </button>
                <button type="button" className="secondary" onClick={() => setConfirming(false)}>
                  {t("cancel")}
                </button>
              </div>
            </div>
          ) : (
            <button type="button" className="danger" onClick={() => setConfirming(true)}>
              {t("remove")}
            </button>
          )}
        </>
      )}
    </section>
  );
}
