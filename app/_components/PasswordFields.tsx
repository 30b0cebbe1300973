"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Field, formText } from "@/app/_components/forms";
import type { FieldErrors } from "@/server/trpc/fieldErrors";

const CONFIRM = "confirmPassword";

/**
 * The typed-twice check of a new password, made in the browser: the server never sees the second
 * copy. `read` gives the new password when both copies agree, or null after marking the second one.
 */
export function usePasswordConfirmation(name: string) {
  const [mismatch, setMismatch] = useState(false);
  return {
    mismatch,
    read(form: HTMLFormElement): string | null {
      const password = formText(form, name);
      const agrees = password === formText(form, CONFIRM);
      setMismatch(!agrees);
      return agrees ? password : null;
    },
  };
}

/**
 * A new password with the rule it must meet, and the same typed again when `confirmLabel` is given
 * (setting or changing a password; an invitation's new account asks once). Browsers offer to
 * generate and store it because of autocomplete="new-password".
 */
export function NewPasswordFields({
  name,
  label,
  confirmLabel,
  mismatch = false,
  errors,
}: {
  name: string;
  label: string;
  confirmLabel?: string;
  /** From usePasswordConfirmation: the second copy differs. */
  mismatch?: boolean;
  errors: FieldErrors;
}) {
  const t = useTranslations("account");
  return (
    <>
      <Field label={label} name={name} type="password" autoComplete="new-password" hint={t("newPasswordHint")} errors={errors} required />
      {confirmLabel && (
        <Field
          label={confirmLabel}
          name={CONFIRM}
          type="password"
          autoComplete="new-password"
          errors={mismatch ? { [CONFIRM]: [{ key: "passwordMismatch" }] } : undefined}
          required
        />
      )}
    </>
  );
}
