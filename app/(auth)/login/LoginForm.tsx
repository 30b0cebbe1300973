"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Field, formText } from "@/app/_components/forms";

/** Must match SIGN_IN_RATE_LIMITED in server/auth/options.ts (kept apart: that module is server-only). */
const RATE_LIMITED = "RateLimited";

export function LoginForm({ callbackUrl, defaultEmail }: { callbackUrl: string; defaultEmail?: string }) {
  const t = useTranslations("login");
  const [problem, setProblem] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setProblem(null);
    const form = event.currentTarget;
    const result = await signIn("credentials", {
      email: formText(form, "email"),
      password: formText(form, "password"),
      redirect: false,
    }).catch(() => null);
    if (result?.ok && !result.error) {
      // A full navigation, so that server components render with the new session.
      window.location.assign(callbackUrl);
      return;
    }
    setPending(false);
    setProblem(
      result?.error === RATE_LIMITED ? t("rateLimited") : result?.error === "CredentialsSignin" ? t("invalidCredentials") : t("failed"),
    );
  }

  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      {problem && (
        <div className="alert error" role="alert">
          {problem}
        </div>
      )}
      <Field label={t("email")} name="email" type="email" autoComplete="username" defaultValue={defaultEmail} required />
      <Field label={t("password")} name="password" type="password" autoComplete="current-password" required />
      <div>
        <button type="submit" disabled={pending}>
          {pending ? t("submitting") : t("submit")}
        </button>
      </div>
    </form>
  );
}
