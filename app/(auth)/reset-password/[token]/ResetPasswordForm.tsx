"use client";

import { useMutation } from "@tanstack/react-query";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import type { FormEvent } from "react";
import { fieldErrorsOf, FormError } from "@/app/_components/forms";
import { NewPasswordFields, usePasswordConfirmation } from "@/app/_components/PasswordFields";
import { useTRPC } from "@/app/_trpc/client";

const afterReset = () => "/";

/** Sets the new password, then signs in with it (every other session has ended). */
export function ResetPasswordForm({ token }: { token: string }) {
  const t = useTranslations("resetPassword");
  const trpc = useTRPC();
  const reset = useMutation(trpc.account.resetPassword.mutationOptions());
  const confirmation = usePasswordConfirmation("password");

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const password = confirmation.read(event.currentTarget);
    if (password === null) return;
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
      <NewPasswordFields name="password" label={t("password")} confirmLabel={t("confirm")} mismatch={confirmation.mismatch} errors={errors} />
      <div>
        <button type="submit" disabled={reset.isPending || reset.isSuccess}>
          {reset.isPending ? t("submitting") : t("submit")}
        </button>
      </div>
    </form>
  );
}
