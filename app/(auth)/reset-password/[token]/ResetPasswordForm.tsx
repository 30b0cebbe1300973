"use client";

import { useMutation } from "@tanstack/react-query";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Field, fieldErrorsOf, FormError, formText } from "@/app/_components/forms";
import { useTRPC } from "@/app/_trpc/client";

const afterReset = () => "/";

/** Sets the new password, then signs in with it (every other session has ended). */
export function ResetPasswordForm({ token }: { token: string }) {
  const t = useTranslations("resetPassword");
  const tAccount = useTranslations("account");
  const trpc = useTRPC();
  const reset = useMutation(trpc.account.resetPassword.mutationOptions());
  const [mismatch, setMismatch] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const password = formText(form, "password");
    const differs = password !== formText(form, "confirmPassword");
    setMismatch(differs);
    if (differs) return;
    const done = await reset.mutateAsync({ token, password }).catch(() => null);
    if (!done) return;
    await signIn("credentials", { email: done.email, password, redirect: false });
    // A full navigation, so that server components render with the new session.
    window.location.assign(afterReset());
  }

  const errors = fieldErrorsOf(reset.error);
  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      <FormError error={reset.error} />
      <Field
        label={t("password")}
        name="password"
        type="password"
        autoComplete="new-password"
        hint={tAccount("newPasswordHint")}
        errors={errors}
        required
      />
      <Field
        label={t("confirm")}
        name="confirmPassword"
        type="password"
        autoComplete="new-password"
        errors={mismatch ? { confirmPassword: [{ key: "passwordMismatch" }] } : undefined}
        required
      />
      <div>
        <button type="submit" disabled={reset.isPending || reset.isSuccess}>
          {reset.isPending ? t("submitting") : t("submit")}
        </button>
      </div>
    </form>
  );
}
