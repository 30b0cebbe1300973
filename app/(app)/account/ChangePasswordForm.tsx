"use client";

import { useMutation } from "@tanstack/react-query";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Field, fieldErrorsOf, FormError, formText, SuccessMessage } from "@/app/_components/forms";
import { NewPasswordFields, usePasswordConfirmation } from "@/app/_components/PasswordFields";
import { useTRPC } from "@/app/_trpc/client";

export function ChangePasswordForm({ email }: { email: string }) {
  const t = useTranslations("account");
  const trpc = useTRPC();
  const change = useMutation(trpc.account.changePassword.mutationOptions());
  const confirmation = usePasswordConfirmation("newPassword");
  const [done, setDone] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    setDone(false);
    const newPassword = confirmation.read(form);
    if (newPassword === null) return;
    await change.mutateAsync({ currentPassword: formText(form, "currentPassword"), newPassword }).then(
      async () => {
        // Sessions older than the change are refused, this one included: sign in again with the new password.
        await signIn("credentials", { email, password: newPassword, redirect: false });
        form.reset();
        setDone(true);
      },
      () => undefined,
    );
  }

  const errors = fieldErrorsOf(change.error);
  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      {done && <SuccessMessage>{t("saved")}</SuccessMessage>}
      <FormError error={change.error} />
      <Field label={t("currentPassword")} name="currentPassword" type="password" autoComplete="current-password" errors={errors} required />
      <NewPasswordFields name="newPassword" label={t("newPassword")} confirmLabel={t("confirmPassword")} mismatch={confirmation.mismatch} errors={errors} />
      <div>
        <button type="submit" disabled={change.isPending}>
          {t("save")}
        </button>
      </div>
    </form>
  );
}
