"use client";

import { useMutation } from "@tanstack/react-query";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import type { FormEvent } from "react";
import { Field, fieldErrorsOf, FormError, formText } from "@/app/_components/forms";
import { NewPasswordFields } from "@/app/_components/PasswordFields";
import { useTRPC } from "@/app/_trpc/client";

const afterSetup = () => "/admin/task-forces";

export function SetupForm({ token }: { token: string }) {
  const t = useTranslations("setup");
  const trpc = useTRPC();
  const complete = useMutation(trpc.account.completeSetup.mutationOptions());

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const password = formText(form, "password");
    const done = await complete.mutateAsync({ token, email: formText(form, "email"), name: formText(form, "name"), password }).catch(() => null);
    if (!done) return;
    await signIn("credentials", { email: done.email, password, redirect: false });
    // A full navigation, so that server components render with the new session.
    window.location.assign(afterSetup());
  }

  const errors = fieldErrorsOf(complete.error);
  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      <FormError error={complete.error} />
      <Field label={t("email")} name="email" type="email" autoComplete="username" errors={errors} required />
      <Field label={t("name")} name="name" autoComplete="name" errors={errors} required />
      <NewPasswordFields name="password" label={t("password")} errors={errors} />
      <div>
        <button type="submit" disabled={complete.isPending || complete.isSuccess}>
          {complete.isPending ? t("submitting") : t("submit")}
        </button>
      </div>
    </form>
  );
}
