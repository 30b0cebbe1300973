"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Field, fieldErrorsOf, FormError, formText } from "@/app/_components/forms";
import { useTRPC } from "@/app/_trpc/client";

export function ForgotPasswordForm() {
  const t = useTranslations("forgotPassword");
  const trpc = useTRPC();
  const request = useMutation(trpc.account.requestPasswordReset.mutationOptions());
  const [sentTo, setSentTo] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = formText(event.currentTarget, "email");
    setSentTo(null);
    const done = await request.mutateAsync({ email }).catch(() => null);
    if (done) setSentTo(email.trim());
  }

  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      {sentTo && (
        <p className="alert success" role="status">
          {t("sent", { email: sentTo })}
        </p>
      )}
      <FormError error={request.error} />
      <Field label={t("email")} name="email" type="email" autoComplete="username" errors={fieldErrorsOf(request.error)} required />
      <div>
        <button type="submit" disabled={request.isPending}>
          {request.isPending ? t("submitting") : t("submit")}
        </button>
      </div>
    </form>
  );
}
