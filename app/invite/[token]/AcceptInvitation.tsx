"use client";

import { useMutation } from "@tanstack/react-query";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import type { FormEvent } from "react";
import { Field, fieldErrorsOf, FormError, formText } from "@/app/_components/forms";
import { NewPasswordFields } from "@/app/_components/PasswordFields";
import { useTRPC } from "@/app/_trpc/client";

const dashboardOf = (slug: string) => `/tf/${slug}/dashboard`;

/** A signed-in person whose email matches accepts with one click. */
export function AcceptInvitation({ token, taskForceSlug }: { token: string; taskForceSlug: string }) {
  const t = useTranslations("invite");
  const trpc = useTRPC();
  const accept = useMutation(
    trpc.invitation.accept.mutationOptions({ onSuccess: () => window.location.assign(dashboardOf(taskForceSlug)) }),
  );
  return (
    <>
      <FormError error={accept.error} />
      <button type="button" onClick={() => accept.mutate({ token })} disabled={accept.isPending || accept.isSuccess}>
        {accept.isPending ? t("accepting") : t("accept")}
      </button>
    </>
  );
}

/** Someone new chooses their name and password; the account is made for the invited address. */
export function CreateAccountAndAccept({ token, email }: { token: string; email: string }) {
  const t = useTranslations("invite");
  const trpc = useTRPC();
  const accept = useMutation(trpc.invitation.acceptWithNewAccount.mutationOptions());

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const password = formText(form, "password");
    const joined = await accept.mutateAsync({ token, name: formText(form, "name"), password }).catch(() => null);
    if (!joined) return;
    await signIn("credentials", { email, password, redirect: false });
    window.location.assign(dashboardOf(joined.taskForceSlug));
  }

  const errors = fieldErrorsOf(accept.error);
  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      <h2>{t("createAccount")}</h2>
      <FormError error={accept.error} />
      <Field label={t("name")} name="name" hint={t("nameHint")} autoComplete="name" errors={errors} required />
      <NewPasswordFields name="password" label={t("password")} errors={errors} />
      <div>
        <button type="submit" disabled={accept.isPending || accept.isSuccess}>
          {accept.isPending ? t("accepting") : t("accept")}
        </button>
      </div>
    </form>
  );
}
